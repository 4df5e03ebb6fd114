/**
 * TYM_Parametrit, upper part: the settings found by NAME in Asetukset (never by row position), the
 * constants of the exact arithmetic, the years computed, the word lists and the month names.
 * Every setting in force is a defined name (TYM_VUOSI, TYM_KELA_PROS, ...).
 */
import {
  BILLING_PERIOD_WORDS,
  BILLING_SETTINGS,
  DEFAULT_INVOICE_DAY,
  DEFAULT_PAYMENT_TERM_DAYS,
  type BillingSettingKey,
  DEFAULT_EMPLOYER,
  KIND_WORDS,
  MUNICIPAL_BASIS_WORDS,
  ORGANISATION_WORDS,
  POOL_WORDS,
  SETTINGS,
  STAFF_BASIS_WORDS,
  STATUS_WORDS,
  type SettingKey,
} from '../../domain/contract';
import { excelSerialFromDay, yearEnd, yearStart, daysInYear } from '../../domain/dates';
import { EXACT_LIMIT, KEY_SCALE, LIMB } from '../../domain/exactRange';
import { PARTIES } from '../../domain/types';
import type { RawValue } from '../../domain/raw';
import { a1, columnRef } from '../formula';
import type { Grid } from '../grid';
import type { CellValue, NameSpec } from '../sheetSpec';
import { Block, orFalse } from './block';
import { KIND_CODE, POOL_CODE, type Ctx } from './context';
import { NAMES } from './names';
import { INSTALLMENTS } from '../../domain/invoicing';
import { invoiceDateIn } from '../../domain/invoiceRows';

export const MONTHS_FI = ['tammikuu', 'helmikuu', 'maaliskuu', 'huhtikuu', 'toukokuu', 'kesäkuu', 'heinäkuu', 'elokuu', 'syyskuu', 'lokakuu', 'marraskuu', 'joulukuu'];
/** Billing period codes in the workbook: the installments per year, as the domain counts them. */
export const INSTALLMENT_CODE = INSTALLMENTS;
export const STAFF_BASIS_CODE = { headcount: 1, fte: 2, 'fte-time-weighted': 3 } as const;
export const MUNICIPAL_BASIS_CODE = { population: 1, jobseekers: 2, staff: 3, agreed: 4 } as const;
const PARTY_CODE = { TVA: 1, HVA: 2, KELA: 3 } as const;
const STATUS_CODE = { active: 1, cancelled: 2 } as const;

/** Labels the formulas refer to instead of typing them (TYM_Parametrit, "Tekstit"). */
export const LABELS = {
  party: 'Osapuoli',
  municipality: 'Kunta',
  noEvent: 'ei tilaisuutta: koko vuoden ilmoittautuneet',
  notComputable: 'ei laskettavissa: valitse vuosi Asetuksista ja tarkista',
} as const;

export interface WordList {
  id: string;
  title: string;
  pairs: ReadonlyArray<readonly [string, number]>;
}

export const WORD_LISTS: WordList[] = [
  { id: 'ORG', title: 'Organisaatio (1 TVA, 2 HVA, 3 KELA)', pairs: ORGANISATION_WORDS.map(([w, c]) => [w, PARTY_CODE[c]] as const) },
  { id: 'TILA', title: 'Tila (1 voimassa, 2 peruttu)', pairs: STATUS_WORDS.map(([w, c]) => [w, STATUS_CODE[c]] as const) },
  { id: 'LAJI', title: 'Laji (1 TA, 2 TOT)', pairs: KIND_WORDS.map(([w, c]) => [w, KIND_CODE[c]] as const) },
  { id: 'POOLI', title: 'Pooli (1 a, 2 muu, 3 b)', pairs: POOL_WORDS.map(([w, c]) => [w, POOL_CODE[c]] as const) },
  { id: 'HPERUSTE', title: 'Henkilöstöperuste', pairs: STAFF_BASIS_WORDS.map(([w, c]) => [w, STAFF_BASIS_CODE[c]] as const) },
  { id: 'KPERUSTE', title: 'Kuntajaon peruste', pairs: MUNICIPAL_BASIS_WORDS.map(([w, c]) => [w, MUNICIPAL_BASIS_CODE[c]] as const) },
  { id: 'JAKSO', title: 'Laskutusjakso (eriä vuodessa)', pairs: BILLING_PERIOD_WORDS.map(([w, c]) => [w, INSTALLMENT_CODE[c]] as const) },
];

