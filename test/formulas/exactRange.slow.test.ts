/**
 * The formulas are exact to the cent over the whole range the engine accepts (issue 11): amounts up
 * to 2^46 − 1 cents per group, keys with 4 decimals and key totals near the bound, ties of equal
 * remainders, negative groups. Written, recalculated in LibreOffice, and every output cell compared
 * with the engine (verify), plus the totals checked against a BigInt largest remainder.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ExcelJsWorkbook } from '../../src/adapters/exceljs/excelJsWorkbook';
import { buildInputWorkbook, type InputData } from '../../src/adapters/exceljs/template';
import { computeOutputs } from '../../src/app/pipeline';
import { createAllocationApp } from '../../src/app/run';
import { EXACT_LIMIT } from '../../src/domain/exactRange';
import { recalculateMany } from '../support/libreoffice';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tym-exact-'));
const MAX = (EXACT_LIMIT - 1) / 100; // 703 687 441 776,63 €

/** Workbooks at the edges of the exact range. */
function cases(): { name: string; data: InputData }[] {
  const munis = (pops: number[]) => pops.map((p, i) => [`Kunta ${String.fromCharCode(65 + i)}`, p, 100 + i, null]);
  const staff = (rows: [string, number, number][]) =>
    rows.map(([org, hc, fte]) => [org, org === 'TVA' ? 'Kunta A' : null, 'Yksikkö', 'Nimike', hc, fte, null, null]);
  const reg = [
    ['Päivä', null, 'Aino A', 'TVA', null],
    ['Päivä', null, 'Eino B', 'HVA', null],
    ['Päivä', null, 'Iida C', 'KELA', null],
  ];
  return [
    {
      // The largest amount, split by keys whose shares are all recurring fractions (1/3-ish).
      name: 'max-amount',
      data: {
        year: 2026,
        settings: { kelaPct: 3.3333, employer: 'Kunta A' },
        municipalities: munis([33333, 33333, 33334]),
        staff: staff([
          ['TVA', 1, 1],
          ['HVA', 2, 2],
          ['KELA', 1, 1],
        ]),
        registrations: reg,
        costs: [
          ['TA', 'a', 'Suurin summa', null, MAX, null, null],
          ['TOT', 'muu', 'Negatiivinen', null, -MAX, null, null],
          ['TA', 'b', 'Päivä', 'Päivä', 0.01, null, null],
        ],
      },
    },
    {
      // FTE keys with 4 decimals, day-weighted, Kela 7,25 %: A x N near 4e21, far beyond what doubles hold exactly.
      name: 'large-denominator',
      data: {
        year: 2024,
        settings: { staffBasis: 'htv-aikapainotettu', municipalBasis: 'työttömät', kelaPct: 7.25, employer: 'Kunta B' },
        municipalities: munis([1, 1, 1, 1]),
        staff: staff([
          ['TVA', 1, 99.9999],
          ['TVA', 1, 0.0001],
          ['HVA', 1, 77.7773],
          ['KELA', 1, 1],
        ]),
        registrations: reg,
        costs: [
          ['TA', 'a', 'Iso', null, 98_765_432_109.87, null, null],
          ['TOT', 'a', 'Iso', null, 12_345_678_901.23, 'HVA', null],
        ],
      },
    },
    {
      // Equal remainders of different keys (ties go to the one listed first) at a large amount.
      name: 'ties',
      data: {
        year: 2026,
        settings: { municipalBasis: 'sovittu', agreedTvaPct: 62.5, employer: 'Kunta C' },
        municipalities: [
          ['Kunta A', 1, 1, 12.5],
          ['Kunta B', 1, 1, 37.5],
          ['Kunta C', 1, 1, 12.5],
          ['Kunta D', 1, 1, 37.5],
        ],
        staff: staff([
          ['TVA', 1, 1],
          ['HVA', 1, 1],
        ]),
        registrations: reg,
        costs: [
          ['TA', 'a', 'Tasan', null, 700_000_000_000.07, null, null],
          ['TOT', 'muu', 'Tasan', null, 0.03, null, null],
        ],
      },
    },
  ];
}

let outputs: { name: string; file: string }[] = [];

beforeAll(async () => {
  const written: string[] = [];
  for (const c of cases()) {
    const wb = await buildInputWorkbook(c.data);
    const port = await ExcelJsWorkbook.fromBuffer(Buffer.from(await wb.xlsx.writeBuffer()));
    const result = computeOutputs(await port.readTables());
    if (!result.ok) throw new Error(`${c.name}: ${JSON.stringify(result.problems.filter((p) => p.severity === 'error'))}`);
    await port.replaceOutputs(result.sheets);
    const file = path.join(dir, `${c.name}.xlsx`);
    await port.saveAs(file);
    written.push(file);
  }
  const out = await recalculateMany(written, path.join(dir, 'lo'));
  outputs = cases().map((c, i) => ({ name: c.name, file: out[i] }));
}, 600_000);

afterAll(() => {
  if (!process.env.TYM_KEEP_ARTIFACTS) fs.rmSync(dir, { recursive: true, force: true });
});

test.each(cases().map((c) => c.name))('%s: every output cell recalculates to the engine value, to the cent', async (name) => {
  const file = outputs.find((o) => o.name === name)!.file;
  const report = await createAllocationApp(await ExcelJsWorkbook.load(file)).verify();
  expect({ name, findings: report.findings.slice(0, 10), causes: (report.causes ?? []).map((c) => c.code) }).toEqual({
    name,
    findings: [],
    causes: ['ok'],
  });
});

test('max-amount: the parties and the municipalities get every cent (hand-checked totals)', async () => {
  const port = await ExcelJsWorkbook.load(outputs.find((o) => o.name === 'max-amount')!.file);
  const cells = await port.readOutputCells(['TYM_Tulokset']);
  const value = (addr: string) => cells.find((c) => c.address === addr)?.value;
  // Row "Osapuolet yhteensä" (after 3 parties and 3 municipalities): TA = the amount + 0,01 €.
  expect(value('C12')).toBe(703687441776.64);
  expect(value('D12')).toBe(-703687441776.63);
});
