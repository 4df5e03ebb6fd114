/**
 * The live model's formula features as the package writer writes them (issue 9 points 4, 5, 6, 9),
 * read straight from the written XML (not through our reader): the workbook-level names with
 * TYM_TARKISTUS on the master check cell, a cached value on every formula cell (text results as
 * t="str", errors as t="e"), _xlfn. prefixes, the master check in the header of every output sheet
 * under a conditional format, and the print set-up (A4 landscape one page wide, print titles).
 */
import JSZip from 'jszip';
import { ExcelJsWorkbook } from '../../../src/adapters/exceljs/excelJsWorkbook';
import { computeOutputs } from '../../../src/app/pipeline';
import { MASTER_CHECK_ROW, NAMES, OUTPUT_SHEET_NAMES, SHEETS } from '../../../src/workbook/layout';
import { buildSampleInputs } from '../../../src/sample/sample';
import type { SheetSpec } from '../../../src/workbook/sheetSpec';

interface Written {
  zip: JSZip;
  workbookXml: string;
  sheets: Map<string, string>;
  specs: SheetSpec[];
  municipalities: string[];
}

const unesc = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

let written: Written;

beforeAll(async () => {
  const wb = await buildSampleInputs({ year: 2026 });
  const port = await ExcelJsWorkbook.fromBuffer(Buffer.from(await wb.xlsx.writeBuffer()), { view: false });
  const raw = await port.readTables();
  const result = computeOutputs(raw, new Date('2026-03-01T08:00:00Z'));
  if (!result.ok) throw new Error('the demo does not compute');
  await port.replaceOutputs(result.sheets);
  const zip = await JSZip.loadAsync(await port.toBuffer());
  const workbookXml = await zip.file('xl/workbook.xml')!.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const target = new Map([...rels.matchAll(/<Relationship\b[^>]*?Id="([^"]+)"[^>]*?Target="([^"]+)"/g)].map((m) => [m[1], m[2]]));
  const sheets = new Map<string, string>();
  for (const m of workbookXml.matchAll(/<sheet\b[^>]*?name="([^"]+)"[^>]*?r:id="([^"]+)"/g)) {
    const part = target.get(m[2])!.replace(/^\/?(xl\/)?/, 'xl/');
    sheets.set(unesc(m[1]), await zip.file(part)!.async('string'));
  }
  const municipalities = raw.tables.find((t) => t.name === 'Kunnat')!.rows.map((r) => String(r[0].value));
  written = { zip, workbookXml, sheets, specs: result.sheets, municipalities };
}, 120_000);

function definedNames(): { name: string; local?: string; ref: string }[] {
  return [...written.workbookXml.matchAll(/<definedName\b([^>]*)>([^<]*)<\/definedName>/g)].map((m) => ({
    name: /name="([^"]+)"/.exec(m[1])![1],
    local: /localSheetId="(\d+)"/.exec(m[1])?.[1],
    ref: unesc(m[2]),
  }));
}

function cellsOf(xml: string): { ref: string; attrs: string; f?: string; v?: string }[] {
  return [...xml.matchAll(/<c r="([A-Z]+\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)].map((m) => ({
    ref: m[1],
    attrs: m[2],
    f: m[3] ? /<f>([\s\S]*?)<\/f>/.exec(m[3])?.[1] : undefined,
    v: m[3] ? /<v>([\s\S]*?)<\/v>/.exec(m[3])?.[1] : undefined,
  }));
}

test('every output sheet is written, with the run log', () => {
  expect([...written.sheets.keys()].filter((n) => OUTPUT_SHEET_NAMES.includes(n)).sort()).toEqual([...OUTPUT_SHEET_NAMES].sort());
});

test('TYM_TARKISTUS is a workbook-level name on the master check cell of TYM_Tarkistukset', () => {
  const master = definedNames().filter((n) => n.name === NAMES.master);
  expect(master).toEqual([{ name: NAMES.master, local: undefined, ref: `'${SHEETS.checks}'!$B$${MASTER_CHECK_ROW + 1}` }]);
  const cell = cellsOf(written.sheets.get(SHEETS.checks)!).find((c) => c.ref === `B${MASTER_CHECK_ROW + 1}`)!;
  // The demo is consistent: the cached master check is TRUE.
  expect(cell.attrs).toContain('t="b"');
  expect(cell.v).toBe('1');
});