/** `code` of a word through a list: exact "=" (case-insensitive, no wildcards); 0 when unknown. */
export function wordCode(listId: string, text: string): string {
  return `SUMPRODUCT((${NAMES.words(listId)}=${text})*${NAMES.codes(listId)})`;
}

/** A whole number of 10^-4 units: the value has at most 4 decimals. */
export function fourDecimals(x: string): string {
  return `ABS(${x}*${NAMES.keyScale}-ROUND(${x}*${NAMES.keyScale},0))<0.000001`;
}

/** Where a settings formula reads its value from: the raw Arvo cell of the row found by name. */
export interface SettingsInput {
  /** The Arvo cell of each setting's row as it stands in Asetukset (absent = no row). */
  values: Partial<Record<SettingKey | BillingSettingKey, RawValue>>;
}

const COL = { name: 0, alias: 1, count: 2, row: 3, value: 4, fallback: 5, inForce: 6, code: 7, ok: 8, note: 9, alias2: 10, alias3: 11, max: 12 } as const;

/** The settings in the block's order: the allocation's, then the invoice data's (issue 12), each found by name. */
export const ALLOCATION_SETTING_ROWS: SettingKey[] = ['year', 'staffBasis', 'municipalBasis', 'agreedTvaPct', 'kelaPct', 'employer', 'billingPeriod', 'customerEstimate'];
export const BILLING_SETTING_ROWS: BillingSettingKey[] = ['invoiceDay', 'paymentTerm', 'settlementDate', 'hvaBusinessId', 'kelaBusinessId'];
/** Rows of the settings block (its checks and counts span them all). */
export const SETTING_BLOCK_ROWS = ALLOCATION_SETTING_ROWS.length + BILLING_SETTING_ROWS.length;

function rawCell(v: RawValue | undefined): CellValue {
  if (v === undefined || v === null) return '';
  if (v instanceof Date) return excelSerialFromDay(Math.floor(v.getTime() / 86_400_000));
  if (typeof v === 'object') return v.error;
  return v;
}

const isBlank = (v: RawValue | undefined) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/**
 * Writes the settings block from `top` (its header row) and returns the next free row and the names.
 * Each setting is found by its Finnish or English name anywhere in Asetukset (TRIM, any case).
 */
