/**
 * The key of pool b as written (without Excel; LibreOffice in test/formulas/budgetKey.slow.test.ts):
 * TYM_Parametrit's key block chooses the plan over early registrations for a budget (TA) group and
 * the year's registrations for an actual (TOT) group, with the check and every banner's master
 * check cached TRUE; TYM_Jako reads the key by formula and carries the engine's split (hand-checked).
 */
import { ExcelJsWorkbook } from '../../src/adapters/exceljs/excelJsWorkbook';
import { buildInputWorkbook, type InputData } from '../../src/adapters/exceljs/template';
import { computeOutputs } from '../../src/app/pipeline';
import { buildSampleInputs } from '../../src/sample/sample';
import { NAMES, SHEETS } from '../../src/workbook/layout';
import type { SheetSpec } from '../../src/workbook/sheetSpec';

const LABEL = 'TYM_Parametrit: jokaisella pooli b:n ryhmällä on avain';
const d = (y: number, m: number, day: number) => new Date(Date.UTC(y, m - 1, day));

async function run(wb: Promise<import('exceljs').Workbook>): Promise<SheetSpec[]> {
  const port = await ExcelJsWorkbook.fromBuffer(Buffer.from(await (await wb).xlsx.writeBuffer()));
  const r = computeOutputs(await port.readTables());
  if (!r.ok) throw new Error(JSON.stringify(r.problems.slice(0, 3)));
  return r.sheets;
}

function guardCell(sheets: SheetSpec[]): unknown {
  const s = sheets.find((x) => x.name === SHEETS.checks)!;
  const row = s.cells.find((r) => typeof r[0]?.value === 'string' && (r[0].value as string).startsWith(LABEL))!;
  expect(row[1]?.formula).toBeDefined();
  return row[1]?.expected;
}

const banners = (sheets: SheetSpec[]) =>
  sheets.flatMap((s) => s.cells.flatMap((r) => r.filter((c) => c?.formula === NAMES.master).map((c) => c!.expected)));

/** 2027's budget in the autumn of 2026: a plan for Syyspäivä (KELA 4) and one registration of 2027 already in. */
const early: InputData = {
  year: 2027,
  municipalities: [
    ['Hyvinkää', 47_400, 2_100, 50, null],
    ['Järvenpää', 46_000, 1_900, 50, null],
  ],
  staff: [
    ['TVA', 'Hyvinkää', 'Työllisyyspalvelut', 'Ohjaaja', 2, 1.8, null, null],
    ['HVA', null, 'Aikuissosiaalityö', 'Sosiaaliohjaaja', 3, 2.5, null, null],
    ['KELA', null, 'Kela', 'Asiantuntija', 1, 1, null, null],
  ],
  registrations: [
    ['Syyspäivä', d(2026, 10, 1), 'Aino Aaltonen', 'TVA', null],
    ['Syyspäivä', d(2027, 1, 10), 'Veikko Virtanen', 'TVA', null],
    ['Syyspäivä', d(2027, 1, 10), 'Eino Heikkilä', 'HVA', null],
  ],
  costs: [
    ['TA', 'a', 'Johtavan henkilön palkka', null, 96_000, null, null],
    ['TA', 'b', 'Syyspäivän tilat', 'Syyspäivä', 2_000, null, null],
    ['TOT', 'b', 'Syyspäivän tarjoilu', 'Syyspäivä', 1_000.01, null, null],
  ],
  plan: [
    ['Syyspäivä', 'KELA', 3, null],
    ['Syyspäivä', 'HVA', 1, null],
  ],
};

test('the demo: the check is a formula with TRUE cached, and so is every master banner', async () => {
  const sheets = await run(buildSampleInputs({ year: 2026 }));
  expect(guardCell(sheets)).toBe(true);
  expect(new Set(banners(sheets))).toEqual(new Set([true]));
});

test("the plan wins over early registrations: the key block says so, TYM_Jako reads it and writes the engine's split (hand-checked), every check cached TRUE", async () => {
  const sheets = await run(buildInputWorkbook(early));
  expect(guardCell(sheets)).toBe(true);
  const b = banners(sheets);
  expect(b.length).toBeGreaterThan(5);
  expect(new Set(b)).toEqual(new Set([true]));
  // TYM_Parametrit: the TA group of Syyspäivä keyed from the plan (0 : 1 : 3), the TOT group from 2027's registrations (1 : 1 : 0).
  const params = sheets.find((s) => s.name === SHEETS.params)!;
  const kh = params.cells.findIndex((r) => r.some((c) => c?.value === 'Lähde nro') && r.some((c) => c?.value === 'Avain TVA'));
  const hc = (h: string) => params.cells[kh].findIndex((c) => c?.value === h);
  const keyRows = params.cells.slice(kh + 1).filter((r) => r[hc('Tilaisuus')]?.expected === 'Syyspäivä');
  expect(
    keyRows.map((r) => [
      r[hc('Lähde')]?.expected,
      r[hc('Avain TVA')]?.expected,
      r[hc('Avain HVA')]?.expected,
      r[hc('Avain KELA')]?.expected,
    ]),
  ).toEqual([
    ['osallistujasuunnitelma', 0, 1, 3],
    ['vuoden ilmoittautuneet', 1, 1, 0],
  ]);
  const split0 = sheets.find((s) => s.name === SHEETS.split)!;
  expect(split0.cells.flat().some((c) => c?.formula?.includes(`INDEX(${NAMES.poolBKey},`))).toBe(true);
  // TYM_Jako, the parties' shares (€) in row order: TA b Syyspäivä by the plan 0 : 1 : 3 of 2 000 € = 0, 500, 1 500;
  // TOT b Syyspäivä by the registrations of 2027 1 : 1 : 0 of 1 000.01 € = 500.01 (the odd cent to the first), 500.00, 0.
  const split = sheets.find((s) => s.name === SHEETS.split)!;
  const header = split.cells.findIndex((r) => r.some((c) => c?.value === 'Osuus €'));
  const col = split.cells[header].findIndex((c) => c?.value === 'Osuus €');
  const eventCol = split.cells[header].findIndex((c) => c?.value === 'Tilaisuus');
  const kindCol = split.cells[header].findIndex((c) => c?.value === 'Laji');
  const rows = split.cells.slice(header + 1).filter((r) => r[eventCol]?.expected === 'Syyspäivä');
  expect(rows.map((r) => [r[kindCol]?.value, r[col]?.expected])).toEqual([
    ['TA', 0],
    ['TA', 500],
    ['TA', 1500],
    ['TOT', 500.01],
    ['TOT', 500],
    ['TOT', 0],
  ]);
});
