/**
 * What Excel's failures mean for the adapter, and the errors it raises itself when Excel's own
 * would not tell the user what to do. Error codes are the ones office.js gives (OfficeExtension
 * ErrorCodes; the RichApi host's numeric codes are mapped to them inside office.js).
 *
 * The messages are in Finnish, Swedish and English, because the task pane shows an unknown error's
 * message as it is; the pane may also recognise the errors by `name` and say it in its own words.
 */

/** Error codes office.js gives when a request or response is over Excel on the web's 5 MB. */
const PAYLOAD_LIMIT_CODES = new Set(['ResponsePayloadSizeLimitExceeded', 'RequestPayloadSizeLimitExceeded']);

function codeOf(error: unknown): string | undefined {
  const e = error as { code?: unknown } | null;
  return e && typeof e === 'object' && typeof e.code === 'string' ? e.code : undefined;
}

export function isPayloadLimitError(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown } | null;
  if (!e || typeof e !== 'object') return false;
  const code = codeOf(e);
  if (code && PAYLOAD_LIMIT_CODES.has(code)) return true;
  return typeof e.message === 'string' && /payload size.*(limit|exceed)/i.test(e.message);
}

/**
 * Excel on the web has also answered an oversized response with a bare "GeneralException" instead
 * of the payload-limit code (OfficeDev/office-js issues 354 and 1314). The adapter treats it as the
 * limit only when the read was large enough for that to be the likely cause.
 */
export function isGeneralException(error: unknown): boolean {
  return codeOf(error) === 'GeneralException';
}

/**
 * The user is typing in a cell. office.js maps the host's code 5004 (ooeInvalidApiCallInContext) to
 * InvalidOperationInCellEditMode; the delayForCellEdit documentation calls it InvalidOperation.
 */
export function isCellEditError(error: unknown): boolean {
  return codeOf(error) === 'InvalidOperationInCellEditMode';
}

/**
 * "The current selection is invalid for this operation": what worksheet-scoped names (issue 6365)
 * and workbook.getActiveCell (issue 5319) give while another workbook window is active, and what
 * getActiveCell gives while a shape or chart is selected.
 */
export function isInvalidSelection(error: unknown): boolean {
  return codeOf(error) === 'InvalidSelection';
}

/** Excel refused a read or a change because this workbook was not the active window (or no cell was selected). */
export class WorkbookNotActiveError extends Error {
  constructor(
    /** True when the previous results were put back as they were; false when some of it could not be undone. */
    readonly restored: boolean,
    readonly cause?: unknown,
  ) {
    super(
      [
        'Excel ei sallinut toimintoa, koska tämä työkirja ei ollut aktiivisena (toinen työkirja tai kuva oli valittuna). Palaa tähän työkirjaan, valitse jokin solu ja yritä uudelleen.',
        'Excel tillät inte åtgärden eftersom den här arbetsboken inte var aktiv (en annan arbetsbok eller en bild var markerad). Gå tillbaka till arbetsboken, markera en cell och försök igen.',
        'Excel did not allow this because this workbook was not the active window (another workbook, or a picture, was selected). Return to this workbook, select a cell and try again.',
        restored
          ? 'Aiemmat tulokset ovat ennallaan. / De tidigare resultaten är oförändrade. / The previous results are unchanged.'
          : 'Osa keskeneräisestä kirjoituksesta voi olla jäänyt työkirjaan; seuraava ajo siivoaa sen. / En del av den avbrutna skrivningen kan ha blivit kvar; nästa körning städar bort den. / Part of the interrupted write may be left in the workbook; the next run tidies it up.',
      ].join('\n'),
    );
    this.name = 'WorkbookNotActiveError';
  }
}

/** The user was editing a cell and this Excel cannot wait for it (no DelayForCellEdit support). */
export class CellEditModeError extends Error {
  constructor(readonly cause?: unknown) {
    super(
      [
        'Excel on solun muokkaustilassa. Lopeta muokkaus (Enter tai Esc) ja yritä uudelleen.',
        'Excel är i redigeringsläge för en cell. Avsluta redigeringen (Enter eller Esc) och försök igen.',
        'Excel is in cell-editing mode. Finish editing (Enter or Esc) and try again.',
      ].join('\n'),
    );
    this.name = 'CellEditModeError';
  }
}

/** A failed write could not be undone even after retries: the workbook holds part of the new outputs. */
export class RecoveryFailedError extends Error {
  constructor(
    readonly cause: unknown,
    readonly recoveryError: unknown,
  ) {
    super(
      [
        'Tulosten kirjoitus keskeytyi, eikä Excel sallinut palauttaa aiempia tuloksia. Laske uudelleen: seuraava ajo korvaa keskeneräiset TYM_-välilehdet ja poistaa ~TYM-alkuiset varmuuskopiot.',
        'Skrivningen av resultaten avbröts och Excel tillät inte att de tidigare resultaten återställdes. Kör igen: nästa körning ersätter de ofullständiga TYM_-bladen och tar bort säkerhetskopiorna som börjar med ~TYM.',
        'Writing the results stopped and Excel did not allow the previous results to be put back. Run again: the next run replaces the incomplete TYM_ sheets and removes the backups whose names start with ~TYM.',
        `(${messageOf(cause)})`,
      ].join('\n'),
    );
    this.name = 'RecoveryFailedError';
  }
}

export function messageOf(error: unknown): string {
  const e = error as { code?: unknown; message?: unknown } | null;
  const code = codeOf(e);
  const message = e && typeof e === 'object' && typeof e.message === 'string' ? e.message : String(error);
  return code ? `${code}: ${message}` : message;
}
