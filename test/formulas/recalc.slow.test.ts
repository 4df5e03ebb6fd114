/**
 * The formulas we write, recalculated by an independent engine (LibreOffice), must equal the
 * engine's values to the cent: the demo sample and 25 seeded random valid workbooks.
 * `verify` on the recalculated file is exactly that comparison: every output cell's formula must be
 * ours and its recalculated value must equal what the engine computes from the same inputs.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Workbook } from 'exceljs';
import { ExcelJsWorkbook } from '../../src/adapters/exceljs/excelJsWorkbook';
import { computeOutputs } from '../../src/app/pipeline';
import { createAllocationApp } from '../../src/app/run';
import { buildSampleInputs, randomValidWorkbook } from '../../src/sample/sample';
import { SHEETS, MASTER_CHECK_ROW } from '../../src/workbook/layout';
import { recalculateMany } from '../support/libreoffice';

const RANDOM_CASES = Number(process.env.TYM_FORMULA_CASES ?? 25);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tym-recalc-'));

interface Case {
  name: string;
  written: string;
  recalculated?: string;
  personNames: string[];
}

async function writeAllocated(name: string, wb: Workbook): Promise<Case> {
  const port = await ExcelJsWorkbook.fromBuffer(Buffer.from(await wb.xlsx.writeBuffer()));
  const raw = await port.readTables();
  const result = computeOutputs(raw);
  if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.problems.slice(0, 3))}`);
  await port.replaceOutputs(result.sheets);
  const written = path.join(dir, `${name}.xlsx`);
  await port.saveAs(written);
  const reg = raw.tables.find((t) => t.name === result.model.tables.ilmoittautumiset.name)!;
  const nameCol = reg.headers.indexOf(result.model.tables.ilmoittautumiset.columns.name!);
  const personNames = reg.rows.map((r) => r[nameCol]?.value).filter((v): v is string => typeof v === 'string' && v.trim().length > 2);
  return { name, written, personNames };
}

const cases: Case[] = [];

beforeAll(async () => {
  cases.push(await writeAllocated('demo', await buildSampleInputs({ year: 2026 })));
  for (let seed = 1; seed <= RANDOM_CASES; seed++) cases.push(await writeAllocated(`random-${seed}`, await randomValidWorkbook(seed)));
  const out = await recalculateMany(
    cases.map((c) => c.written),
    path.join(dir, 'recalculated'),
  );
  cases.forEach((c, i) => (c.recalculated = out[i]));
}, 600_000);

test('the demo and every random workbook were written and recalculated', () => {
  expect(cases).toHaveLength(RANDOM_CASES + 1);
  for (const c of cases) expect(fs.existsSync(c.recalculated!)).toBe(true);
});

/** The recalculated workbook of case i, read once for both of its tests (the last one read is kept). */
let last: { i: number; wb: Promise<ExcelJsWorkbook> } | null = null;
function recalculated(i: number): Promise<ExcelJsWorkbook> {
  if (last?.i !== i) last = { i, wb: ExcelJsWorkbook.load(cases[i].recalculated!) };
  return last.wb;
}

describe.each(Array.from({ length: RANDOM_CASES + 1 }, (_, i) => i))('case %i', (i) => {
  test('every output cell recalculates to the engine value', async () => {
    const c = cases[i];
    const report = await createAllocationApp(await recalculated(i)).verify();
    expect(report.problems.filter((p) => p.severity === 'error')).toEqual([]);
    // Show the first mismatches with the seed in the name, so a failure can be replayed.
    expect({ case: c.name, findings: report.findings.slice(0, 10) }).toEqual({ case: c.name, findings: [] });
    expect(report.cellsChecked).toBeGreaterThan(100);
  });

  test('the master check is TRUE after recalculation and no personal name is in any output', async () => {
    const c = cases[i];
    const wb = await recalculated(i);
    const own = await wb.ownSheetNames();
    const cells = await wb.readOutputCells(own);
    const master = cells.find((x) => x.sheet === SHEETS.checks && x.address === `B${MASTER_CHECK_ROW + 1}`);
    expect(master?.value).toBe(true);
    const texts = new Set(cells.map((x) => (typeof x.value === 'string' ? x.value.trim().toLowerCase() : '')));
    const leaked = c.personNames.filter((n) => texts.has(n.trim().toLowerCase()));
    expect(leaked).toEqual([]);
  });
});

afterAll(() => {
  if (!process.env.TYM_KEEP_ARTIFACTS) fs.rmSync(dir, { recursive: true, force: true });
});
