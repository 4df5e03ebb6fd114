/**
 * TYM_Parametrit, upper part: the words and codes the formulas refer to (word lists, labels, month
 * names), the constants of the exact arithmetic and the years computed. The settings block, found by
 * NAME in Asetukset, is in settingsBlock.ts (its columns and rows in settingRows.ts, the invoice
 * settings in billingSettings.ts).
 */
import {
  BILLING_PERIOD_WORDS,
  KIND_WORDS,
  MUNICIPAL_BASIS_WORDS,
  ORGANISATION_WORDS,
  POOL_WORDS,
  STAFF_BASIS_WORDS,
  STATUS_WORDS,
  MONTH_WORDS,
} from '../../domain/contract';
import { excelSerialFromDay, yearEnd, yearStart, daysInYear } from '../../domain/dates';
import { EXACT_LIMIT, KEY_SCALE, LIMB } from '../../domain/exactRange';
import { a1 } from '../formula';
import type { Grid } from '../grid';
import type { CellValue, NameSpec } from '../sheetSpec';
import { Block } from './block';
import { KIND_CODE, POOL_CODE, type Ctx } from './context';
import { NAMES } from './names';
import { INSTALLMENTS } from '../../domain/invoicing';

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
  const b = new Block(
    'TYM_Parametrit',
    top,
    0,
    [
      { key: 'no', header: 'Nro' },
      { key: 'atRun', header: 'Vuosi ajossa' },
      { key: 'year', header: 'Vuosi', name: NAMES.years, comment: 'Vuodet: 1 = talousarviovuosi' },
      { key: 'start', header: 'Alku', name: NAMES.yearStart },
      { key: 'end', header: 'Loppu', name: NAMES.yearEnd },
      { key: 'days', header: 'Päiviä', name: NAMES.yearDays },
      { key: 'lines', header: 'Kustannusrivejä' },
    ],
    ctx.slots.length,
  );
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
  MONTH_WORDS.forEach((m, i) => g.value(r + 1 + i, col, m, 'text'));
  names.push({ name: NAMES.monthNames, row: r + 1, col, rows: MONTH_WORDS.length, comment: 'Kuukausien nimet' });
  g.width(col, 24);
  g.width(col + 1, 7);
  return names;
}
