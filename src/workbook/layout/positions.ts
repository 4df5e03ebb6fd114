/**
 * Where everything sits on the output sheets. Computed once from the model, before any formula is
 * written, because the sheets refer to each other.
 */
import type { InputModel } from '../../domain/types';
import { identityKey } from '../../domain/text';
import { INSTALLMENTS } from '../../domain/invoicing';
import {
  BILLING_PERIOD_WORDS,
  KIND_WORDS,
  MUNICIPAL_BASIS_WORDS,
  ORGANISATION_WORDS,
  POOL_WORDS,
  STAFF_BASIS_WORDS,
  STATUS_WORDS,
} from '../../domain/contract';
import { a1, onSheet, range } from '../formula';

export const SHEETS = {
  results: 'TYM_Tulokset',
  checks: 'TYM_Tarkistukset',
  split: 'TYM_Jako',
  municipal: 'TYM_Kuntajako',
  invoicing: 'TYM_Laskutus',
  invoiceRows: 'TYM_Laskurivit',
  scenarios: 'TYM_Skenaariot',
  scenarioSplits: 'TYM_Skenaariojako',
  budgetKey: 'TYM_TA_avain',
  staffing: 'TYM_Henkilostoresurssit',
  comparison: 'TYM_Vertailu',
  params: 'TYM_Parametrit',
  rows: 'TYM_Rivit',
} as const;

export const OUTPUT_SHEET_NAMES: readonly string[] = Object.values(SHEETS);

/** First data row (0-based) of the row blocks on TYM_Rivit and of the split sheets. */
export const ROWS_FIRST = 5;
export const SPLIT_FIRST = 4;

/** Columns of the row blocks on TYM_Rivit. */
export const STAFF_COL = { n: 0, org: 1, muni: 2, unit: 3, headcount: 4, fte: 5, start: 6, end: 7, days: 8, key: 9, avgFte: 10 } as const;
export const REG_COL = { n: 12, event: 13, org: 14, active: 15, same: 16, activeBefore: 17, counted: 18 } as const;
export const COST_COL = { n: 20, kind: 21, pool: 22, event: 23, yearOk: 24, amount: 25, payer: 26 } as const;
export const ROWS_LAST_COL = COST_COL.payer;

/** Columns of TYM_Jako and TYM_Kuntajako. */
export const SPLIT_COL = {
  group: 0,
  kind: 1,
  pool: 2,
  eventNo: 3,
  event: 4,
  receiver: 5,
  amount: 6,
  key: 7,
  fraction: 8,
  exact: 9,
  floor: 10,
  remainder: 11,
  leftover: 12,
  rank: 13,
  share: 14,
  groupOk: 15,
  withinCent: 16,
} as const;

/** Settings block rows on TYM_Parametrit (0-based sheet rows), value in column C, code/flag in D. */
export const SETTING_ROW = {
  year: 5,
  yearStart: 6,
  yearEnd: 7,
  daysInYear: 8,
  staffBasis: 9,
  municipalBasis: 10,
  agreedTvaPct: 11,
  kelaPct: 12,
  employer: 13,
  billingPeriod: 14,
  customerEstimate: 15,
} as const;
export const PARAM_VALUE_COL = 2;
export const PARAM_CODE_COL = 3;
export const STAFF_KEY_FIRST = 19; // TVA, HVA, KELA rows; key in column B
export const EVENTS_HEADER = 24;

/** Billing period codes in the workbook: the installments per year, as the domain counts them. */
export const BILLING_PERIOD_CODE = INSTALLMENTS;

export interface WordList {
  title: string;
  pairs: ReadonlyArray<readonly [string, string | number]>;
  /** Absolute ranges on TYM_Parametrit, with the sheet name. */
  words: string;
  codes: string;
}

/** Staff basis codes as CHOOSE indexes: 1 headcount, 2 FTE, 3 FTE weighted by days. */
export const STAFF_BASIS_CODE = { headcount: 1, fte: 2, 'fte-time-weighted': 3 } as const;
/** Municipal basis codes: 1 population, 2 jobseekers, 3 TVA staff placed, 4 agreed percentages. */
export const MUNICIPAL_BASIS_CODE = { population: 1, jobseekers: 2, staff: 3, agreed: 4 } as const;

