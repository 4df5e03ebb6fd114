/**
 * TYM_Laskurivit, the words block right of the rows: the texts the row formulas refer to instead of
 * typing them (invoice types, description parts), the business ID check digit's positions, weights
 * and modulus, the parties' business IDs, and Kunnat's business ID column as it stands now and as it
 * was at the run. The rows themselves are in invoiceRows.ts.
 */
import { excelTrim } from '../../domain/text';
import { TABLES } from '../../domain/contract';
import { DESCRIPTION_WORDS } from '../../domain/invoiceRows';
import { a1, onSheet, range } from '../formula';
import type { Grid } from '../grid';
import { SHEETS, type Ctx } from './context';
import { NAMES } from './names';

/** The header row of TYM_Laskurivit (0-based); the words block's header stands on it too. */
export const INVOICE_ROWS_HEADER = 3;
export const INVOICE_TYPE_WORDS = { invoice: 'Lasku', credit: 'Hyvityslasku', none: 'ei laskua' } as const;

/** The words block, right of the rows (label in W, value in X): rows 0-based. */
const W = { label: 19, value: 20 } as const;
export const WR = {
  invoice: 4,
  credit: 5,
  none: 6,
  prefix: 7,
  advance: 8,
  settlement: 9,
  creditSuffix: 10,
  suffix: 11,
  positions: 13,
  weights: 14,
  modulus: 15,
  partyIds: 17,
  idColumn: 21,
} as const;

export const word = (row: number) => a1(row, W.value, true);
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2];

export function wordsBlock(g: Grid, ctx: Ctx): { positions: string; weights: string; partyIds: string; idColumnOk: string } {
  g.value(INVOICE_ROWS_HEADER - 1, W.label, 'Tekstit ja Y-tunnuksen tarkiste', 'subtitle');
  g.headers(INVOICE_ROWS_HEADER, W.label, ['Nimi', 'Arvo']);
  const words: [number, string, string][] = [
    [WR.invoice, 'Tyyppi, kun summa > 0', INVOICE_TYPE_WORDS.invoice],
    [WR.credit, 'Tyyppi, kun summa < 0', INVOICE_TYPE_WORDS.credit],
    [WR.none, 'Tyyppi, kun summa = 0', INVOICE_TYPE_WORDS.none],
    [WR.prefix, 'Kuvauksen alku', DESCRIPTION_WORDS.prefix],
    [WR.advance, 'Ennakkoerä', DESCRIPTION_WORDS.advance],
    [WR.settlement, 'Tasaus', DESCRIPTION_WORDS.settlement],
    [WR.creditSuffix, 'Hyvityksen merkintä', DESCRIPTION_WORDS.credit],
    [WR.suffix, 'Kuvauksen loppu', DESCRIPTION_WORDS.suffix],
  ];
  for (const [row, label, w] of words) {
    g.value(row, W.label, label, 'label');
    g.value(row, W.value, w, 'text');
  }
  g.value(WR.positions, W.label, 'Y-tunnuksen numerot (paikka)', 'label');
  g.value(WR.weights, W.label, 'Y-tunnuksen tarkisteen painot', 'label');
  WEIGHTS.forEach((w, i) => {
    g.value(WR.positions, W.value + i, i + 1, 'integer');
    g.value(WR.weights, W.value + i, w, 'integer');
  });
  g.value(WR.modulus, W.label, 'Tarkisteen jakaja', 'label');
  g.value(WR.modulus, W.value, 11, 'integer');
  g.value(WR.partyIds - 1, W.label, 'Osapuolten Y-tunnukset (vastaanottajan nro)', 'subtitle');
  const billing = ctx.model.billing;
  const parties: [string, string | null, string | null][] = [
    ['TVA', null, null],
    ['HVA', NAMES.hvaBusinessId, billing?.businessIds.HVA ?? null],
    ['KELA', NAMES.kelaBusinessId, billing?.businessIds.KELA ?? null],
  ];
  parties.forEach(([p, name, v], i) => {
    g.value(WR.partyIds + i, W.label, p, 'label');
    if (name) g.formula(WR.partyIds + i, W.value, name, v ?? '', 'text');
  });
  // Kunnat's business ID column: its accepted headers, how many Kunnat has now, and whether it had one at the run.
  const kunnat = ctx.model.tables.kunnat;
  const hadColumn = kunnat?.columns.businessId !== undefined;
  // The accepted headers, and the header as the run found it: the engine matches headers ignoring
  // every space (headerKey), the formula compares TRIM-ed text, so a header such as "Y-tu nnus" is
  // listed as written (TRIM-ed) for the count to agree with the run.
  const accepted = TABLES.kunnat.columns.find((c) => c.key === 'businessId')!.names;
  const found = hadColumn ? excelTrim(kunnat.columns.businessId!) : null;
  const headers =
    found !== null && !accepted.some((h) => h.toLocaleLowerCase('fi') === found.toLocaleLowerCase('fi')) ? [...accepted, found] : accepted;
  g.value(WR.idColumn - 1, W.label, 'Kunnat-taulukon Y-tunnus-sarake', 'subtitle');
  g.value(WR.idColumn, W.label, 'Hyväksytyt otsikot', 'label');
  headers.forEach((h, i) => g.value(WR.idColumn, W.value + i, h, 'text'));
  g.value(WR.idColumn + 1, W.label, 'Sarakkeita nyt', 'label');
  // A column counts once, whichever accepted header it has.
  const terms = headers.map((_, i) => `(TRIM(${kunnat.name}[[#Headers]])=${a1(WR.idColumn, W.value + i, true)})`).join('+');
  g.formula(WR.idColumn + 1, W.value, `SUMPRODUCT(--(${terms}>0))`, hadColumn ? 1 : 0, 'integer');
  g.value(WR.idColumn + 2, W.label, 'Sarakkeita laskennassa', 'label');
  g.value(WR.idColumn + 2, W.value, hadColumn ? 1 : 0, 'integer');
  const last = W.value + WEIGHTS.length - 1;
  return {
    idColumnOk: `${onSheet(SHEETS.invoiceRows, a1(WR.idColumn + 1, W.value, true))}=${onSheet(SHEETS.invoiceRows, a1(WR.idColumn + 2, W.value, true))}`,
    positions: range(WR.positions, W.value, WR.positions, last),
    weights: range(WR.weights, W.value, WR.weights, last),
    partyIds: range(WR.partyIds, W.value, WR.partyIds + parties.length - 1, W.value),
  };
}
