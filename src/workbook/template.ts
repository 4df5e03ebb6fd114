/**
 * The input template as pure data: one sheet per input table of the workbook contract (canonical
 * table names and headers), the settings with their defaults, notes and drop-down lists, the six
 * Keski-Uusimaa municipalities, empty staff, registration and cost tables, column formats and widths,
 * and the Finnish instruction sheet. Both adapters render this one definition: the exceljs adapter
 * (src/adapters/exceljs/template.ts: `tym-allocate template`, the sample, the preview) and the
 * office.js host (src/adapters/officejs/officeHost.ts: "create the missing tables" in the task pane).
 */
import {
  BILLING_PERIOD_WORDS,
  BILLING_SETTING_KEYS,
  BILLING_SETTINGS,
  DEFAULT_INVOICE_DAY,
  DEFAULT_PAYMENT_TERM_DAYS,
  canonicalWords,
  wordOf,
  KESKI_UUSIMAA_MUNICIPALITIES,
  KIND_WORDS,
  MUNICIPAL_BASIS_WORDS,
  ORGANISATION_WORDS,
  POOL_WORDS,
  SETTINGS,
  SETTING_KEYS,
  STAFF_BASIS_WORDS,
  STATUS_WORDS,
  TABLES,
  TABLE_KEYS,
  tableDef,
  type BillingSettingKey,
  type OptionalTableKey,
  type SettingKey,
  type TableKey,
} from '../domain/contract';
import { defaultSettings } from '../domain/parse/settings';

/** The drop-down lists of the coded columns and settings (canonical words only; aliases are accepted too). */
export const LISTS = {
  organisation: canonicalWords(ORGANISATION_WORDS),
  status: canonicalWords(STATUS_WORDS),
  kind: canonicalWords(KIND_WORDS),
  pool: canonicalWords(POOL_WORDS),
  staffBasis: canonicalWords(STAFF_BASIS_WORDS),
  municipalBasis: canonicalWords(MUNICIPAL_BASIS_WORDS),
  billingPeriod: canonicalWords(BILLING_PERIOD_WORDS),
};

/** Number format codes of the input columns (English syntax; Excel localises them on display). */
export const INPUT_FORMATS = {
  /** Percentage points (60 = 60 %), hence the literal " %" and no scaling. */
  percent: '0.00" %"',
  date: 'd.m.yyyy',
  money: '#,##0.00',
  count: '#,##0',
  fte: '0.00##',
  /** Text: a business ID keeps its leading zero and hyphen as typed. */
  text: '@',
} as const;

/** A value of a template cell; null = blank. */
export type TemplateValue = string | number | null;

export interface TemplateSettingRow {
  /** An allocation setting, or an invoice-data setting (issue 12) of the same table. */
  key: SettingKey | BillingSettingKey;
  /** Canonical setting name (the Asetus cell). */
  label: string;
  /** Default value (the Arvo cell). */
  value: TemplateValue;
  /** Drop-down list of the Arvo cell. */
  list?: string[];
  /** Explanation written beside the row (column D, "Selite"). */
  note: string;
}

/**
 * Setting rows of the template, in the order of SETTING_KEYS: canonical label, default, list,
 * explanation. The defaults are the parser's (a blank or missing setting means the same).
 */
export function templateSettingRows(year: number): TemplateSettingRow[] {
  const d = defaultSettings();
  const rows: Record<SettingKey, Omit<TemplateSettingRow, 'key' | 'label'>> = {
    year: { value: year, note: 'Talousarviovuosi, jonka kustannukset jaetaan.' },
    staffBasis: {
      value: wordOf(STAFF_BASIS_WORDS, d.staffBasis),
      list: LISTS.staffBasis,
      note: 'Yhteiskustannusten (pooli a ja muu) jakoperuste: henkilömäärä, htv tai htv-aikapainotettu.',
    },
    municipalBasis: {
      value: wordOf(MUNICIPAL_BASIS_WORDS, d.municipalBasis),
      list: LISTS.municipalBasis,
      note: 'TVA:n osuuden jako kunnille: asukasluku (31.12. edellisenä vuonna), työttömät, henkilöstö tai sovittu.',
    },
    agreedTvaPct: {
      value: null,
      note: 'Tyhjä = henkilöstön mukaan. Muuten sovittu TVA:n prosenttiosuus (HVA saa loput), esimerkiksi 60 tarkoittaa 60 %.',
    },
    kelaPct: { value: null, note: 'Kelan prosenttiosuus henkilöstöperusteisista pooleista, esimerkiksi 5 tarkoittaa 5 %. Tyhjä = 0.' },
    employer: { value: d.employer, note: 'Hallinnollinen työnantaja (vastuukunta), joka maksaa yhteiset kustannukset ja laskuttaa muita.' },
    billingPeriod: {
      value: wordOf(BILLING_PERIOD_WORDS, d.billingPeriod),
      list: LISTS.billingPeriod,
      note: 'Ennakkolaskutuksen jakso: vuosi, puolivuosi, neljännes tai kuukausi.',
    },
    customerEstimate: { value: null, note: 'Valinnainen arvio asiakasmäärästä henkilöstön riittävyyden tunnuslukuja varten.' },
  };
  const billing: Record<BillingSettingKey, Omit<TemplateSettingRow, 'key' | 'label'>> = {
    invoiceDay: {
      value: DEFAULT_INVOICE_DAY,
      note: 'Laskurivit: laskun päivä kuukaudessa (1–31; lyhyemmässä kuussa kuun viimeinen päivä).',
    },
    paymentTerm: { value: DEFAULT_PAYMENT_TERM_DAYS, note: 'Laskurivit: maksuehto päivinä (eräpäivä = laskun päivä + maksuehto).' },
    settlementDate: { value: null, note: 'Laskurivit: tasauslaskujen päivämäärä. Tyhjä = laskutuspäivä vuotta seuraavan tammikuun.' },
    hvaBusinessId: {
      value: null,
      note: 'Hyvinvointialueen Y-tunnus laskuriveille (muoto 1234567-8). Kuntien Y-tunnukset Kunnat-taulukossa.',
    },
    kelaBusinessId: { value: null, note: 'Kelan Y-tunnus laskuriveille (muoto 1234567-8).' },
  };
  return [
    ...SETTING_KEYS.map((key) => ({ key, label: SETTINGS[key].names[0], ...rows[key] })),
    // The invoice-data settings (issue 12) after the allocation settings: all optional, with defaults.
    ...BILLING_SETTING_KEYS.map((key) => ({ key, label: BILLING_SETTINGS[key].names[0], ...billing[key] })),
  ];
}