export function settingsBlock(g: Grid, ctx: Ctx, input: SettingsInput, top: number): { next: number; names: NameSpec[] } {
  const model = ctx.model;
  const s = model.settings;
  const set = model.tables.asetukset;
  g.value(top - 1, 0, 'Asetukset (haetaan nimellä Asetukset-taulukosta)', 'subtitle');
  g.headers(top, 0, ['Asetus', 'Myös', 'Rivejä', 'Taulukon rivi', 'Arvo taulukossa', 'Oletus', 'Käytössä', 'Koodi', 'Kelpaa', 'Selite']);
  const names: NameSpec[] = [];
  const label = columnRef(set, 'setting');
  // The invoice settings have up to four spellings (columns A, B, K, L; a missing one repeats the first): any of them counts once.
  const billingRows = new Set<number>();
  const matches = (r: number) =>
    billingRows.has(r)
      ? `((TRIM(${label})=$A${r + 1})+(TRIM(${label})=$B${r + 1})+(TRIM(${label})=$K${r + 1})+(TRIM(${label})=$L${r + 1})>0)`
      : `(TRIM(${label})=$A${r + 1})+(TRIM(${label})=$B${r + 1})`;
  const at = (r: number, c: number) => a1(r, c);
  const value = (r: number) => at(r, COL.value);
  let row = top + 1;
  const rowOf = {} as Record<SettingKey | BillingSettingKey, number>;
  const spellings = (key: SettingKey | BillingSettingKey) => (key in SETTINGS ? SETTINGS[key as SettingKey].names : BILLING_SETTINGS[key as BillingSettingKey].names);
  for (const key of [...ALLOCATION_SETTING_ROWS, ...BILLING_SETTING_ROWS]) {
    const r = row++;
    rowOf[key] = r;
    const present = model.settingRows[key];
    const raw = input.values[key];
    const names = spellings(key);
    g.value(r, COL.name, names[0], 'label');
    g.value(r, COL.alias, names[1] ?? '', 'text');
    if (key in BILLING_SETTINGS) {
      billingRows.add(r);
      g.value(r, COL.alias2, names[2] ?? names[0], 'text');
      g.value(r, COL.alias3, names[3] ?? names[0], 'text');
    }
    g.formula(r, COL.count, `SUMPRODUCT(${matches(r)})`, present ? 1 : 0, 'integer');
    g.formula(
      r,
      COL.row,
      `IF(${at(r, COL.count)}=1,SUMPRODUCT((${matches(r)})*(ROW(${label})-ROW(INDEX(${label},1))+1)),0)`,
      present ? present.index : 0,
      'integer',
    );
    const cell = `INDEX(${columnRef(set, 'value')},${at(r, COL.row)})`;
    // A blank Arvo stays blank (a reference to an empty cell would read as 0).
    g.formula(r, COL.value, `IF(${at(r, COL.row)}=0,"",IF(TRIM(${cell})="","",${cell}))`, present && !isBlank(raw) ? rawCell(raw) : '', 'text');
  }
  const wordSetting = (key: 'staffBasis' | 'municipalBasis' | 'billingPeriod', listId: string, fallback: string, code: number, name: string, explain: string) => {
    const r = rowOf[key];
    g.value(r, COL.fallback, fallback, 'text');
    g.formula(r, COL.code, `IF(TRIM(${value(r)})="",${wordCode(listId, at(r, COL.fallback))},${wordCode(listId, `TRIM(${value(r)})`)})`, code, 'integer');
    const canonical = WORD_LISTS.find((l) => l.id === listId)!.pairs.find(([, c]) => c === code)![0];
    g.formula(r, COL.inForce, `INDEX(${NAMES.words(listId)},MATCH(${at(r, COL.code)},${NAMES.codes(listId)},0))`, canonical, 'text');
    g.formula(r, COL.ok, orFalse(`AND(${at(r, COL.count)}<=1,${at(r, COL.code)}>0)`), true, 'check');
    g.value(r, COL.note, explain, 'note');
    names.push({ name, row: r, col: COL.code, comment: `${SETTINGS[key].names[0]}: ${explain}` });
  };
  const numberSetting = (key: 'agreedTvaPct' | 'kelaPct' | 'customerEstimate', v: number, name: string, explain: string, percent: boolean) => {
    const r = rowOf[key];
    g.value(r, COL.fallback, 0, 'decimal');
    g.formula(r, COL.inForce, `IF(TRIM(${value(r)})="",${at(r, COL.fallback)},${value(r)})`, v, 'decimal');
    const range = percent ? `,${value(r)}<=100,${fourDecimals(value(r))}` : '';
    g.formula(r, COL.ok, orFalse(`AND(${at(r, COL.count)}<=1,IF(TRIM(${value(r)})="",TRUE,AND(ISNUMBER(${value(r)}),${value(r)}>=0${range})))`), true, 'check');
    g.value(r, COL.note, explain, 'note');
    names.push({ name, row: r, col: COL.inForce, comment: `${SETTINGS[key].names[0]}: ${explain}` });
  };

  // Vuosi: required, one row.
  const yr = rowOf.year;
  g.formula(yr, COL.inForce, `IF(${at(yr, COL.count)}=1,${value(yr)},NA())`, s.year, 'integer');
  g.formula(yr, COL.ok, orFalse(`AND(${at(yr, COL.count)}=1,ISNUMBER(${value(yr)}),${value(yr)}=INT(${value(yr)}),${value(yr)}>=2000,${value(yr)}<=2100)`), true, 'check');
  g.value(yr, COL.note, 'Talousarviovuosi; pakollinen', 'note');
  names.push({ name: NAMES.year, row: yr, col: COL.inForce, comment: 'Vuosi: talousarviovuosi' });

  wordSetting('staffBasis', 'HPERUSTE', 'henkilömäärä', STAFF_BASIS_CODE[s.staffBasis], NAMES.staffBasis, 'Koodi 1 = henkilömäärä, 2 = HTV, 3 = HTV päivillä painotettuna');
  wordSetting('municipalBasis', 'KPERUSTE', 'asukasluku', MUNICIPAL_BASIS_CODE[s.municipalBasis], NAMES.municipalBasis, 'Koodi 1 = asukasluku, 2 = työttömät, 3 = TVA:n henkilöstö, 4 = sovittu %');
  numberSetting('agreedTvaPct', s.agreedTvaPct?.toNumber() ?? 0, NAMES.agreedPct, 'Sovittu TVA:n osuus (%); koodi 1 = käytössä, 0 = jako henkilöstön mukaan', true);
  const ar = rowOf.agreedTvaPct;
  g.formula(ar, COL.code, `IF(TRIM(${value(ar)})="",0,1)`, s.agreedTvaPct === null ? 0 : 1, 'integer');
  names.push({ name: NAMES.agreedInUse, row: ar, col: COL.code, comment: 'Sovittu TVA-osuus käytössä (1) vai jako henkilöstön mukaan (0)' });
  numberSetting('kelaPct', s.kelaPct.toNumber(), NAMES.kelaPct, 'Kelan osuus henkilöstöperusteisista pooleista (a, muu), %', true);

  // Hallinnollinen työnantaja: a municipality of Kunnat; the code is its receiver number.
  const er = rowOf.employer;
  const written = `IF(TRIM(${value(er)})="",${at(er, COL.fallback)},TRIM(${value(er)}))`;
  const m = `MATCH(${written},${NAMES.municipalities},0)`;
  const empIndex = model.municipalities.findIndex((x) => x.name === s.employer);
  g.value(er, COL.fallback, DEFAULT_EMPLOYER, 'text');
  g.formula(er, COL.code, `ROWS(${NAMES.parties})+IF(INDEX(${NAMES.municipalities},${m})=${written},${m},NA())`, PARTIES.length + (model.municipalities[empIndex]?.ref.index ?? 0), 'integer');
  g.formula(er, COL.inForce, `INDEX(${NAMES.receivers},${at(er, COL.code)},1)`, s.employer, 'text');
  g.formula(er, COL.ok, orFalse(`AND(${at(er, COL.count)}<=1,ISNUMBER(${at(er, COL.code)}))`), true, 'check');
  g.value(er, COL.note, 'Maksaa yhteiset kustannukset ja laskuttaa muita; koodi = vastaanottajan numero', 'note');
  names.push({ name: NAMES.employer, row: er, col: COL.inForce, comment: 'Hallinnollinen työnantaja (kunta)' });
  names.push({ name: NAMES.employerNo, row: er, col: COL.code, comment: 'Hallinnollisen työnantajan vastaanottajanumero' });

  wordSetting('billingPeriod', 'JAKSO', 'vuosi', INSTALLMENT_CODE[s.billingPeriod], NAMES.installments, 'Koodi = ennakkoerien määrä vuodessa (1, 2, 4 tai 12)');
  numberSetting('customerEstimate', s.customerEstimate?.toNumber() ?? 0, NAMES.customers, 'Asiakasmääräarvio (liite 2): henkilöstön riittävyyden seurantaan', false);
  billingSettings(g, ctx, (key) => rowOf[key], names);
  [28, 22, 8, 9, 16, 14, 18, 8, 8, 50, 22, 22, 8].forEach((w, i) => g.width(i, w));
  return { next: row + 1, names };
}

