/**
 * The bad-input corpus (test/fixtures/bad, built by test/fixtures/bad/corpus.ts) through the command
 * line, in-process. Each error case: exit 1, the message names the place, nothing written beside the
 * input, the input's bytes unchanged. Each surprising-but-valid case: exit 0, a warning that names the
 * place, the output written, the same allocation as the clean base year, and formulas that LibreOffice
 * recalculates to the engine's cents.
 *
 * TYM_WRITE_BAD_FIXTURES=1 rewrites the committed corpus from the builders first.
 * TYM_BIG=1 adds the 200,000-row registration table (about 2-3 minutes, see the report in the test output).
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { ExcelJsWorkbook } from '../../src/adapters/exceljs/excelJsWorkbook';
import { PackageWorkbook, UnreadableWorkbookError } from '../../src/adapters/xlsx/packageWorkbook';
import { buildInputWorkbook } from '../../src/adapters/exceljs/template';
import { createAllocationApp } from '../../src/app/run';
import { defaultOutPath, main, type Io } from '../../src/cli/tym-allocate';
import type { RawWorkbook } from '../../src/domain/raw';
import {
  baseData,
  bigRegistrations,
  CASES,
  FORMULA_LIKE_EVENT,
  FORMULA_LIKE_NAMES,
  manifest,
  type BadCase,
  type Expected,
} from '../fixtures/bad/corpus';
import { recalculateMany } from '../support/libreoffice';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'bad');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tym-bad-'));

function capture(): Io & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (s) => stdout.push(s), err: (s) => stderr.push(s) };
}

const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** The tables of a workbook as plain JSON (dates as ISO text), for comparing two files cell by cell. */
async function tablesJson(buf: Buffer): Promise<unknown> {
  const raw: RawWorkbook = await (await ExcelJsWorkbook.fromBuffer(buf)).readTables();
  return JSON.parse(JSON.stringify(raw, (_k, v) => (v instanceof Date ? { date: v.toISOString() } : v)));
}

/** A fresh copy of the fixture in its own folder (so "nothing else written" can be checked). */
function copyOf(c: Expected): string {
  const dir = fs.mkdtempSync(path.join(tmp, c.file.replace(/\.xlsx$/, '') + '-'));
  const file = path.join(dir, c.file);
  fs.copyFileSync(path.join(FIXTURES, c.file), file);
  return file;
}

/** The lines of the CLI's output that report `c`'s problem (severity word, place and message). */
function reportLines(text: string[], c: Expected): string[] {
  const word = c.severity === 'error' ? 'VIRHE: ' : 'HUOM: ';
  return text
    .join('\n')
    .split('\n')
    .filter((l) => l.startsWith(word) && l.includes(c.message!))
    .filter((l) => (c.sheet ? l.startsWith(`${word}Taulukko ${c.sheet} (`) : true))
    .filter((l) => (c.cell ? l.includes(`solu ${c.cell}`) : true))
    .filter((l) => (c.row !== undefined ? l.includes(`rivi ${c.row}`) : true));
}

beforeAll(async () => {
  if (process.env.TYM_WRITE_BAD_FIXTURES === '1') {
    for (const c of CASES) fs.writeFileSync(path.join(FIXTURES, c.file), await c.build());
    fs.writeFileSync(path.join(FIXTURES, 'expected.json'), JSON.stringify(manifest(), null, 2) + '\n');
  }
});

afterAll(() => {
  if (!process.env.TYM_KEEP_ARTIFACTS) fs.rmSync(tmp, { recursive: true, force: true });
});

describe('the committed corpus', () => {
  test('expected.json lists every case with the declared expectations', () => {
    const committed = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'expected.json'), 'utf8'));
    expect(committed).toEqual(manifest());
    const onDisk = fs
      .readdirSync(FIXTURES)
      .filter((f) => /\.(xlsx|xlsm|xls|ods)$/.test(f))
      .sort();
    expect(onDisk).toEqual(CASES.map((c) => c.file).sort());
  });

  test.each(CASES.map((c) => [c.file, c] as const))(
    '%s holds exactly what its builder produces (reproducible)',
    async (_f, c: BadCase) => {
      const committed = fs.readFileSync(path.join(FIXTURES, c.file));
      const fresh = await c.build();
      if (c.reproduce === 'bytes') expect(committed.equals(fresh)).toBe(true);
      else if (c.reproduce === 'reason') expect(await unreadableReason(fresh)).toBe(await unreadableReason(committed));
      else expect(await tablesJson(committed)).toEqual(await tablesJson(fresh));
    },
    120_000,
  );
});

/** Why a file cannot be read (the adapter's reason), or 'readable'. */
async function unreadableReason(buf: Buffer): Promise<string> {
  try {
    await PackageWorkbook.fromBuffer(buf);
    return 'readable';
  } catch (e) {
    if (e instanceof UnreadableWorkbookError) return e.reason;
    throw e;
  }
}

const unreadable = CASES.filter((c) => c.outcome === 'unreadable');

