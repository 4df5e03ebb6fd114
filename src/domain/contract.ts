/**
 * The workbook contract: which input tables the add-in reads, their columns and the words it
 * accepts in them. Finnish names are canonical; English aliases are accepted.
 * Headers and table names match case- and space-insensitively (see `headerKey`); cell words
 * match after Excel's TRIM and ignoring case (see `identityKey`), exactly as the written
 * formulas match them, so the engine and the workbook never disagree.
 */
import { identityKey } from './text';
import type { BillingPeriod, CostKind, MunicipalBasis, PartyCode, Pool, StaffBasis } from './types';

export interface ColumnDef {
  /** Canonical key used in code. */
  key: string;
  /** Accepted header texts; the first is canonical (used in templates). */
  names: string[];
  required: boolean;
}

export interface TableDef {
  key: TableKey | OptionalTableKey;
  /** Accepted table names; the first is canonical. */
  names: string[];
  /** Canonical sheet name for templates. */
  sheet: string;
  columns: ColumnDef[];
}

export type TableKey = 'asetukset' | 'kunnat' | 'henkilosto' | 'ilmoittautumiset' | 'kustannukset';
/** Tables a workbook may have; when absent nothing is missing (issue 12: the participant plan). */
export type OptionalTableKey = 'suunnitelma';

const col = (key: string, required: boolean, ...names: string[]): ColumnDef => ({ key, names, required });

export const TABLES: Record<TableKey, TableDef> = {
  asetukset: {
    key: 'asetukset',
    names: ['Asetukset', 'Settings'],
    sheet: 'Asetukset',
    columns: [col('setting', true, 'Asetus', 'Setting'), col('value', true, 'Arvo', 'Value')],
  },
  kunnat: {
    key: 'kunnat',
    names: ['Kunnat', 'Municipalities'],
    sheet: 'Kunnat',
    columns: [
      col('name', true, 'Kunta', 'Municipality'),
      col('population', false, 'Asukasluku', 'Population'),
      col('jobseekers', false, 'Työttömät', 'Jobseekers', 'Unemployed'),
      col('agreedPct', false, 'Sovittu osuus %', 'Agreed share %'),
      col('businessId', false, 'Y-tunnus', 'Business ID'),
    ],
  },
  henkilosto: {
    key: 'henkilosto',
    names: ['Henkilosto', 'Henkilöstö', 'Staff'],
    sheet: 'Henkilosto',
    columns: [
      col('organisation', true, 'Organisaatio', 'Organisation', 'Organization'),
      col('municipality', false, 'Kunta', 'Municipality'),
      col('unit', false, 'Yksikkö', 'Unit'),
      col('title', false, 'Nimike', 'Title'),
      col('headcount', false, 'Henkilömäärä', 'Headcount'),
      col('fte', false, 'HTV', 'FTE'),
      col('start', false, 'Alkaa', 'Start'),
      col('end', false, 'Päättyy', 'End'),
    ],
  },
  ilmoittautumiset: {
    key: 'ilmoittautumiset',
    names: ['Ilmoittautumiset', 'Registrations'],
    sheet: 'Ilmoittautumiset',
    columns: [
      col('event', true, 'Tilaisuus', 'Event'),
      col('date', false, 'Päivämäärä', 'Date'),
      col('name', true, 'Nimi', 'Name'),
      col('organisation', true, 'Organisaatio', 'Organisation', 'Organization'),
      col('status', false, 'Tila', 'Status'),
    ],
  },
  kustannukset: {
    key: 'kustannukset',
    names: ['Kustannukset', 'Costs'],
    sheet: 'Kustannukset',
    columns: [
      col('kind', true, 'Laji', 'Kind'),
      col('pool', true, 'Pooli', 'Pool'),
      col('item', false, 'Erä', 'Item'),
      col('event', false, 'Tilaisuus', 'Event'),
      col('amount', true, 'Summa', 'Amount'),
      col('payer', false, 'Maksaja', 'Payer'),
      col('year', false, 'Vuosi', 'Year'),
    ],
  },
};

export const TABLE_KEYS = Object.keys(TABLES) as TableKey[];

/**
 * The optional participant plan (issue 12, docs/allocation-rules.md §9 "Before the year"): planned participants per
 * organisation for the budget year's development days, per event or (Tilaisuus blank) for the year.
 * It keys the budget (TA) lines of pool b; actual (TOT) lines always use the registrations.
 */
