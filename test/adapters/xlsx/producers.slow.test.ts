/**
 * Workbooks from every producer that runs here (test/fixtures/producers/build.ts): the command line
 * reads each to the same allocation as the same year written by Excel's form (exceljs), writes OUT
 * with every part of the input byte-identical (only the workbook part, its relationships, the content
 * types and the styles change, to reference the output sheets), LibreOffice recalculates OUT to the
 * engine's values, and a rerun on OUT replaces only the add-in's own sheets.
 *
 * TYM_WRITE_PRODUCER_FIXTURES=1 regenerates the committed files first (needs python3-openpyxl,
 * python3-uno and LibreOffice: scripts/setup-debian.sh).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import JSZip from 'jszip';
import { ExcelJsWorkbook } from '../../../src/adapters/exceljs/excelJsWorkbook';
import { PackageWorkbook } from '../../../src/adapters/xlsx/packageWorkbook';
import { createAllocationApp } from '../../../src/app/run';
import { runCli } from '../../support/cli';
import { OUTPUT_SHEET_NAMES, SHEETS, MASTER_CHECK_ROW } from '../../../src/workbook/layout';
import { baseData } from '../../fixtures/bad/corpus';
import { exceljsInput, PRODUCER_FIXTURES, PRODUCERS } from '../../fixtures/producers/build';
import { recalculateMany } from '../../support/libreoffice';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tym-producers-'));
afterAll(() => {
  if (!process.env.TYM_KEEP_ARTIFACTS) fs.rmSync(tmp, { recursive: true, force: true });
});

const cli = runCli;

/** Every entry of a zip: name -> bytes. */
async function parts(file: string): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const out = new Map<string, Buffer>();
  for (const name of Object.keys(zip.files)) if (!zip.files[name].dir) out.set(name, await zip.file(name)!.async('nodebuffer'));
  return out;
}

