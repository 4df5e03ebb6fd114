/**
 * TYM_Laskurivit on the live layout (issues 9 and 12), recalculated in LibreOffice: the numbered
 * rows are exactly the CSV rows of `tym-allocate invoices` (src/app/invoiceData.ts, the engine's
 * src/domain/invoiceRows.ts), to the cent and to the day, on a workbook with every invoice setting
 * (monthly installments, invoice day 31 in short months, business IDs in both forms, actuals with
 * settlements and credit notes), on the demo, on seeded random workbooks and on a workbook made
 * before issue 12 (no Y-tunnus column: IDs "" not 0). After a user's edit of the written file (an
 * invoice setting, a population, Kunnat sorted, an HVA business ID, Laskutusjakso) the recalculated rows equal a
 * fresh run's under a TRUE master check (the live model), and so after a change of Laskutusjakso
 * (room for 12 installments, unused ones blank and zero by formula); an invalid business ID or a
 * Y-tunnus column added after the run turns the master check FALSE with the check row naming the cause.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type ExcelJS from 'exceljs';
import { ExcelJsWorkbook } from '../../src/adapters/exceljs/excelJsWorkbook';
import { buildInputWorkbook, type InputData } from '../../src/adapters/exceljs/template';
import { computeOutputs } from '../../src/app/pipeline';
import { createAllocationApp } from '../../src/app/run';
import { summariseInvoiceRows } from '../../src/app/invoiceData';
import { buildSampleInputs, randomValidWorkbook } from '../../src/sample/sample';
import { MASTER_CHECK_ROW, SHEETS } from '../../src/workbook/layout';
import { INVOICE_ROWS_FIRST, IR } from '../../src/workbook/layout/invoiceRows';
import { colLetters } from '../../src/workbook/formula';
import { recalculateMany } from '../support/libreoffice';
import { renameColumn } from '../fixtures/bad/edit';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tym-invoice-rows-'));
afterAll(() => {
  if (!process.env.TYM_KEEP_ARTIFACTS) fs.rmSync(dir, { recursive: true, force: true });
});

const d = (y: number, m: number, day: number) => new Date(Date.UTC(y, m - 1, day));

/** A year with every invoice setting: monthly, invoice day 31, actuals (settlements), payers (credit notes). */
function billingYear(): InputData {
  return {
    year: 2026,
    settings: {
      billingPeriod: 'kuukausi',
      invoiceDay: 31,
      paymentTerm: 21,
      settlementDate: d(2027, 2, 10),
      hvaBusinessId: '3221337-7',
      // The six-digit form: written with a leading zero.
      kelaBusinessId: '246246-0',
    },
    municipalities: [
      ['Hyvinkää', 47_400, 2_100, null, '0125400-2'],
      ['Järvenpää', 46_000, 1_900, null, null],
      ['Mäntsälä', 21_300, 800, null, null],
      ['Nurmijärvi', 44_600, 1_500, null, '1234567-1'],
      ['Pornainen', 5_200, 150, null, null],
      ['Tuusula', 40_300, 1_400, null, null],
    ],
    staff: [
      ['TVA', 'Hyvinkää', 'Työllisyyspalvelut', 'Ohjaaja', 2, 1.8, null, null],
      ['TVA', 'Järvenpää', 'Työllisyyspalvelut', 'Koordinaattori', 1, 1, d(2026, 3, 1), null],
      ['TVA', 'Tuusula', 'Yrityspalvelut', 'Asiantuntija', 1, 0.6, null, null],
      ['HVA', null, 'Aikuissosiaalityö', 'Sosiaaliohjaaja', 3, 2.5, null, null],
      ['KELA', null, 'Kela', 'Asiantuntija', 1, 1, null, null],
    ],
    registrations: [
      ['Syyspäivä', d(2026, 10, 1), 'Aino Aaltonen', 'TVA', null],
      ['Syyspäivä', d(2026, 10, 1), 'Eino Heikkilä', 'HVA', null],
      ['Syyspäivä', d(2026, 10, 1), 'Lyyli Nieminen', 'KELA', null],
    ],
    costs: [
      ['TA', 'a', 'Johtavan henkilön palkka', null, 96_000, null, null],
      ['TA', 'muu', 'Toimitilat', null, 24_000.01, null, null],
      ['TA', 'muu', 'Verkostotapaamiset', null, 1_500, 'HVA', null],
      ['TA', 'b', 'Kehittämispäivät', 'Syyspäivä', 8_000, null, null],
      ['TOT', 'a', 'Johtavan henkilön palkka', null, 97_250.5, null, null],
      ['TOT', 'muu', 'Toimitilat', null, 23_100, null, null],
      ['TOT', 'muu', 'Verkostotapaamiset', null, 9_800, 'Hyvinkää', null],
      ['TOT', 'b', 'Kehittämispäivät', 'Syyspäivä', 7_450.25, null, null],
    ],
  };
}