export const PLAN_TABLE: TableDef = {
  key: 'suunnitelma',
  names: ['Osallistujasuunnitelma', 'Suunnitelma', 'ParticipantPlan', 'Plan'],
  sheet: 'Osallistujasuunnitelma',
  columns: [
    col('event', false, 'Tilaisuus', 'Event'),
    col('organisation', true, 'Organisaatio', 'Organisation', 'Organization'),
    col('count', true, 'Osallistujia', 'Participants', 'Määrä', 'Count'),
    col('year', false, 'Vuosi', 'Year'),
  ],
};

/** The definition of an input table, required or optional. */
export function tableDef(key: TableKey | OptionalTableKey): TableDef {
  return key === 'suunnitelma' ? PLAN_TABLE : TABLES[key];
}

/**
 * Invoice-data settings (issue 12), read from the same Asetukset table as SETTINGS but kept in
 * their own list: all are optional, and only the invoice rows use them.
 */
export type BillingSettingKey = 'invoiceDay' | 'paymentTerm' | 'settlementDate' | 'hvaBusinessId' | 'kelaBusinessId';

export const BILLING_SETTINGS: Record<BillingSettingKey, { names: string[] }> = {
  invoiceDay: { names: ['Laskutuspäivä', 'Laskun päivä', 'Invoice day'] },
  paymentTerm: { names: ['Maksuehto (pv)', 'Maksuehto', 'Payment term (days)', 'Payment term'] },
  settlementDate: { names: ['Tasauslaskun päivä', 'Settlement invoice date'] },
  hvaBusinessId: { names: ['HVA:n Y-tunnus', 'HVA business ID'] },
  kelaBusinessId: { names: ['Kelan Y-tunnus', 'Kela business ID'] },
};

export const BILLING_SETTING_KEYS = Object.keys(BILLING_SETTINGS) as BillingSettingKey[];

/** Defaults of the invoice settings: invoices dated the 1st of the month, payable in 14 days. */
export const DEFAULT_INVOICE_DAY = 1;
export const DEFAULT_PAYMENT_TERM_DAYS = 14;

/** Settings rows of the Asetukset table: canonical label first, then aliases. */
export type SettingKey =
  'year' | 'staffBasis' | 'municipalBasis' | 'agreedTvaPct' | 'kelaPct' | 'employer' | 'billingPeriod' | 'customerEstimate';

export const SETTINGS: Record<SettingKey, { names: string[]; required: boolean }> = {
  year: { names: ['Vuosi', 'Year'], required: true },
  staffBasis: { names: ['Henkilöstöperuste', 'Staff basis'], required: false },
  municipalBasis: { names: ['Kuntajaon peruste', 'Municipal basis'], required: false },
  agreedTvaPct: { names: ['Sovittu TVA-osuus %', 'Agreed TVA share %'], required: false },
  kelaPct: { names: ['Kelan osuus %', 'Kela share %'], required: false },
  employer: { names: ['Hallinnollinen työnantaja', 'Administrative employer'], required: false },
  billingPeriod: { names: ['Laskutusjakso', 'Billing period'], required: false },
  customerEstimate: { names: ['Asiakasmäärä', 'Customer estimate'], required: false },
};

export const SETTING_KEYS = Object.keys(SETTINGS) as SettingKey[];

export const DEFAULT_EMPLOYER = 'Järvenpää';

/**
 * Words accepted in cells, as [accepted word, canonical value] pairs. The layout writes these
 * same pairs into the workbook as lookup tables, so a formula maps a cell exactly as the engine.
 */
export const ORGANISATION_WORDS: ReadonlyArray<readonly [string, PartyCode]> = [
  ['TVA', 'TVA'],
  ['Työllisyysalue', 'TVA'],
  ['Työvoimaviranomainen', 'TVA'],
  ['Employment area', 'TVA'],
  ['HVA', 'HVA'],
  ['Hyvinvointialue', 'HVA'],
  ['Wellbeing area', 'HVA'],
  ['KELA', 'KELA'],
  ['Kansaneläkelaitos', 'KELA'],
];

export const STATUS_WORDS: ReadonlyArray<readonly [string, 'active' | 'cancelled']> = [
  ['ilmoittautunut', 'active'],
  ['registered', 'active'],
  ['peruttu', 'cancelled'],
  ['cancelled', 'cancelled'],
];

export const KIND_WORDS: ReadonlyArray<readonly [string, CostKind]> = [
  ['TA', 'TA'],
  ['talousarvio', 'TA'],
  ['budget', 'TA'],
  ['TOT', 'TOT'],
  ['toteuma', 'TOT'],
  ['actual', 'TOT'],
];