/** Rows that are not known settings, counted (Asetukset may hold only the settings above). */
export function unknownSettingsFormula(ctx: Ctx, countRange: string): string {
  const label = columnRef(ctx.model.tables.asetukset, 'setting');
  return `SUMPRODUCT(--(TRIM(${label})<>""))=SUM(${countRange})`;
}

/** Constants and labels block: the exact arithmetic's constants and the texts formulas show. */
export function constantsBlock(g: Grid, top: number): { next: number; names: NameSpec[]; labels: Record<keyof typeof LABELS, string> } {
  g.value(top - 1, 0, 'Vakiot ja tekstit', 'subtitle');
  g.headers(top, 0, ['Nimi', 'Arvo', 'Selite']);
  const rows: [string, CellValue, string, string | null][] = [
    ['Avainten skaalaus', KEY_SCALE, 'Avaimet ja prosentit kokonaislukuina (4 desimaalia)', NAMES.keyScale],
    ['Tarkan jäännöksen kanta', LIMB, '2^23: kokonaisluvut jaetaan ylä- ja alaosaan', NAMES.limb],
    ['Tarkan laskennan raja', EXACT_LIMIT, '2^46 senttiä / yksikköä: tämän alla jako on tarkka sentilleen', NAMES.limit],
  ];
  const names: NameSpec[] = [];
  let r = top + 1;
  for (const [n, v, note, name] of rows) {
    g.value(r, 0, n, 'label');
    g.value(r, 1, v, 'integer');
    g.value(r, 2, note, 'note');
    if (name) names.push({ name, row: r, col: 1, comment: note });
    r += 1;
  }
  const labels = {} as Record<keyof typeof LABELS, string>;
  for (const [k, text] of Object.entries(LABELS) as [keyof typeof LABELS, string][]) {
    g.value(r, 0, `Teksti: ${k}`, 'label');
    g.value(r, 1, text, 'text');
    labels[k] = `TYM_Parametrit!${a1(r, 1, true)}`;
    r += 1;
  }
  return { next: r + 2, names, labels };
}