export interface TemplateTable {
  key: TableKey | OptionalTableKey;
  /** Sheet and table name (canonical). */
  sheet: string;
  name: string;
  /** Canonical headers, in the contract's column order. */
  headers: string[];
  /** Default data rows (canonical column order); an empty table gets one blank row when rendered. */
  rows: TemplateValue[][];
  /** Column widths in characters, by column position. */
  widths: number[];
  /** Number format by column key. */
  formats: Partial<Record<string, string>>;
  /** Drop-down list by column key (the rows of the table and room to grow, see LIST_ROWS). */
  lists: Partial<Record<string, string[]>>;
  /** Asetukset only: the explanation column beside the table. */
  notes?: { header: string; column: number; rows: string[] };
  /** An optional table (the participant plan, issue 12): the template has it, a workbook may leave it out. */
  optional?: boolean;
}

/** Rows below the header that carry a column's drop-down list (tables grow into them). */
export const LIST_ROWS = 5000;

/** The default rows of a table (canonical column order); blank tables have none. */
export function templateRows(key: TableKey | OptionalTableKey, year: number): TemplateValue[][] {
  switch (key) {
    case 'asetukset':
      return templateSettingRows(year).map((r) => [r.label, r.value]);
    case 'kunnat':
      // As wide as the table: the optional columns (Työttömät, Sovittu osuus %, Y-tunnus) blank.
      return KESKI_UUSIMAA_MUNICIPALITIES.map((m) => [m.name, m.population, ...TABLES.kunnat.columns.slice(2).map(() => null)]);
    default:
      return [];
  }
}

const WIDTHS: Record<TableKey | OptionalTableKey, number[]> = {
  asetukset: [28, 22],
  kunnat: [18, 14, 14, 18, 14],
  henkilosto: [14, 14, 34, 28, 14, 10, 12, 12],
  ilmoittautumiset: [34, 12, 28, 16, 16],
  kustannukset: [8, 8, 44, 34, 14, 14, 8],
  suunnitelma: [34, 16, 14, 8],
};

const FORMATS: Record<TableKey | OptionalTableKey, Partial<Record<string, string>>> = {
  asetukset: {},
  kunnat: {
    population: INPUT_FORMATS.count,
    jobseekers: INPUT_FORMATS.count,
    agreedPct: INPUT_FORMATS.percent,
    businessId: INPUT_FORMATS.text,
  },
  henkilosto: { fte: INPUT_FORMATS.fte, start: INPUT_FORMATS.date, end: INPUT_FORMATS.date },
  ilmoittautumiset: { date: INPUT_FORMATS.date },
  kustannukset: { amount: INPUT_FORMATS.money },
  suunnitelma: { count: INPUT_FORMATS.count },
};

const COLUMN_LISTS: Record<TableKey | OptionalTableKey, Partial<Record<string, string[]>>> = {
  asetukset: {},
  kunnat: {},
  henkilosto: { organisation: LISTS.organisation },
  ilmoittautumiset: { organisation: LISTS.organisation, status: LISTS.status },
  kustannukset: { kind: LISTS.kind, pool: LISTS.pool },
  suunnitelma: { organisation: LISTS.organisation },
};

/** The five input tables of the template, each on its own sheet, in the contract's order. */
export function templateTables(year: number): TemplateTable[] {
  return TABLE_KEYS.map((key) => templateTable(key, year));
}

/** The optional input tables of the template (issue 12: the participant plan), after the five. */
export function templateOptionalTables(year: number): TemplateTable[] {
  return [{ ...templateTable('suunnitelma', year), optional: true }];
}