describe('files that are no workbook: exit 1, one message that says what the file is, nothing written', () => {
  test.each(unreadable.map((c) => [c.file, c] as const))('%s', async (_f, c) => {
    const file = copyOf(c);
    const before = sha256(file);
    for (const command of ['run', 'validate', 'verify']) {
      const io = capture();
      const code = await main([command, file], io);
      expect({ command, code }).toEqual({ command, code: 1 });
      const lines = io.stderr.join('\n').split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(new RegExp(`^VIRHE: Tiedosto ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} `));
      expect(lines[0]).toContain(c.message!);
      expect(io.stdout).toEqual([]);
    }
    expect(fs.readdirSync(path.dirname(file))).toEqual([c.file]);
    expect(sha256(file)).toBe(before);
  });
});

const errors = CASES.filter((c) => c.outcome === 'error');
const warnings = CASES.filter((c) => c.outcome === 'warning');
const valids = CASES.filter((c) => c.outcome === 'valid');

describe('error cases: exit 1, the place named, nothing written, the input untouched', () => {
  test.each(errors.map((c) => [c.file, c] as const))('%s', async (_f, c) => {
    const file = copyOf(c);
    const before = sha256(file);
    const io = capture();
    const code = await main(['run', file], io);
    expect({ code, stderr: io.stderr.join('\n') }).toMatchObject({ code: 1 });
    expect(reportLines(io.stderr, c)).not.toEqual([]);
    // No output beside the input (default OUT), no temporary file left behind.
    expect(fs.readdirSync(path.dirname(file))).toEqual([c.file]);
    expect(fs.existsSync(defaultOutPath(file))).toBe(false);
    expect(sha256(file)).toBe(before);
    expect(io.stdout).toEqual([]);

    // The problem itself: its code, severity and place as the application reports it.
    const report = await createAllocationApp(await ExcelJsWorkbook.load(file)).validate();
    const hit = report.problems.find((p) => p.code === c.code && p.severity === c.severity);
    expect(hit).toBeDefined();
    expect(hit!.where.sheet ?? null).toBe(c.sheet);
    expect(hit!.where.cell ?? null).toBe(c.cell);
    if (c.row !== undefined) expect(hit!.where.row).toBe(c.row);

    // validate reports the same problem and exits 1 too.
    const v = capture();
    expect(await main(['validate', file], v)).toBe(1);
    expect(reportLines(v.stderr, c)).not.toEqual([]);
    expect(sha256(file)).toBe(before);
  });
});

/** The --json report of a workbook written to a temp file. */
async function jsonOf(buf: Buffer, name: string): Promise<{ results: Record<string, unknown>[]; totals: unknown }> {
  const dir = fs.mkdtempSync(path.join(tmp, `json-${name}-`));
  const file = path.join(dir, 'in.xlsx');
  fs.writeFileSync(file, buf);
  const io = capture();
  const code = await main(['run', file, '--json', '--out', path.join(dir, 'out.xlsx')], io);
  if (code !== 0) throw new Error(`${name}: exit ${code}\n${io.stderr.join('\n')}`);
  return JSON.parse(io.stdout.join('\n'));
}