/** Years compared: slot 1 = the budget year (TYM_VUOSI), then the other years of the cost lines. */
export function yearsBlock(g: Grid, ctx: Ctx, top: number): { next: number; names: NameSpec[]; block: Block } {
  g.value(top - 1, 0, 'Vuodet (1 = talousarviovuosi; muut kustannusriveiltä vuosivertailuun)', 'subtitle');
  const b = new Block('TYM_Parametrit', top, 0, [
    { key: 'no', header: 'Nro' },
    { key: 'atRun', header: 'Vuosi ajossa' },
    { key: 'year', header: 'Vuosi', name: NAMES.years, comment: 'Vuodet: 1 = talousarviovuosi' },
    { key: 'start', header: 'Alku', name: NAMES.yearStart },
    { key: 'end', header: 'Loppu', name: NAMES.yearEnd },
    { key: 'days', header: 'Päiviä', name: NAMES.yearDays },
    { key: 'lines', header: 'Kustannusrivejä' },
  ], ctx.slots.length);
  b.header(g);
  ctx.slots.forEach((slot, i) => {
    const r = b.row(i);
    const lines = slot.model.costs.filter((c) => (c.year ?? ctx.model.settings.year) === slot.year).length;
    g.value(r, b.c('no'), slot.no, 'integer');
    g.value(r, b.c('atRun'), slot.year, 'integer');
    g.formula(r, b.c('year'), `IF(${b.at('no', r)}=1,${NAMES.year},${b.at('atRun', r)})`, slot.year, 'integer');
    g.formula(r, b.c('start'), `DATE(${b.at('year', r)},1,1)`, excelSerialFromDay(yearStart(slot.year)), 'date');
    g.formula(r, b.c('end'), `DATE(${b.at('year', r)},12,31)`, excelSerialFromDay(yearEnd(slot.year)), 'date');
    g.formula(r, b.c('days'), `${b.at('end', r)}-${b.at('start', r)}+1`, daysInYear(slot.year), 'integer');
    g.formula(r, b.c('lines'), `COUNTIF(${NAMES.costSlot},${b.at('no', r)})`, lines, 'integer');
  });
  return { next: b.last + 3, names: b.names(), block: b };
}

/** Word lists (accepted word -> code) and the month names, in columns from `col`. */
export function wordListsBlock(g: Grid, top: number, col: number): NameSpec[] {
  const names: NameSpec[] = [];
  g.value(top - 1, col, 'Sanastot (hyväksytyt sanat; kirjainkoko ja välilyönnit eivät vaikuta)', 'subtitle');
  let r = top;
  for (const list of WORD_LISTS) {
    g.value(r, col, list.title, 'header');
    g.value(r, col + 1, 'Koodi', 'header');
    list.pairs.forEach(([w, c], i) => {
      g.value(r + 1 + i, col, w, 'text');
      g.value(r + 1 + i, col + 1, c, 'integer');
    });
    names.push({ name: NAMES.words(list.id), row: r + 1, col, rows: list.pairs.length, comment: list.title });
    names.push({ name: NAMES.codes(list.id), row: r + 1, col: col + 1, rows: list.pairs.length, comment: `${list.title}: koodit` });
    r += list.pairs.length + 2;
  }
  g.value(r, col, 'Kuukaudet (erien eräpäivät)', 'header');
  MONTHS_FI.forEach((m, i) => g.value(r + 1 + i, col, m, 'text'));
  names.push({ name: NAMES.monthNames, row: r + 1, col, rows: MONTHS_FI.length, comment: 'Kuukausien nimet' });
  g.width(col, 24);
  g.width(col + 1, 7);
  return names;
}


/**
 * The invoice data's settings (issue 12), as the engine reads them (src/domain/parse/billing.ts):
 * invoice day 1-31 (default 1), payment term 0-365 days (default 14), settlement invoice date
 * (default: the invoice day of the January after the year), the business IDs of HVA and Kela
 * (six-digit form padded with a zero; their check digits are tested on TYM_Laskurivit).
 */