export const POOL_WORDS: ReadonlyArray<readonly [string, Pool]> = [
  ['a', 'a'],
  ['muu', 'muu'],
  ['other', 'muu'],
  ['b', 'b'],
];

export const STAFF_BASIS_WORDS: ReadonlyArray<readonly [string, StaffBasis]> = [
  ['henkilömäärä', 'headcount'],
  ['headcount', 'headcount'],
  ['htv', 'fte'],
  ['fte', 'fte'],
  ['htv-aikapainotettu', 'fte-time-weighted'],
  ['fte-weighted', 'fte-time-weighted'],
];

export const MUNICIPAL_BASIS_WORDS: ReadonlyArray<readonly [string, MunicipalBasis]> = [
  ['asukasluku', 'population'],
  ['population', 'population'],
  ['työttömät', 'jobseekers'],
  ['jobseekers', 'jobseekers'],
  ['henkilöstö', 'staff'],
  ['staff', 'staff'],
  ['sovittu', 'agreed'],
  ['agreed', 'agreed'],
];

export const BILLING_PERIOD_WORDS: ReadonlyArray<readonly [string, BillingPeriod]> = [
  ['vuosi', 'year'],
  ['year', 'year'],
  ['puolivuosi', 'half-year'],
  ['half-year', 'half-year'],
  ['neljännes', 'quarter'],
  ['quarter', 'quarter'],
  ['kuukausi', 'month'],
  ['month', 'month'],
];

/** The canonical word of each code of a word list, in order: the first accepted word that maps to it (aliases left out). */
export function canonicalWords<T>(pairs: ReadonlyArray<readonly [string, T]>): string[] {
  const seen = new Set<T>();
  const out: string[] = [];
  for (const [word, value] of pairs) {
    if (seen.has(value)) continue;
    seen.add(value);
    out.push(word);
  }
  return out;
}

/** The canonical word of one code (the word written into a cell for it). */
export function wordOf<T>(pairs: ReadonlyArray<readonly [string, T]>, value: T): string {
  const pair = pairs.find(([, v]) => v === value);
  if (!pair) throw new Error(`No word for ${String(value)}`);
  return pair[0];
}

/** Header and table-name matching: case-insensitive, all white space ignored. */
export function headerKey(s: string): string {
  return s.replace(/\s+/g, '').toLocaleLowerCase('fi');
}

/**
 * The six Keski-Uusimaa municipalities (contract section 3), in the contract's order, with
 * approximate populations (rounded to the hundred) for templates and the sample. Users replace them
 * with Statistics Finland's figure on 31.12. of the year before the budget year.
 */
export const KESKI_UUSIMAA_MUNICIPALITIES: ReadonlyArray<{ name: string; population: number }> = [
  { name: 'Hyvinkää', population: 47_400 },
  { name: 'Järvenpää', population: 46_000 },
  { name: 'Mäntsälä', population: 21_300 },
  { name: 'Nurmijärvi', population: 44_600 },
  { name: 'Pornainen', population: 5_200 },
  { name: 'Tuusula', population: 40_300 },
];

/** Position of the setting and value columns and of the setting's row in the Asetukset table. */
export function locateSetting(
  headers: unknown[],
  body: unknown[][],
  key: SettingKey,
): { settingCol: number; valueCol: number; row: number } {
  const colOf = (names: string[]) => headers.findIndex((h) => names.some((n) => headerKey(String(h ?? '')) === headerKey(n)));
  const cols = TABLES.asetukset.columns;
  const settingCol = colOf(cols.find((c) => c.key === 'setting')!.names);
  const valueCol = colOf(cols.find((c) => c.key === 'value')!.names);
  if (settingCol < 0 || valueCol < 0) throw new Error('Asetukset: Asetus/Arvo column not found');
  const wanted = new Set(SETTINGS[key].names.map(identityKey));
  const row = body.findIndex((r) => typeof r[settingCol] === 'string' && wanted.has(identityKey(r[settingCol] as string)));
  return { settingCol, valueCol, row };
}

/** The months in Finnish, January first (invoice descriptions on TYM_Laskutus, the sample's monthly cost lines). */
export const MONTH_WORDS: readonly string[] = [
  'tammikuu',
  'helmikuu',
  'maaliskuu',
  'huhtikuu',
  'toukokuu',
  'kesäkuu',
  'heinäkuu',
  'elokuu',
  'syyskuu',
  'lokakuu',
  'marraskuu',
  'joulukuu',
];