/** Serial day number -> ISO date (the 1900 date system). */
function isoOf(v: unknown): string {
  if (typeof v !== 'number') return v === null ? '' : String(v);
  const serial = v;
  return new Date(Date.UTC(1899, 11, 30) + Math.round(serial) * 86_400_000).toISOString().slice(0, 10);
}

interface Row {
  no: unknown;
  type: unknown;
  receiver: unknown;
  businessId: unknown;
  invoiceDate: string;
  dueDate: string;
  amount: string;
  description: unknown;
}

/** Each recalculated file read once (the suite only reads them): its workbook, sheet rows and engine rows. */
function once<T>(f: (file: string) => Promise<T>): (file: string) => Promise<T> {
  const memo = new Map<string, Promise<T>>();
  return (file) => {
    if (!memo.has(file)) memo.set(file, f(file));
    return memo.get(file)!;
  };
}
const load = once((file) => ExcelJsWorkbook.load(file));

/** The invoice rows sheet as recalculated: every row of the block (numbered or not). */
const sheetRows = once(async (file: string): Promise<{ all: Row[]; master: unknown; falseChecks: string[] }> => {
  const port = await load(file);
  const cells = await port.readOutputCells([SHEETS.invoiceRows, SHEETS.checks]);
  const at = (sheet: string, address: string) => cells.find((c) => c.sheet === sheet && c.address === address)?.value ?? null;
  const v = (row: number, col: number) => at(SHEETS.invoiceRows, `${colLetters(col)}${row + 1}`);
  const all: Row[] = [];
  for (let r = INVOICE_ROWS_FIRST; v(r, IR.receiver) !== null; r++) {
    const amount = v(r, IR.amount);
    all.push({
      no: v(r, IR.no),
      type: v(r, IR.type),
      receiver: v(r, IR.receiver),
      // An empty text result reads back as null (no value); a 0 (a blank cell's value) would stay 0 and fail.
      businessId: v(r, IR.businessId) ?? '',
      invoiceDate: isoOf(v(r, IR.invoiceDate)),
      dueDate: isoOf(v(r, IR.dueDate)),
      amount: typeof amount === 'number' ? amount.toFixed(2) : String(amount),
      description: v(r, IR.description),
    });
  }
  const falseChecks: string[] = [];
  for (let r = MASTER_CHECK_ROW + 2; at(SHEETS.checks, `A${r + 1}`) !== null; r++) {
    if (at(SHEETS.checks, `B${r + 1}`) !== true) falseChecks.push(String(at(SHEETS.checks, `A${r + 1}`)));
  }
  return { all, master: at(SHEETS.checks, `B${MASTER_CHECK_ROW + 1}`), falseChecks };
});

const TYPE = { invoice: 'Lasku', 'credit-note': 'Hyvityslasku' } as const;

