import { ExcelJsWorkbook } from '../../../src/adapters/exceljs/excelJsWorkbook';
import { buildSampleInputs, randomInputData, randomValidWorkbook, sampleInputData } from '../../../src/sample/sample';
import { Rng } from '../../../src/sample/prng';
import { validateAndAllocate } from '../../../src/app/pipeline';
import type { RawWorkbook } from '../../../src/domain/raw';

async function raw(wb: Promise<import('exceljs').Workbook>): Promise<RawWorkbook> {
  return ExcelJsWorkbook.fromWorkbook(await wb).readTables();
}

const table = (r: RawWorkbook, name: string) => r.tables.find((t) => t.name === name)!;
const values = (r: RawWorkbook, name: string) => table(r, name).rows.map((row) => row.map((c) => c.value));

test('mulberry32 gives the reference sequence', () => {
  // Reference: Tommy Ettinger's original mulberry32 (the closure version from the public gist),
  // run separately with seed 1: its first three outputs times 2^32.
  const rng = new Rng(1);
  const first = [rng.next(), rng.next(), rng.next()].map((x) => Math.floor(x * 2 ** 32));
  expect(first).toEqual([2693262067, 11749833, 2265367787]);
});

test('the same seed gives the same data; another seed other data', async () => {
  const a = JSON.stringify(await raw(buildSampleInputs({ seed: 7 })));
  const b = JSON.stringify(await raw(buildSampleInputs({ seed: 7 })));
  const c = JSON.stringify(await raw(buildSampleInputs({ seed: 8 })));
  expect(a).toBe(b);
  expect(c).not.toBe(a);
  expect(JSON.stringify(randomInputData(5))).toBe(JSON.stringify(randomInputData(5)));
});

test('the sample year has the intended size and features', async () => {
  const r = await raw(buildSampleInputs({ year: 2026 }));
  const staff = values(r, 'Henkilosto');
  const regs = values(r, 'Ilmoittautumiset');
  const costs = values(r, 'Kustannukset');
  expect(staff).toHaveLength(150);
  expect(regs).toHaveLength(400);
  expect(costs.length).toBeGreaterThanOrEqual(60);
  expect(costs.length).toBeLessThanOrEqual(66);
  const orgs = new Set(staff.map((s) => s[0]));
  expect([...orgs].sort()).toEqual(['HVA', 'Hyvinvointialue', 'KELA', 'TVA']);
  // TVA staff are placed in all six municipalities
  expect(new Set(staff.filter((s) => s[0] === 'TVA').map((s) => s[1])).size).toBe(6);
  expect(staff.some((s) => s[6] instanceof Date)).toBe(true); // someone starts mid-year
  expect(staff.some((s) => s[7] instanceof Date)).toBe(true); // someone leaves
  expect(new Set(regs.map((x) => x[0])).size).toBe(4);
  expect(regs.filter((x) => x[4] === 'peruttu').length).toBeGreaterThan(5);
  // duplicates: the same name after TRIM and case folding within one event
  const keys = regs.map((x) => `${x[0]}|${String(x[2]).replace(/ +/g, ' ').trim().toLowerCase()}`);
  expect(keys.length - new Set(keys).size).toBeGreaterThanOrEqual(3);
  expect(new Set(costs.map((x) => `${x[0]}/${x[1]}`))).toEqual(new Set(['TA/a', 'TOT/a', 'TA/muu', 'TOT/muu', 'TA/b', 'TOT/b']));
  expect(costs.some((x) => (x[4] as number) < 0)).toBe(true);
  expect(costs.some((x) => x[1] === 'b' && x[3] === null)).toBe(true);
});

test('the sample is valid: it allocates with only duplicate warnings', async () => {
  const { problems, allocation } = validateAndAllocate(await raw(buildSampleInputs({ year: 2026 })));
  expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  expect(new Set(problems.map((p) => p.code))).toEqual(new Set(['duplicate-registration']));
  expect(allocation).not.toBeNull();
});

test('scale multiplies the row counts', () => {
  const d = sampleInputData({ scale: 3, seed: 1 });
  expect(d.staff).toHaveLength(450);
  expect(d.registrations).toHaveLength(1200);
  expect(d.costs).toHaveLength(180);
});

test('random workbooks are valid and cover every setting', async () => {
  const seen = { staff: new Set<unknown>(), muni: new Set<unknown>(), agreed: 0, kela: 0, muniCounts: new Set<number>() };
  for (let seed = 1; seed <= 40; seed++) {
    const data = randomInputData(seed);
    seen.staff.add(data.settings!.staffBasis);
    seen.muni.add(data.settings!.municipalBasis);
    if (data.settings!.agreedTvaPct !== null) seen.agreed++;
    if (data.settings!.kelaPct !== null) seen.kela++;
    seen.muniCounts.add(data.municipalities!.length);
    const agreed = data.municipalities!.reduce((a, m) => a + Math.round((m[3] as number) * 100), 0);
    expect(agreed).toBe(10_000);
    const { problems, allocation } = validateAndAllocate(await raw(randomValidWorkbook(seed)));
    expect({ seed, errors: problems.filter((p) => p.severity === 'error') }).toEqual({ seed, errors: [] });
    expect(allocation).not.toBeNull();
  }
  expect(seen.staff.size).toBe(3);
  expect(seen.muni.size).toBe(4);
  expect(seen.agreed).toBeGreaterThan(0);
  expect(seen.kela).toBeGreaterThan(0);
  expect(Math.min(...seen.muniCounts)).toBe(2);
  expect(Math.max(...seen.muniCounts)).toBe(8);
});
