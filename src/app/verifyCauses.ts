/**
 * Verify for people: the cell-level findings grouped by cause, root cause first, each one line in
 * Finnish, Swedish or English. A changed input table explains every value that follows from it, so
 * it comes first and the values are one count; a structure change is one finding, not hundreds.
 */
import type { Lang } from '../domain/problems';
import type { VerifyCause, VerifyFinding } from './api';

type Catalog = Record<VerifyCause['code'], Record<Lang, string>>;

const TEXT: Catalog = {
  'inputs-changed': {
    fi: 'Syötteet ovat muuttuneet laskennan ({time}) jälkeen: {tables}. Laske kustannustenjako uudelleen.',
    sv: 'Indata har ändrats efter beräkningen ({time}): {tables}. Beräkna kostnadsfördelningen på nytt.',
    en: 'The inputs changed after the run ({time}): {tables}. Run the allocation again.',
  },
  'no-run-log': {
    fi: 'Ajolokia (TYM_Ajoloki) ei löydy: syötteiden muutoksia ajon jälkeen ei voi todeta. Laske uudelleen, jos et ole varma.',
    sv: 'Körloggen (TYM_Ajoloki) saknas: ändringar i indata efter körningen kan inte fastställas. Beräkna på nytt om du är osäker.',
    en: 'The run log (TYM_Ajoloki) is missing: changes to the inputs after the run cannot be told. Run again if unsure.',
  },
  'recalculate-first': {
    fi: 'Kaavoilta puuttuvat lasketut arvot (soluja: {count}): avaa tiedosto Excelissä tai LibreOfficessa, anna sen laskea ja tallenna, ja tarkista sitten uudelleen.',
    sv: 'Formlerna saknar beräknade värden (celler: {count}): öppna filen i Excel eller LibreOffice, låt den räkna om och spara, och kontrollera sedan på nytt.',
    en: 'The formulas have no computed values (cells: {count}): open the file in Excel or LibreOffice, let it recalculate and save, then verify again.',
  },
  'sheet-missing': {
    fi: 'Tulosvälilehti {sheet} puuttuu. Laske uudelleen.',
    sv: 'Resultatbladet {sheet} saknas. Beräkna på nytt.',
    en: 'Output sheet {sheet} is missing. Run again.',
  },
  'table-range': {
    fi: 'Taulukon {table} alue on {actual}, laskennassa {expected}: taulukkoa on lyhennetty, pidennetty tai siirretty. Laske uudelleen.',
    sv: 'Tabellen {table} har området {actual}, vid beräkningen {expected}: tabellen har kortats, förlängts eller flyttats. Beräkna på nytt.',
    en: 'Table {table} spans {actual}, the run wrote {expected}: the table was cut, extended or moved. Run again.',
  },
  'name-changed': {
    fi: 'Määritetty nimi {name} viittaa kohteeseen {actual}, laskennassa {expected}. Laske uudelleen.',
    sv: 'Det definierade namnet {name} refererar till {actual}, vid beräkningen {expected}. Beräkna på nytt.',
    en: 'Defined name {name} refers to {actual}, the run defined {expected}. Run again.',
  },
  structure: {
    fi: '{sheet}: laskennasta poikkeavia kaavoja {count} (rakenne muuttunut, esim. rivejä lisätty): laske uudelleen. Ensimmäiset: {cells}.',
    sv: '{sheet}: formler som avviker från beräkningen: {count} (strukturen ändrad, t.ex. rader tillagda): beräkna på nytt. Första: {cells}.',
    en: '{sheet}: formulas that differ from the run: {count} (the structure changed, e.g. rows added): run again. First: {cells}.',
  },
  overwritten: {
    fi: '{sheet}: käsin korvattuja tai muutettuja kaavoja {count}: {cells}. Laske uudelleen tai palauta kaavat.',
    sv: '{sheet}: formler ersatta eller ändrade för hand: {count} ({cells}). Beräkna på nytt eller återställ formlerna.',
    en: '{sheet}: formulas overwritten or edited by hand: {count} ({cells}). Run again or restore the formulas.',
  },
  values: {
    fi: '{sheet}: syötteistä laskettavasta poikkeavia arvoja {count}: {cells}.',
    sv: '{sheet}: värden som avviker från det som beräknas ur indata: {count} ({cells}).',
    en: '{sheet}: values that differ from what the inputs give: {count} ({cells}).',
  },
  'values-follow-inputs': {
    fi: 'Syötteitä vastaamattomia tulosarvoja {count} (seurausta yllä mainitusta muutoksesta).',
    sv: 'Resultatvärden som inte längre motsvarar indata: {count} (följd av ändringen ovan).',
    en: 'Output values that no longer match the inputs: {count} (a consequence of the change above).',
  },
  'master-false': {
    fi: 'Työkirjan oma pääkerroin TYM_TARKISTUS on EPÄTOSI: {checks}.',
    sv: 'Arbetsbokens egen huvudkontroll TYM_TARKISTUS är FALSK: {checks}.',
    en: "The workbook's own master check TYM_TARKISTUS is FALSE: {checks}.",
  },
  'inputs-invalid': {
    fi: 'Syötteissä on virheitä (alla): tuloksia ei voi laskea uudelleen tarkistusta varten.',
    sv: 'Indata innehåller fel (nedan): resultaten kan inte beräknas på nytt för kontrollen.',
    en: 'The inputs have errors (below): the results cannot be recomputed to verify them.',
  },
  ok: {
    fi: 'Kaikki {count} tulossolua täsmäävät syötteisiin, ja syötteet ovat samat kuin laskennassa.',
    sv: 'Alla {count} resultatceller stämmer med indata, och indata är desamma som vid beräkningen.',
    en: 'All {count} output cells match the inputs, and the inputs are those of the run.',
  },
};