/** The engine's CSV rows of the workbook as it stands (a fresh run), in the sheet's shape. */
const engineRows = once(async (file: string): Promise<Row[]> => {
  const r = computeOutputs(await (await load(file)).readTables());
  if (!r.ok) throw new Error(JSON.stringify(r.problems.filter((p) => p.severity === 'error').slice(0, 3)));
  return summariseInvoiceRows(r.model, r.allocation).map((x) => ({
    no: x.no,
    type: TYPE[x.type],
    receiver: x.receiver,
    businessId: x.businessId ?? '',
    invoiceDate: x.invoiceDate,
    dueDate: x.dueDate,
    amount: Number(x.amount).toFixed(2),
    description: x.description,
  }));
});

const numbered = (rows: Row[]) => rows.filter((r) => typeof r.no === 'number');

async function writeRun(name: string, wb: ExcelJS.Workbook, edit?: (port: ExcelJsWorkbook) => void): Promise<string> {
  const port = await ExcelJsWorkbook.fromBuffer(Buffer.from(await wb.xlsx.writeBuffer()));
  if (edit) {
    edit(port);
    await port.commitView();
  }
  const result = computeOutputs(await port.readTables());
  if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.problems.slice(0, 3))}`);
  await port.replaceOutputs(result.sheets);
  const written = path.join(dir, `${name}.xlsx`);
  await port.saveAs(written);
  return written;
}

/** Edits input cells of a written workbook as a user would, saves it under `name` (not yet recalculated). */
async function edited(
  file: string,
  name: string,
  edits: { table: string; column: string; row: number; value: ExcelJS.CellValue }[],
  sortKunnat = false,
  prepare?: (port: ExcelJsWorkbook) => void,
): Promise<string> {
  const port = await ExcelJsWorkbook.load(file);
  if (prepare) {
    prepare(port);
    await port.commitView();
  }
  const raw = await port.readTables();
  const ws = (t: { sheet: string }) => port.workbook.getWorksheet(t.sheet)!;
  if (sortKunnat) {
    // Kunnat sorted by name, descending: every row moved.
    const t = raw.tables.find((x) => x.name === 'Kunnat')!;
    const rows = [...t.rows].sort((a, b) => String(b[0]?.value).localeCompare(String(a[0]?.value), 'fi'));
    rows.forEach((row, i) =>
      row.forEach((c, j) => (ws(t).getCell(t.headerRow + 1 + i, t.firstColumn + j).value = (c?.value ?? null) as ExcelJS.CellValue)),
    );
  }
  for (const e of edits) {
    const t = raw.tables.find((x) => x.name === e.table)!;
    if (e.table === 'Asetukset') {
      // A setting's row found by its name, as the formulas find it.
      const i = t.rows.findIndex((row) => String(row[t.headers.indexOf('Asetus')]?.value) === e.column);
      if (i < 0) throw new Error(`no setting ${e.column}`);
      ws(t).getCell(t.headerRow + 1 + i, t.firstColumn + t.headers.indexOf('Arvo')).value = e.value;
      continue;
    }
    const col = t.headers.indexOf(e.column);
    if (col < 0) throw new Error(`no column ${e.column} in ${e.table}`);
    ws(t).getCell(t.headerRow + e.row, t.firstColumn + col).value = e.value;
  }
  await port.commitView();
  const out = path.join(dir, `${name}.xlsx`);
  await port.saveAs(out);
  return out;
}

const files = new Map<string, string>();
const recalculated = (name: string) => files.get(name)!;

beforeAll(async () => {
  const written: [string, string][] = [];
  const billing = await writeRun('billing', await buildInputWorkbook(billingYear()));
  written.push(['billing', billing]);
  written.push(['demo', await writeRun('demo', await buildSampleInputs({ year: 2026 }))]);
  for (const seed of [7919, 15838, 23757])
    written.push([`random-${seed}`, await writeRun(`random-${seed}`, await randomValidWorkbook(seed))]);
  const old = billingYear();
  old.municipalities = old.municipalities!.map((r) => [...r.slice(0, 4), null]);
  // A workbook made before issue 12: Kunnat's fifth column is none of ours.
  const noIdColumn = await writeRun('no-id-column', await buildInputWorkbook(old), (p) =>
    renameColumn(p, 'Kunnat', 'Y-tunnus', 'Muistiinpano'),
  );
  written.push(['no-id-column', noIdColumn]);
  // The Y-tunnus column given to Kunnat after the run (the old fifth column renamed) with an ID typed in.
  written.push([
    'edit-add-id-column',
    await edited(noIdColumn, 'edit-add-id-column', [{ table: 'Kunnat', column: 'Y-tunnus', row: 1, value: '0125400-2' }], false, (p) =>
      renameColumn(p, 'Kunnat', 'Muistiinpano', 'Y-tunnus'),
    ),
  ]);
  written.push([
    'edit-day-term',
    await edited(billing, 'edit-day-term', [
      { table: 'Asetukset', column: 'Laskutuspäivä', row: 0, value: 15 },
      { table: 'Asetukset', column: 'Maksuehto (pv)', row: 0, value: 30 },
      { table: 'Asetukset', column: 'Tasauslaskun päivä', row: 0, value: null },
    ]),
  ]);
  written.push([
    'edit-population',
    await edited(billing, 'edit-population', [{ table: 'Kunnat', column: 'Asukasluku', row: 1, value: 60_000 }]),
  ]);
  written.push(['edit-sort-kunnat', await edited(billing, 'edit-sort-kunnat', [], true)]);
  written.push([
    'edit-hva-id',
    await edited(billing, 'edit-hva-id', [{ table: 'Asetukset', column: 'HVA:n Y-tunnus', row: 0, value: '1234567-1' }]),
  ]);
  written.push([
    'edit-period',
    await edited(billing, 'edit-period', [{ table: 'Asetukset', column: 'Laskutusjakso', row: 0, value: 'neljännes' }]),
  ]);
  written.push([
    'edit-bad-id',
    await edited(billing, 'edit-bad-id', [{ table: 'Kunnat', column: 'Y-tunnus', row: 1, value: '0125400-3' }]),
  ]);
  const out = await recalculateMany(
    written.map(([, f]) => f),
    path.join(dir, 'lo'),
  );
  written.forEach(([name], i) => files.set(name, out[i]));
}, 900_000);

describe.each(['billing', 'demo', 'random-7919', 'random-15838', 'random-23757', 'no-id-column'])('%s, as written', (name) => {
  test('the master check is TRUE and the numbered rows are the CSV rows of the engine, to the cent and the day', async () => {
    const sheet = await sheetRows(recalculated(name));
    expect({ master: sheet.master, falseChecks: sheet.falseChecks }).toEqual({ master: true, falseChecks: [] });
    const engine = await engineRows(recalculated(name));
    expect(engine.length).toBeGreaterThan(0);
    expect(numbered(sheet.all)).toEqual(engine);
  }, 120_000);
});

test('every output cell of the billing workbook recalculates to the engine value (verify)', async () => {
  const report = await createAllocationApp(await load(recalculated('billing'))).verify();
  expect(report.problems.filter((p) => p.severity === 'error')).toEqual([]);
  expect(report.findings.slice(0, 10)).toEqual([]);
}, 120_000);

describe('the billing workbook by hand (contract: Hyvinkää 0125400-2, Kela 246246-0 written 0246246-0, invoice day 31, 21 days)', () => {
  test('12 installments per receiver and one settlement each; dates on the last day of short months; IDs as typed or padded', async () => {
    const { all } = await sheetRows(recalculated('billing'));
    // 8 receivers (6 municipalities, HVA, Kela) x (12 installments + settlement).
    expect(all).toHaveLength(8 * 13);
    const hyvinkaa = all.filter((r) => r.receiver === 'Hyvinkää');
    expect(hyvinkaa.map((r) => r.invoiceDate)).toEqual([
      '2026-01-31',
      '2026-02-28',
      '2026-03-31',
      '2026-04-30',
      '2026-05-31',
      '2026-06-30',
      '2026-07-31',
      '2026-08-31',
      '2026-09-30',
      '2026-10-31',
      '2026-11-30',
      '2026-12-31',
      '2027-02-10',
    ]);
    expect(hyvinkaa.map((r) => r.dueDate).slice(0, 2)).toEqual(['2026-02-21', '2026-03-21']);
    expect(hyvinkaa[12].dueDate).toBe('2027-03-03');
    expect(new Set(hyvinkaa.map((r) => r.businessId))).toEqual(new Set(['0125400-2']));
    expect(new Set(all.filter((r) => r.receiver === 'KELA').map((r) => r.businessId))).toEqual(new Set(['0246246-0']));
    expect(new Set(all.filter((r) => r.receiver === 'Järvenpää').map((r) => r.businessId))).toEqual(new Set(['']));
    // The employer (Järvenpää) is never invoiced: no number, amount 0.
    expect(all.filter((r) => r.receiver === 'Järvenpää').every((r) => r.no === null || r.no === '')).toBe(true);
    // Hyvinkää paid 9 800 € of the actuals itself: its settlement is a credit note.
    expect(hyvinkaa[12].type).toBe('Hyvityslasku');
    expect(hyvinkaa[12].description).toBe('TYM-yhteistyö 2026, tasaus, hyvitys: yhteisten kustannusten osuus, yhteistoimintasopimus 9 §');
    expect(hyvinkaa[0].description).toBe('TYM-yhteistyö 2026, ennakkoerä 1/12: yhteisten kustannusten osuus, yhteistoimintasopimus 9 §');
  });
});

test('a workbook without the Y-tunnus column shows "" as every municipality\'s business ID, not 0', async () => {
  const { all } = await sheetRows(recalculated('no-id-column'));
  const ids = new Set(all.filter((r) => !['HVA', 'KELA'].includes(String(r.receiver))).map((r) => r.businessId));
  expect(ids).toEqual(new Set(['']));
});

describe.each(['edit-day-term', 'edit-population', 'edit-sort-kunnat', 'edit-hva-id', 'edit-period'])('live after the edit %s', (name) => {
  test('the rows equal a fresh run under a TRUE master check', async () => {
    const sheet = await sheetRows(recalculated(name));
    const before = numbered((await sheetRows(recalculated('billing'))).all);
    expect({ master: sheet.master, falseChecks: sheet.falseChecks }).toEqual({ master: true, falseChecks: [] });
    const engine = await engineRows(recalculated(name));
    expect(numbered(sheet.all)).toEqual(engine);
    // The edit changed the invoice rows (the test tests what it says).
    expect(engine).not.toEqual(before);
  }, 120_000);
});

test('a Y-tunnus column added to Kunnat after the run: the master check is FALSE and the invoice rows say why', async () => {
  const sheet = await sheetRows(recalculated('edit-add-id-column'));
  expect(sheet.master).toBe(false);
  expect(sheet.falseChecks).toContain('TYM_Laskurivit: Kunnat-taulukon Y-tunnus-sarake kuten laskennassa');
  // A fresh run would put the ID on the invoices: the rows as they stand differ from it.
  expect(numbered(sheet.all)).not.toEqual(await engineRows(recalculated('edit-add-id-column')));
}, 120_000);

test('a business ID made invalid after the run: the master check is FALSE and the ID check names it', async () => {
  const sheet = await sheetRows(recalculated('edit-bad-id'));
  expect(sheet.master).toBe(false);
  expect(sheet.falseChecks).toContain('TYM_Laskurivit: Y-tunnukset ovat kelvollisia (muoto 1234567-8, tarkiste oikein)');
  expect(sheet.all.find((r) => r.receiver === 'Hyvinkää')!.businessId).toBe('0125400-3');
}, 120_000);