export interface EventEntry {
  no: number;
  name: string;
  eventKey: string;
  row: number;
}

export interface Positions {
  /** Data rows per table, i.e. the table's row count (at least 1 so ranges are valid). */
  staffRows: number;
  regRows: number;
  costRows: number;
  events: EventEntry[];
  eventsYearRow: number;
  muniHeader: number;
  muniFirst: number;
  words: Record<'org' | 'status' | 'kind' | 'pool' | 'staffBasis' | 'municipalBasis' | 'billingPeriod', WordList>;
  /** Absolute, sheet-qualified reference to a settings value (col C) or code (col D). */
  setting(row: number, code?: boolean): string;
  /** Absolute sheet-qualified range of a TYM_Rivit column over its block's rows. */
  rowsRange(col: number, rows: number): string;
  eventNo(eventKey: string | null): number;
}

const WORDS_COL = 10; // K: word, L: code

export function computePositions(model: InputModel): Positions {
  const events: EventEntry[] = [];
  const seen = new Set<string>();
  // Events of the registrations, then those only the participant plan names (issue 12: a budget line may name them).
  const named = [...model.registrations, ...(model.plan ?? []).flatMap((p) => (p.event === null ? [] : [{ event: p.event, eventKey: p.eventKey! }]))];
  for (const r of named) {
    if (seen.has(r.eventKey)) continue;
    seen.add(r.eventKey);
    events.push({ no: events.length + 1, name: r.event, eventKey: r.eventKey, row: EVENTS_HEADER + 1 + events.length });
  }
  const eventsYearRow = EVENTS_HEADER + 1 + events.length;
  const muniHeader = eventsYearRow + 3;

  let wordRow = 4;
  const list = (title: string, pairs: ReadonlyArray<readonly [string, string | number]>): WordList => {
    const first = wordRow + 1;
    const last = first + pairs.length - 1;
    wordRow = last + 2;
    return {
      title,
      pairs,
      words: onSheet(SHEETS.params, range(first, WORDS_COL, last, WORDS_COL)),
      codes: onSheet(SHEETS.params, range(first, WORDS_COL + 1, last, WORDS_COL + 1)),
    };
  };
  const words = {
    org: list('Organisaatio', ORGANISATION_WORDS),
    status: list('Tila (1 = voimassa)', STATUS_WORDS.map(([w, c]) => [w, c === 'active' ? 1 : 0] as const)),
    kind: list('Laji', KIND_WORDS),
    pool: list('Pooli', POOL_WORDS),
    staffBasis: list('Henkilöstöperuste', STAFF_BASIS_WORDS.map(([w, c]) => [w, STAFF_BASIS_CODE[c]] as const)),
    municipalBasis: list('Kuntajaon peruste', MUNICIPAL_BASIS_WORDS.map(([w, c]) => [w, MUNICIPAL_BASIS_CODE[c]] as const)),
    billingPeriod: list('Laskutusjakso (eriä vuodessa)', BILLING_PERIOD_WORDS.map(([w, c]) => [w, BILLING_PERIOD_CODE[c]] as const)),
  };
  const byKey = new Map(events.map((e) => [e.eventKey, e.no]));
  const count = (t: string) => Math.max(1, model.tables[t]?.rowCount ?? 0);
  return {
    staffRows: count('henkilosto'),
    regRows: count('ilmoittautumiset'),
    costRows: count('kustannukset'),
    events,
    eventsYearRow,
    muniHeader,
    muniFirst: muniHeader + 1,
    words,
    setting: (row, code = false) => onSheet(SHEETS.params, a1(row, code ? PARAM_CODE_COL : PARAM_VALUE_COL, true)),
    rowsRange: (col, rows) => onSheet(SHEETS.rows, range(ROWS_FIRST, col, ROWS_FIRST + rows - 1, col)),
    eventNo: (eventKey) => (eventKey === null ? 0 : (byKey.get(eventKey) ?? byKey.get(identityKey(eventKey)) ?? 0)),
  };
}

export { WORDS_COL };