test('every name a spec owns is written once, workbook-level, and every named parameter of the formulas exists', () => {
  const names = definedNames().filter((n) => n.local === undefined);
  const owned = written.specs.flatMap((s) => (s.names ?? []).map((n) => n.name));
  expect(owned.length).toBeGreaterThan(40);
  for (const n of owned) expect(names.filter((x) => x.name === n).length).toBe(1);
  for (const p of [
    NAMES.year,
    NAMES.kelaPct,
    NAMES.agreedPct,
    NAMES.staffBasis,
    NAMES.municipalBasis,
    NAMES.employer,
    NAMES.installments,
  ]) {
    expect(names.map((n) => n.name)).toContain(p);
  }
});

test('every formula cell has a cached value; text results are t="str", booleans t="b"', () => {
  let formulas = 0;
  let texts = 0;
  for (const [name, xml] of written.sheets) {
    if (!OUTPUT_SHEET_NAMES.includes(name)) continue;
    for (const c of cellsOf(xml)) {
      if (c.f === undefined) continue;
      formulas++;
      if (c.v === undefined) throw new Error(`${name}!${c.ref} =${unesc(c.f)} has no cached value`);
      if (c.attrs.includes('t="str"')) texts++;
    }
  }
  expect(formulas).toBeGreaterThan(1000);
  // Labels linked to the inputs (municipality and receiver names) are text formulas.
  expect(texts).toBeGreaterThan(50);
  // The cached texts of TYM_Tulokset's linked labels are the municipality names of the input table.
  const results = cellsOf(written.sheets.get(SHEETS.results)!)
    .filter((c) => c.attrs.includes('t="str"'))
    .map((c) => unesc(c.v!));
  expect(written.municipalities.length).toBe(6);
  for (const m of written.municipalities) expect(results).toContain(m);
});

test('functions newer than Excel 2007 carry the _xlfn. prefix in the file', () => {
  const all = [...written.sheets.values()].join('');
  expect(all).toContain('_xlfn.UNICODE(');
  expect(/(^|[^.A-Za-z_])UNICODE\(/.test(all.replace(/_xlfn\.UNICODE\(/g, ''))).toBe(false);
});

test('the master check is in the header of every output sheet that shows figures, under the TRUE/FALSE conditional format', () => {
  for (const name of OUTPUT_SHEET_NAMES) {
    if (name === SHEETS.runLog) continue;
    const xml = written.sheets.get(name)!;
    const cells = cellsOf(xml);
    const banner = cells.find((c) => c.f !== undefined && unesc(c.f) === NAMES.master && Number(/\d+/.exec(c.ref)![0]) <= 6);
    const own = name === SHEETS.checks ? cells.find((c) => c.ref === `B${MASTER_CHECK_ROW + 1}`) : banner;
    expect({ name, found: own !== undefined }).toEqual({ name, found: true });
    const sqrefs = [
      ...xml.matchAll(/<conditionalFormatting sqref="([^"]+)">[\s\S]*?<formula>TRUE<\/formula>[\s\S]*?<formula>FALSE<\/formula>/g),
    ].flatMap((m) => m[1].split(' '));
    const covered = sqrefs.some((r) => {
      const [a, b = a] = r.split(':');
      const col = (x: string) => /^[A-Z]+/.exec(x)![0];
      const row = (x: string) => Number(/\d+/.exec(x)![0]);
      return (
        col(a) <= col(own!.ref) &&
        col(own!.ref) <= col(b) &&
        row(a) <= row(own!.ref) &&
        row(own!.ref) <= row(b) &&
        col(a).length === col(own!.ref).length
      );
    });
    expect({ name, covered }).toEqual({ name, covered: true });
  }
});

test('TYM_Tarkistukset and TYM_Laskutus print on A4 landscape, one page wide, with repeated header rows', () => {
  const names = definedNames();
  const order = [...written.workbookXml.matchAll(/<sheet\b[^>]*?name="([^"]+)"/g)].map((m) => unesc(m[1]));
  for (const name of [SHEETS.checks, SHEETS.invoicing]) {
    const xml = written.sheets.get(name)!;
    expect(xml).toMatch(/<pageSetUpPr fitToPage="1"\/>/);
    expect(xml).toMatch(/<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"\/>/);
    const titles = names.find((n) => n.name === '_xlnm.Print_Titles' && n.local === String(order.indexOf(name)));
    expect(titles?.ref).toMatch(new RegExp(`^'${name}'!\\$1:\\$\\d+$`));
  }
  // Euro units visible: the title and every amount header of TYM_Laskutus name the euro.
  const texts = [...written.sheets.get(SHEETS.invoicing)!.matchAll(/<t xml:space="preserve">([^<]*)<\/t>/g)].map((m) => unesc(m[1]));
  expect(texts.some((t) => /laskutus .*€/.test(t))).toBe(true);
  for (const h of ['TA-osuus €', 'Netto (TA) €', 'Erä 1 €', 'Erä 12 €']) expect(texts).toContain(h);
});