function templateTable(key: TableKey | OptionalTableKey, year: number): TemplateTable {
  const def = tableDef(key);
  const t: TemplateTable = {
    key,
    sheet: def.sheet,
    name: def.names[0],
    headers: def.columns.map((c) => c.names[0]),
    rows: templateRows(key, year),
    widths: WIDTHS[key],
    formats: FORMATS[key],
    lists: COLUMN_LISTS[key],
  };
  if (key === 'asetukset') t.notes = { header: 'Selite', column: 3, rows: templateSettingRows(year).map((r) => r.note) };
  return t;
}

/** A sheet name not yet used (Excel compares sheet names case-insensitively): "Kunnat", else "Kunnat (2)", … */
export function freeSheetName(wanted: string, taken: string[]): string {
  const used = new Set(taken.map((n) => n.toLocaleLowerCase('fi-FI')));
  if (!used.has(wanted.toLocaleLowerCase('fi-FI'))) return wanted;
  for (let i = 2; ; i++) {
    const name = `${wanted} (${i})`;
    if (!used.has(name.toLocaleLowerCase('fi-FI'))) return name;
  }
}

/** Position (0-based) of a column key in a table of the contract. */
export function columnIndex(key: TableKey | OptionalTableKey, columnKey: string): number {
  return tableDef(key).columns.findIndex((c) => c.key === columnKey);
}

/** The instruction sheet (Finnish): one line per row; null = an empty row. */
export const INSTRUCTIONS_SHEET = 'Ohje';
export const INSTRUCTIONS_TAB_COLOR = 'FF548235';
export const INSTRUCTIONS: (string | null)[] = [
  'Keski-Uusimaan TYM-yhteistoiminta: yhteisten kustannusten jako (sopimuksen 9 §, liite 6)',
  null,
  'Mitä mihinkin',
  'Asetukset: vuosi, jakoperusteet, Kelan ja sovittu TVA-osuus, hallinnollinen työnantaja ja laskutusjakso.',
  'Kunnat: työllisyysalueen kunnat jakojärjestyksessä, asukasluku 31.12. edellisenä vuonna, työttömät työnhakijat ja sovitut osuudet.',
  'Henkilosto: sopimuksen liitteen 2 henkilöstö. Organisaatio TVA, HVA tai KELA; TVA:n henkilöille sijoituskunta. Henkilömäärä oletus 1, HTV oletus henkilömäärä.',
  'Ilmoittautumiset: kehittämispäivien ilmoittautumiset. Tila ilmoittautunut tai peruttu. Nimiä käytetään vain laskemiseen.',
  'Kustannukset: Laji TA (talousarvio) tai TOT (toteuma), Pooli a (johtava henkilö), muu (muut yhteiset) tai b (kehittämispäivät; Tilaisuus-sarakkeeseen tilaisuuden nimi tai tyhjä). Summat euroina ilman arvonlisäveroa.',
  'Osallistujasuunnitelma (vapaaehtoinen): talousarviota varten suunnitellut osallistujat organisaatioittain, tilaisuuksittain tai koko vuodelle (Tilaisuus tyhjä). Poolin b TA-rivit jaetaan suunnitelman mukaan; ilman suunnitelmaa ja vuoden ilmoittautumisia edellisen vuoden ilmoittautumisten mukaan.',
  null,
  'Säännöt lyhyesti',
  '1. Kukin osapuoli maksaa oman henkilöstönsä kulut; niitä ei jaeta.',
  '2. Poolit a ja muu jaetaan TVA:n ja HVA:n kesken henkilöstön suhteessa (tai sovitulla TVA-osuudella); Kela osallistuu vain, jos Kelan osuus % on annettu.',
  '3. Pooli b jaetaan TVA:n, HVA:n ja Kelan kesken tilaisuuden ilmoittautuneiden (eri henkilöiden) suhteessa; peruutuksia ei lasketa, tuplailmoittautuminen lasketaan kerran.',
  '4. TVA:n osuus jaetaan kunnille Kuntajaon perusteen mukaan.',
  '5. Jokainen jako pyöristetään senteille suurimman jäännöksen menetelmällä: osat täsmäävät aina kokonaissummaan.',
  null,
  'Näin lasket',
  'Komentorivillä: npx tym-allocate validate TIEDOSTO.xlsx tarkistaa syötteet, npx tym-allocate run TIEDOSTO.xlsx kirjoittaa tulokset uuteen tiedostoon.',
  'Excelissä: avaa TYM-kustannustenjako-apuohjelma ja valitse Laske kustannustenjako.',
  'Tulostaulukot kaavoineen tulevat omille välilehdilleen; syöttötaulukoita ei muuteta. Älä nimeä taulukoita tai otsikoita uudelleen.',
];

/** Lines of INSTRUCTIONS shown as headings (the first line is the title). */
export const INSTRUCTION_HEADINGS: ReadonlySet<string> = new Set(['Mitä mihinkin', 'Säännöt lyhyesti', 'Näin lasket']);