describe('surprising but valid cases: exit 0, warned where needed, same allocation as the clean year', () => {
  const outputs: { file: string; out: string }[] = [];
  let base: { results: Record<string, unknown>[]; totals: unknown };

  beforeAll(async () => {
    base = await jsonOf(Buffer.from(await (await buildInputWorkbook(baseData())).xlsx.writeBuffer()), 'base');
  });

  test.each([...warnings, ...valids].map((c) => [c.file, c] as const))('%s', async (_f, c) => {
    const file = copyOf(c);
    const before = sha256(file);
    const io = capture();
    const code = await main(['run', file, '--json'], io);
    expect({ code, stderr: io.stderr.join('\n') }).toMatchObject({ code: 0 });
    const out = defaultOutPath(file);
    expect(fs.existsSync(out)).toBe(true);
    expect(sha256(file)).toBe(before);
    outputs.push({ file: c.file, out });
    if (c.outcome === 'warning') expect(reportLines(io.stderr, c)).not.toEqual([]);
    else expect(io.stderr.join('\n')).not.toMatch(/VIRHE|HUOM/);

    // Hidden and filtered rows still count, a serial date is the same day, and names are only
    // counted: every case allocates exactly as the clean base year (the event renamed back).
    const report = JSON.parse(io.stdout.join('\n'));
    if (c.changesResults) return;
    const renamed = report.results.map((r: { event: string | null }) =>
      r.event === FORMULA_LIKE_EVENT ? { ...r, event: 'Kehittämispäivä kevät' } : r,
    );
    expect(renamed).toEqual(base.results);
    expect(report.totals).toEqual(base.totals);
  });

  test('names starting with =, +, - or @ are never written as formulas, nor anywhere in the output sheets', async () => {
    const file = outputs.find((o) => o.file.startsWith('20-'))!.out;
    const wb = await ExcelJsWorkbook.load(file);
    const cells = await wb.readOutputCells(await wb.ownSheetNames());
    expect(cells.length).toBeGreaterThan(100);
    const bare = FORMULA_LIKE_NAMES.map((n) => n.slice(1).toLowerCase());
    for (const cell of cells) {
      const f = (cell.formula ?? '').toLowerCase();
      const v = typeof cell.value === 'string' ? cell.value.toLowerCase() : '';
      for (const n of bare) {
        expect({ at: `${cell.sheet}!${cell.address}`, hit: f.includes(n) || v.includes(n) }).toEqual({
          at: `${cell.sheet}!${cell.address}`,
          hit: false,
        });
      }
    }
    // The input table in the output file still holds them as plain text.
    const ws = wb.workbook.getWorksheet('Ilmoittautumiset')!;
    const names = [2, 3, 4, 5, 6].map((r) => ws.getCell(`C${r}`));
    for (const cell of names) expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(new Set(names.map((c) => c.value))).toEqual(new Set(FORMULA_LIKE_NAMES));
  });

  test('an event named "=..." is written as text, never as a formula', async () => {
    const file = outputs.find((o) => o.file.startsWith('21-'))!.out;
    const wb = await ExcelJsWorkbook.load(file);
    const cells = await wb.readOutputCells(await wb.ownSheetNames());
    // Shown as text: event labels are linked to the input (TRIM(INDEX(...))), so the text is a formula's result.
    const asText = cells.filter((c) => c.value === FORMULA_LIKE_EVENT);
    expect(asText.length).toBeGreaterThan(0);
    const bare = FORMULA_LIKE_EVENT.slice(1).toLowerCase();
    expect(cells.filter((c) => (c.formula ?? '').toLowerCase().includes(bare))).toEqual([]);
  });

  test('LibreOffice recalculates every valid and warned output to the engine values (verify: no findings)', async () => {
    expect(outputs.length).toBe(warnings.length + valids.length);
    // Distinct base names for one soffice call.
    const named = outputs.map((o, i) => {
      const p = path.join(tmp, `recalc-in-${i}.xlsx`);
      fs.copyFileSync(o.out, p);
      return p;
    });
    const recalculated = await recalculateMany(named, path.join(tmp, 'recalculated'));
    for (let i = 0; i < outputs.length; i++) {
      const report = await createAllocationApp(await ExcelJsWorkbook.load(recalculated[i])).verify();
      expect({
        file: outputs[i].file,
        errors: report.problems.filter((p) => p.severity === 'error'),
        findings: report.findings.slice(0, 5),
      }).toEqual({
        file: outputs[i].file,
        errors: [],
        findings: [],
      });
      expect(report.cellsChecked).toBeGreaterThan(100);
    }
  }, 600_000);
});

const BIG = process.env.TYM_BIG === '1';
const BIG_ROWS = Number(process.env.TYM_BIG_ROWS ?? 200_000);

// Registered only with TYM_BIG=1 (it takes minutes and GBs); the default run does not list it as skipped.
if (BIG)
  describe('a 200,000-row registration table (TYM_BIG=1)', () => {
    test(`${BIG_ROWS} registrations: runs to exit 0 or stops with a clear message, within memory`, async () => {
      const data = baseData();
      data.registrations = bigRegistrations(BIG_ROWS);
      const dir = fs.mkdtempSync(path.join(tmp, 'big-'));
      const file = path.join(dir, 'big.xlsx');
      const t0 = Date.now();
      await (await buildInputWorkbook(data)).xlsx.writeFile(file);
      const built = Date.now() - t0;
      const before = sha256(file);
      const io = capture();
      const t1 = Date.now();
      // An exception out of main is a crash (the binary would exit 3): record it, then fail.
      let crash: Error | undefined;
      const code = await main(['run', file], io).catch((e: Error) => {
        crash = e;
        return -1;
      });
      const ran = Date.now() - t1;
      const rssPeakMb = Math.round(process.resourceUsage().maxRSS / 1024);
      const out = defaultOutPath(file);
      console.log(
        `[big] rows=${BIG_ROWS} input=${(fs.statSync(file).size / 1e6).toFixed(1)} MB built in ${(built / 1000).toFixed(1)} s; ` +
          `run exit ${code} in ${(ran / 1000).toFixed(1)} s; output ${fs.existsSync(out) ? (fs.statSync(out).size / 1e6).toFixed(1) + ' MB' : 'none'}; ` +
          `peak RSS of the test process ${rssPeakMb} MB${crash ? `; CRASHED: ${crash.name}: ${crash.message}` : ''}\n${io.stderr.join('\n').slice(0, 2000)}`,
      );
      expect(crash?.stack).toBeUndefined();
      expect(sha256(file)).toBe(before);
      if (code === 0) {
        expect(fs.existsSync(out)).toBe(true);
      } else {
        // A clear message that names what is wrong, and no output.
        expect(code).toBe(1);
        expect(io.stderr.join('\n')).toMatch(/VIRHE: /);
        expect(fs.existsSync(out)).toBe(false);
      }
    }, 900_000);
  });