function billingSettings(g: Grid, ctx: Ctx, rowOf: (key: BillingSettingKey) => number, names: NameSpec[]): void {
  const billing = ctx.model.billing ?? { invoiceDay: DEFAULT_INVOICE_DAY, paymentTermDays: DEFAULT_PAYMENT_TERM_DAYS, settlementDate: null, businessIds: { HVA: null, KELA: null } };
  const at = (r: number, c: number) => a1(r, c);
  const value = (r: number) => at(r, COL.value);
  const blank = (r: number) => `TRIM(${value(r)})=""`;
  const whole = (key: 'invoiceDay' | 'paymentTerm', v: number, min: number, max: number, name: string, explain: string) => {
    const r = rowOf(key);
    g.value(r, COL.fallback, key === 'invoiceDay' ? DEFAULT_INVOICE_DAY : DEFAULT_PAYMENT_TERM_DAYS, 'integer');
    g.formula(r, COL.inForce, `IF(${blank(r)},${at(r, COL.fallback)},${value(r)})`, v, 'integer');
    g.value(r, COL.code, min, 'integer');
    g.value(r, COL.max, max, 'integer');
    const ok = `AND(ISNUMBER(${value(r)}),${value(r)}=INT(${value(r)}),${value(r)}>=${at(r, COL.code)},${value(r)}<=${at(r, COL.max)})`;
    g.formula(r, COL.ok, orFalse(`AND(${at(r, COL.count)}<=1,IF(${blank(r)},TRUE,${ok}))`), true, 'check');
    g.value(r, COL.note, explain, 'note');
    names.push({ name, row: r, col: COL.inForce, comment: `${BILLING_SETTINGS[key].names[0]}: ${explain}` });
  };
  whole('invoiceDay', billing.invoiceDay, 1, 31, NAMES.invoiceDay, 'Laskun päivä kuukaudessa (koodi = pienin, sarake M = suurin); lyhyemmässä kuussa kuun viimeinen päivä');
  whole('paymentTerm', billing.paymentTermDays, 0, 365, NAMES.paymentTerm, 'Maksuehto päivinä: eräpäivä = laskun päivä + maksuehto (koodi = pienin, sarake M = suurin)');
  const sr = rowOf('settlementDate');
  // Default: the invoice day of the January after the year (January has every day 1-31).
  const def = `DATE(${NAMES.year}+1,1,${NAMES.invoiceDay})`;
  const year = ctx.model.settings.year;
  const settlement = billing.settlementDate ?? invoiceDateIn(year + 1, 1, billing.invoiceDay);
  g.formula(sr, COL.fallback, def, excelSerialFromDay(invoiceDateIn(year + 1, 1, billing.invoiceDay)), 'date');
  g.formula(sr, COL.inForce, `IF(${blank(sr)},${at(sr, COL.fallback)},INT(${value(sr)}))`, excelSerialFromDay(settlement), 'date');
  g.formula(sr, COL.ok, orFalse(`AND(${at(sr, COL.count)}<=1,IF(${blank(sr)},TRUE,ISNUMBER(${value(sr)})))`), true, 'check');
  g.value(sr, COL.note, 'Tasauslaskujen päivä; tyhjä = laskun päivä vuotta seuraavan tammikuun', 'note');
  names.push({ name: NAMES.settlementDate, row: sr, col: COL.inForce, comment: 'Tasauslaskun päivä' });
  const id = (key: 'hvaBusinessId' | 'kelaBusinessId', v: string | null, name: string, explain: string) => {
    const r = rowOf(key);
    const t = `TRIM(${value(r)}&"")`;
    // Six digits, hyphen and check digit: written with a leading zero, as the engine normalises it.
    g.formula(r, COL.inForce, `IF(LEN(${t})=8,"0"&${t},${t})`, v ?? '', 'text');
    g.formula(r, COL.ok, orFalse(`${at(r, COL.count)}<=1`), true, 'check');
    g.value(r, COL.note, explain, 'note');
    names.push({ name, row: r, col: COL.inForce, comment: explain });
  };
  id('hvaBusinessId', billing.businessIds.HVA, NAMES.hvaBusinessId, 'HVA:n Y-tunnus laskuriveille (tarkiste testataan TYM_Laskurivit-välilehdellä)');
  id('kelaBusinessId', billing.businessIds.KELA, NAMES.kelaBusinessId, 'Kelan Y-tunnus laskuriveille (tarkiste testataan TYM_Laskurivit-välilehdellä)');
}
