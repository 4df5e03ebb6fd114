/**
 * The invoice CSV opened in LibreOffice as a Finnish user opens it (";", UTF-8, Finnish locale):
 * the right columns, amounts as numbers, dates as dates, business IDs as text, and the amounts
 * summing per receiver to the invoicing sheet TYM_Laskutus of the same run (issue 12).
 * The same file with English (en-US) import settings keeps "1234,50" as text: the decimal comma is
 * what Finnish settings need (and "1234.50" stays text in Finnish settings).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { ExcelJsWorkbook } from '../../src/adapters/exceljs/excelJsWorkbook';
import { INVOICE_CSV_HEADERS, invoiceCsv, summariseInvoiceRows } from '../../src/app/invoiceData';
import { computeOutputs } from '../../src/app/pipeline';
import { buildSampleInputs } from '../../src/sample/sample';
import { openCsvAsXlsx } from '../support/libreoffice';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tym-csv-'));
afterAll(() => {
  if (!process.env.TYM_KEEP_ARTIFACTS) fs.rmSync(dir, { recursive: true, force: true });
});

const FINNISH = '59,34,76,1,,1035';
const ENGLISH = '59,34,76,1,,1033';

async function firstSheet(file: string): Promise<ExcelJS.CellValue[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const rows: ExcelJS.CellValue[][] = [];
  wb.worksheets[0].eachRow((row) => rows.push((row.values as ExcelJS.CellValue[]).slice(1)));
  return rows;
}

/** Column values of TYM_Laskutus by header text: receiver -> advances total + settlement, in cents. */
function invoicingSheetTotals(ws: ExcelJS.Worksheet): Map<string, number> {
  let headerRow = 0;
  ws.eachRow((row, n) => {
    if (!headerRow && row.values && (row.values as unknown[]).includes('Vastaanottaja')) headerRow = n;
  });
  const headers = Array.from(ws.getRow(headerRow).values as unknown[], (v) => (typeof v === 'string' ? v : ''));
  const col = (prefix: string) => headers.findIndex((h) => h.startsWith(prefix));
  const [rc, ac, sc, ec] = [col('Vastaanottaja'), col('Ennakot yhteensä'), col('Tasaus'), col('Työnantaja')];
  expect([rc, ac, sc, ec].every((c) => c > 0)).toBe(true);
  const value = (v: ExcelJS.CellValue) => (typeof v === 'object' && v !== null && 'result' in v ? (v as { result: unknown }).result : v);
  const out = new Map<string, number>();
  for (let r = headerRow + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const name = value(row.getCell(rc).value);
    if (typeof name !== 'string' || name === 'Yhteensä') continue;
    if (value(row.getCell(ec).value) === 1) continue;
    const cents = Math.round(Number(value(row.getCell(ac).value)) * 100) + Math.round(Number(value(row.getCell(sc).value)) * 100);
    out.set(name, cents);
  }
  return out;
}

test('LibreOffice reads the columns, numbers, dates and text; the amounts sum to TYM_Laskutus', async () => {
  const port = await ExcelJsWorkbook.fromBuffer(Buffer.from(await (await buildSampleInputs({ year: 2026 })).xlsx.writeBuffer()));
  const result = computeOutputs(await port.readTables());
  if (!result.ok) throw new Error(JSON.stringify(result.problems.slice(0, 2)));
  const rows = summariseInvoiceRows(result.model, result.allocation);
  // A business ID on one receiver: it must stay text with its leading zero.
  rows[0].businessId = '0125400-2';
  const csvPath = path.join(dir, 'laskut.csv');
  fs.writeFileSync(csvPath, invoiceCsv(rows), 'utf8');

  const sheet = await firstSheet(await openCsvAsXlsx(csvPath, path.join(dir, 'fi'), FINNISH));
  expect(sheet[0]).toEqual([...INVOICE_CSV_HEADERS]);
  expect(sheet).toHaveLength(rows.length + 1);
  sheet.slice(1).forEach((cells, i) => {
    const r = rows[i];
    expect(cells[0]).toBe(r.no);
    expect(cells[1]).toBe(r.type === 'invoice' ? 'Lasku' : 'Hyvityslasku');
    expect(cells[2]).toBe(r.receiver);
    expect(cells[3] ?? null).toBe(r.businessId);
    expect(cells[4]).toBeInstanceOf(Date);
    expect((cells[4] as Date).toISOString().slice(0, 10)).toBe(r.invoiceDate);
    expect((cells[5] as Date).toISOString().slice(0, 10)).toBe(r.dueDate);
    expect(typeof cells[6]).toBe('number');
    expect(Math.round((cells[6] as number) * 100)).toBe(Math.round(Number(r.amount) * 100));
    expect(cells[7]).toBe(r.description);
  });

  // The same run's invoicing sheet, as written (cached values = the engine's).
  const written = path.join(dir, 'tulos.xlsx');
  await port.replaceOutputs(result.sheets);
  await port.saveAs(written);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(written);
  const expected = invoicingSheetTotals(wb.getWorksheet('TYM_Laskutus')!);
  const got = new Map<string, number>();
  for (const cells of sheet.slice(1))
    got.set(cells[2] as string, (got.get(cells[2] as string) ?? 0) + Math.round((cells[6] as number) * 100));
  for (const [receiver, cents] of expected) expect([receiver, got.get(receiver) ?? 0]).toEqual([receiver, cents]);
  expect([...got.keys()].every((k) => expected.has(k))).toBe(true);

  // English import settings keep the decimal comma as text: the file is made for Finnish settings.
  const en = await firstSheet(await openCsvAsXlsx(csvPath, path.join(dir, 'en'), ENGLISH));
  expect(typeof en[1][6]).toBe('string');
}, 120_000);