export function formatCause(c: VerifyCause, lang: Lang = 'fi'): string {
  return TEXT[c.code][lang].replace(/\{(\w+)\}/g, (_, k: string) => String(c.params[k] ?? ''));
}

const SHOWN = 8;
const cellsText = (fs: VerifyFinding[]) =>
  fs
    .slice(0, SHOWN)
    .map((f) => f.address)
    .join(', ') + (fs.length > SHOWN ? ', …' : '');

/**
 * Groups cell findings by sheet and kind. A sheet where most formulas differ is a structure change
 * (one cause); a few differing formulas are overwritten cells; values are grouped per sheet, or,
 * when an input table changed after the run, counted as its consequence.
 */
export function groupFindings(findings: VerifyFinding[], formulasPerSheet: Map<string, number>, inputsChanged: boolean): VerifyCause[] {
  const out: VerifyCause[] = [];
  const bySheet = new Map<string, VerifyFinding[]>();
  for (const f of findings) {
    let l = bySheet.get(f.sheet);
    if (!l) bySheet.set(f.sheet, (l = []));
    l.push(f);
  }
  let followValues = 0;
  for (const [sheet, fs] of bySheet) {
    const missing = fs.filter((f) => f.kind === 'missing');
    for (const m of missing) out.push({ code: 'sheet-missing', params: { sheet: m.sheet }, cells: [], count: 1 });
    const formulas = fs.filter((f) => f.kind === 'formula');
    const values = fs.filter((f) => f.kind === 'value');
    const total = formulasPerSheet.get(sheet) ?? formulas.length;
    if (formulas.length) {
      const structural = formulas.length > 20 && formulas.length > total / 5;
      out.push({
        code: structural ? 'structure' : 'overwritten',
        params: { sheet, count: formulas.length, cells: cellsText(formulas) },
        cells: formulas.map((f) => `${f.sheet}!${f.address}`),
        count: formulas.length,
      });
    }
    if (values.length) {
      if (inputsChanged) followValues += values.length;
      else
        out.push({
          code: 'values',
          params: { sheet, count: values.length, cells: cellsText(values) },
          cells: values.map((f) => `${f.sheet}!${f.address}`),
          count: values.length,
        });
    }
  }
  if (followValues) out.push({ code: 'values-follow-inputs', params: { count: followValues }, cells: [], count: followValues });
  return out;
}
