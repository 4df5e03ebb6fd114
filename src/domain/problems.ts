/**
 * Typed input problems. Every problem names where it is (sheet, table, row, column, cell) and
 * carries a code and parameters; `formatProblem` turns it into Finnish, Swedish or English text.
 */

export type Severity = 'error' | 'warning';

export interface Where {
  sheet?: string;
  table?: string;
  /** Sheet row number (1-based). */
  row?: number;
  /** Header text of the column as in the workbook. */
  column?: string;
  /** A1 address of the cell, e.g. "E7". */
  cell?: string;
}

export interface Problem {
  severity: Severity;
  code: string;
  params: Record<string, string | number>;
  where: Where;
}

/** Thrown by the domain when the input cannot be allocated. Carries every problem found. */
export class InputError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    super(problems.map((p) => formatProblem(p, 'en')).join('\n'));
    this.name = 'InputError';
    this.problems = problems;
  }
}

export type Lang = 'fi' | 'sv' | 'en';

type Catalog = Record<string, Record<Lang, string>>;

/** Message texts by code; {name} is replaced by params.name. Extended by the parser's codes. */
export const MESSAGES: Catalog = {
  'key-total-zero': {
    fi: 'Jakoavaimen {key} summa on nolla ryhmälle {group}: jakoa ei voi tehdä. Tarkista {hint}.',
    sv: 'Fördelningsnyckeln {key} summerar till noll för gruppen {group}: kan inte fördelas. Kontrollera {hint}.',
    en: 'The {key} key totals zero for group {group}: it cannot be split. Check {hint}.',
  },
  'event-without-registrants': {
    fi: 'Tilaisuudella "{event}" ei ole yhtään voimassa olevaa ilmoittautumista vuodelta {year}, mutta sille on kustannusrivi. Lisää ilmoittautumiset tai poista tilaisuus kustannusriviltä.',
    sv: 'Evenemanget "{event}" har inga giltiga anmälningar för år {year}, men det har en kostnadsrad. Lägg till anmälningar eller ta bort evenemanget från kostnadsraden.',
    en: 'Event "{event}" has no active registrations in {year} but has a cost line. Add the registrations or remove the event from the cost line.',
  },
  'no-cost-lines': {
    fi: 'Vuodelle {year} ei ole yhtään kustannusriviä: jaettavaa ei ole. Lisää TA- tai TOT-rivit Kustannukset-taulukkoon tai tarkista Vuosi-asetus.',
    sv: 'Det finns inga kostnadsrader för år {year}: inget att fördela. Lägg till TA- eller TOT-rader i tabellen Kustannukset eller kontrollera inställningen Vuosi.',
    en: 'There are no cost lines for {year}: nothing to split. Add TA or TOT lines to the Kustannukset table or check the Vuosi setting.',
  },
  'duplicate-registration': {
    fi: 'Sama henkilö on ilmoittautunut tilaisuuteen "{event}" useammin kuin kerran: rivi lasketaan kerran (ensimmäinen rivi {firstRow}).',
    sv: 'Samma person har anmält sig till "{event}" flera gånger: räknas en gång (första raden {firstRow}).',
    en: 'The same person registered for "{event}" more than once: counted once (first row {firstRow}).',
  },
};

export function formatProblem(p: Problem, lang: Lang = 'fi'): string {
  const template = MESSAGES[p.code]?.[lang] ?? `${p.code} ${JSON.stringify(p.params)}`;
  const text = template.replace(/\{(\w+)\}/g, (_, k: string) => (k in p.params ? String(p.params[k]) : `{${k}}`));
  return `${formatWhere(p.where, lang)}${text}`;
}

const WHERE_WORDS: Record<Lang, { sheet: string; row: string; column: string; cell: string }> = {
  fi: { sheet: 'Taulukko', row: 'rivi', column: 'sarake', cell: 'solu' },
  sv: { sheet: 'Blad', row: 'rad', column: 'kolumn', cell: 'cell' },
  en: { sheet: 'Sheet', row: 'row', column: 'column', cell: 'cell' },
};

export function formatWhere(w: Where, lang: Lang = 'fi'): string {
  const words = WHERE_WORDS[lang];
  const parts: string[] = [];
  if (w.sheet) parts.push(`${words.sheet} ${w.sheet}${w.table ? ` (${w.table})` : ''}`);
  else if (w.table) parts.push(w.table);
  if (w.cell) parts.push(`${words.cell} ${w.cell}`);
  else {
    if (w.row !== undefined) parts.push(`${words.row} ${w.row}`);
  }
  if (w.column) parts.push(`${words.column} "${w.column}"`);
  return parts.length ? `${parts.join(', ')}: ` : '';
}

export function error(code: string, where: Where, params: Record<string, string | number> = {}): Problem {
  return { severity: 'error', code, params, where };
}

export function warning(code: string, where: Where, params: Record<string, string | number> = {}): Problem {
  return { severity: 'warning', code, params, where };
}