/** The parts a write may change: the workbook part, its relationships, the content types and the styles. */
async function changeable(file: string): Promise<Set<string>> {
  const book = await PackageWorkbook.fromBuffer(fs.readFileSync(file));
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const lower = new Map(Object.keys(zip.files).map((n) => [n.toLowerCase(), n]));
  const wbPart = (await zip.file(lower.get('_rels/.rels')!)!.async('string')).match(
    /Target="\/?([^"]*)"[^>]*Type="[^"]*officeDocument"|Type="[^"]*officeDocument"[^>]*Target="\/?([^"]*)"/,
  )!;
  const workbook = (wbPart[1] ?? wbPart[2]).replace(/^\//, '');
  const rels = workbook.replace(/([^/]*)$/, '_rels/$1.rels');
  const relsXml = await zip.file(lower.get(rels.toLowerCase())!)!.async('string');
  const styles = /Type="[^"]*\/styles"[^>]*Target="([^"]*)"|Target="([^"]*)"[^>]*Type="[^"]*\/styles"/.exec(relsXml);
  const stylesTarget = styles ? (styles[1] ?? styles[2]) : null;
  const stylesPart =
    stylesTarget === null ? null : stylesTarget.startsWith('/') ? stylesTarget.slice(1) : workbook.replace(/[^/]*$/, '') + stylesTarget;
  expect(book).toBeDefined();
  // docProps/app.xml too, when it lists the sheet names (Excel's and exceljs's do).
  return new Set(
    [workbook, rels, '[Content_Types].xml', 'docProps/app.xml', ...(stylesPart ? [stylesPart] : [])].map(
      (p) => lower.get(p.toLowerCase()) ?? p,
    ),
  );
}

interface Ran {
  file: string;
  input: string;
  out: string;
  rerun: string;
}

const ran: Ran[] = [];
let reference: { results: unknown; totals: unknown };

beforeAll(async () => {
  const data = baseData();
  const base = path.join(tmp, 'base.xlsx');
  fs.writeFileSync(base, await exceljsInput(data));
  if (process.env.TYM_WRITE_PRODUCER_FIXTURES === '1') {
    for (const f of PRODUCER_FIXTURES) {
      const work = fs.mkdtempSync(path.join(tmp, 'make-'));
      fs.writeFileSync(path.join(PRODUCERS, f.file), await f.make(base, data, work));
    }
  }
  const r = await cli('run', base, '--json', '--out', path.join(tmp, 'base.tulokset.xlsx'));
  if (r.code !== 0) throw new Error(r.err);
  reference = JSON.parse(r.out);
}, 600_000);

describe.each(PRODUCER_FIXTURES.map((f) => [f.file, f] as const))('%s', (file) => {
  const dir = () => path.join(tmp, file.replace(/\W/g, '_'));
  let input: string;
  let out: string;

  test('the command line reads it to the same allocation as the year in Excel form', async () => {
    fs.mkdirSync(dir(), { recursive: true });
    input = path.join(dir(), file);
    fs.copyFileSync(path.join(PRODUCERS, file), input);
    const before = fs.readFileSync(input);
    const r = await cli('run', input, '--json');
    // Made without a participant plan, with TA lines of pool b: the run adds the empty plan (issue 12)
    // and says so on stderr; nothing else is said.
    const notes = r.err.split('\n').filter((line) => line.trim() !== '');
    expect({ code: r.code, notes: notes.map((n) => n.includes('lisää tyhjän taulukon Osallistujasuunnitelma')) }).toEqual({
      code: 0,
      notes: [true],
    });
    const doc = JSON.parse(r.out);
    expect(doc.results).toEqual(reference.results);
    expect(doc.totals).toEqual(reference.totals);
    out = path.join(dir(), file.replace(/(\.\w+)$/, '.tulokset$1'));
    expect(fs.existsSync(out)).toBe(true);
    expect(fs.readFileSync(input).equals(before)).toBe(true);
    ran.push({ file, input, out, rerun: '' });
  });

  test('OUT keeps every part of the input byte for byte and adds the output sheets', async () => {
    const inParts = await parts(input);
    const outParts = await parts(out);
    const mayChange = await changeable(input);
    for (const [name, bytes] of inParts) {
      expect({ name, kept: outParts.has(name) }).toEqual({ name, kept: true });
      if (!mayChange.has(name)) expect({ name, identical: outParts.get(name)!.equals(bytes) }).toEqual({ name, identical: true });
    }
    // The user's sheets are all still there, in order, before ours.
    const inBook = await PackageWorkbook.fromBuffer(fs.readFileSync(input));
    const outBook = await PackageWorkbook.fromBuffer(fs.readFileSync(out));
    const inSheets = await inBook.sheetNames();
    expect((await outBook.sheetNames()).slice(0, inSheets.length)).toEqual(inSheets);
    expect((await outBook.ownSheetNames()).sort()).toEqual(OUTPUT_SHEET_NAMES.filter((n) => n !== SHEETS.comparison).sort());
    // The empty plan the run added follows the user's sheets, unmarked (the user's input from now on).
    expect((await outBook.sheetNames())[inSheets.length]).toBe('Osallistujasuunnitelma');
    expect((await outBook.readTables()).tables.find((t) => t.name === 'Osallistujasuunnitelma')?.sheet).toBe('Osallistujasuunnitelma');
    // The package keeps its kind (an .xlsm stays macro-enabled).
    expect(outBook.contentType).toBe(inBook.contentType);
    // The input tables read the same from OUT.
    const tablesIn = (await inBook.readTables()).tables;
    const tablesOut = (await outBook.readTables()).tables.filter((t) => tablesIn.some((x) => x.name === t.name));
    expect(tablesOut).toEqual(tablesIn);
  });

  test('a rerun on OUT replaces only the add-in’s own sheets', async () => {
    const rerun = path.join(dir(), file.replace(/(\.\w+)$/, '.uudelleen$1'));
    const r = await cli('run', out, '--out', rerun);
    expect({ code: r.code, err: r.err }).toEqual({ code: 0, err: '' });
    const inParts = await parts(input);
    const againParts = await parts(rerun);
    const mayChange = await changeable(input);
    for (const [name, bytes] of inParts)
      if (!mayChange.has(name)) expect({ name, identical: againParts.get(name)?.equals(bytes) }).toEqual({ name, identical: true });
    // No part of the first run's sheets is left: as many parts as after the first run.
    expect([...againParts.keys()].length).toBe([...(await parts(out)).keys()].length);
    ran.find((x) => x.file === file)!.rerun = rerun;
  });
});

test('LibreOffice recalculates every OUT and rerun to the engine values, master check TRUE', async () => {
  expect(ran.length).toBe(PRODUCER_FIXTURES.length);
  const files = ran.flatMap((r, i) =>
    [r.out, r.rerun].map((f, j) => {
      const copy = path.join(tmp, `recalc-${i}-${j}${path.extname(f)}`);
      fs.copyFileSync(f, copy);
      return { file: r.file, copy };
    }),
  );
  const recalculated = await recalculateMany(
    files.map((f) => f.copy),
    path.join(tmp, 'recalculated'),
  );
  for (let i = 0; i < files.length; i++) {
    const wb = await ExcelJsWorkbook.load(recalculated[i], { view: false });
    const report = await createAllocationApp(wb).verify();
    expect({
      file: files[i].file,
      errors: report.problems.filter((p) => p.severity === 'error'),
      findings: report.findings.slice(0, 5),
    }).toEqual({
      file: files[i].file,
      errors: [],
      findings: [],
    });
    const cells = await wb.readOutputCells([SHEETS.checks]);
    expect(cells.find((c) => c.address === `B${MASTER_CHECK_ROW + 1}`)?.value).toBe(true);
  }
}, 300_000);

test('the preview can show every producer’s file (the exceljs view reads them)', async () => {
  for (const f of PRODUCER_FIXTURES) {
    const wb = await ExcelJsWorkbook.fromBuffer(fs.readFileSync(path.join(PRODUCERS, f.file)));
    const names = wb.workbook.worksheets.map((w) => w.name);
    expect({
      file: f.file,
      tables: ['Asetukset', 'Kunnat', 'Henkilosto', 'Ilmoittautumiset', 'Kustannukset'].every((n) => names.includes(n)),
    }).toEqual({ file: f.file, tables: true });
  }
});
