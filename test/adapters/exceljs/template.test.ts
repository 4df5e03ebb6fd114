import ExcelJS from 'exceljs';
import { ExcelJsWorkbook, tablesOf } from '../../../src/adapters/exceljs/excelJsWorkbook';
import { buildTemplate, LISTS } from '../../../src/adapters/exceljs/template';
import {
  BILLING_SETTINGS,
  BILLING_SETTING_KEYS,
  KESKI_UUSIMAA_MUNICIPALITIES,
  PLAN_TABLE,
  SETTINGS,
  SETTING_KEYS,
  TABLES,
  TABLE_KEYS,
} from '../../../src/domain/contract';
import { parseWorkbook } from '../../../src/domain/parse';

async function loaded(year: number): Promise<ExcelJsWorkbook> {
  return ExcelJsWorkbook.fromBuffer(Buffer.from(await (await buildTemplate(year)).xlsx.writeBuffer()));
}

test('the template has the instruction sheet first and one table per input with canonical names and headers', async () => {
  const wb = await loaded(2027);
  // The optional participant plan (issue 12) comes last.
  expect(wb.workbook.worksheets.map((w) => w.name)).toEqual(['Ohje', ...TABLE_KEYS.map((k) => TABLES[k].sheet), PLAN_TABLE.sheet]);
  const raw = await wb.readTables();
  expect(raw.tables.map((t) => [t.name, t.sheet, t.headers])).toEqual([
    ...TABLE_KEYS.map((k) => [TABLES[k].names[0], TABLES[k].sheet, TABLES[k].columns.map((c) => c.names[0])]),
    [PLAN_TABLE.names[0], PLAN_TABLE.sheet, PLAN_TABLE.columns.map((c) => c.names[0])],
  ]);
  const help = wb.workbook.getWorksheet('Ohje')!;
  const text = (help.getColumn(1).values as unknown[]).filter((v) => typeof v === 'string').join('\n');
  expect(text).toMatch(/Henkilosto/);
  expect(text).toMatch(/suurimman jäännöksen/);
  expect(text).toMatch(/tym-allocate run/);
});

test('settings hold every setting with the year and the defaults; Kunnat the six municipalities', async () => {
  const raw = await (await loaded(2027)).readTables();
  const settings = raw.tables.find((t) => t.name === 'Asetukset')!;
  const pairs = settings.rows.map((r) => [r[0].value, r[1].value]);
  expect(pairs.map((p) => p[0])).toEqual([
    ...SETTING_KEYS.map((k) => SETTINGS[k].names[0]),
    ...BILLING_SETTING_KEYS.map((k) => BILLING_SETTINGS[k].names[0]),
  ]);
  expect(Object.fromEntries(pairs as [string, unknown][])).toEqual({
    Vuosi: 2027,
    Henkilöstöperuste: 'henkilömäärä',
    'Kuntajaon peruste': 'asukasluku',
    'Sovittu TVA-osuus %': null,
    'Kelan osuus %': null,
    'Hallinnollinen työnantaja': 'Järvenpää',
    Laskutusjakso: 'vuosi',
    Asiakasmäärä: null,
    // invoice data (issue 12): the defaults written out, the rest blank
    Laskutuspäivä: 1,
    'Maksuehto (pv)': 14,
    'Tasauslaskun päivä': null,
    'HVA:n Y-tunnus': null,
    'Kelan Y-tunnus': null,
  });
  const kunnat = raw.tables.find((t) => t.name === 'Kunnat')!;
  expect(kunnat.rows.map((r) => [r[0].value, r[1].value])).toEqual(KESKI_UUSIMAA_MUNICIPALITIES.map((m) => [m.name, m.population]));
  // Empty tables keep one blank row (an Excel table needs a data row).
  for (const name of ['Henkilosto', 'Ilmoittautumiset', 'Kustannukset']) {
    const t = raw.tables.find((x) => x.name === name)!;
    expect(t.rows).toHaveLength(1);
    expect(t.rows[0].every((c) => c.value === null)).toBe(true);
  }
});

test('the template parses without errors', async () => {
  const { problems } = parseWorkbook(await (await loaded(2026)).readTables());
  expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
});

test('coded columns have drop-down lists of the canonical words', async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await (await buildTemplate(2026)).xlsx.writeBuffer());
  const dv = (sheet: string, address: string) =>
    (
      wb.getWorksheet(sheet) as unknown as { dataValidations: { find(a: string): { type: string; formulae: string[] } | undefined } }
    ).dataValidations.find(address);
  expect(LISTS.organisation).toEqual(['TVA', 'HVA', 'KELA']);
  expect(LISTS.status).toEqual(['ilmoittautunut', 'peruttu']);
  expect(LISTS.kind).toEqual(['TA', 'TOT']);
  expect(LISTS.pool).toEqual(['a', 'muu', 'b']);
  expect(dv('Henkilosto', 'A2')?.formulae).toEqual(['"TVA,HVA,KELA"']);
  expect(dv('Henkilosto', 'A500')?.formulae).toEqual(['"TVA,HVA,KELA"']);
  expect(dv('Ilmoittautumiset', 'D2')?.formulae).toEqual(['"TVA,HVA,KELA"']);
  expect(dv('Ilmoittautumiset', 'E2')?.formulae).toEqual(['"ilmoittautunut,peruttu"']);
  expect(dv('Kustannukset', 'A2')?.formulae).toEqual(['"TA,TOT"']);
  expect(dv('Kustannukset', 'B2')?.formulae).toEqual(['"a,muu,b"']);
  expect(dv('Asetukset', 'B3')?.formulae).toEqual(['"henkilömäärä,htv,htv-aikapainotettu"']);
  expect(dv('Asetukset', 'B4')?.formulae).toEqual(['"asukasluku,työttömät,henkilöstö,sovittu"']);
  expect(dv('Asetukset', 'B8')?.formulae).toEqual(['"vuosi,puolivuosi,neljännes,kuukausi"']);
  expect(tablesOf(wb.getWorksheet('Kunnat')!)).toHaveLength(1);
});
