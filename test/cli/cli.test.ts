/**
 * The command line, in-process through main(argv, io) (fast), plus one spawn of the built binary
 * (package.json's bin, built with `npx tsc -p tsconfig.cli.json` when missing).
 * Expected figures are computed by hand in the comments (rule book: largest remainder, ties to the
 * receiver listed first), and the sums are recomputed from the input rows, never from the output.
 */
import { spawnSync } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ExcelJsWorkbook } from '../../src/adapters/exceljs/excelJsWorkbook';
import { buildInputWorkbook, type InputData } from '../../src/adapters/exceljs/template';
import { KESKI_UUSIMAA_MUNICIPALITIES } from '../../src/domain/contract';
import { defaultOutPath } from '../../src/cli/tym-allocate';
import { runCli } from '../support/cli';
import { setTableRows } from '../fixtures/bad/edit';
import { sharedCliBuild } from '../support/cliBuild';

const ROOT = path.join(__dirname, '..', '..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tym-cli-'));
afterAll(() => {
  if (!process.env.TYM_KEEP_ARTIFACTS) fs.rmSync(tmp, { recursive: true, force: true });
});

const cli = runCli;

const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const dirOf = (name: string) => fs.mkdtempSync(path.join(tmp, `${name}-`));
const d = (y: number, m: number, day: number) => new Date(Date.UTC(y, m - 1, day));

/**
 * A small year. Staff key (headcount): TVA 3, HVA 2 (Kela 1, not in the key).
 * Registrations: one event, distinct persons TVA 2, HVA 1, KELA 1.
 * Cost lines and their hand-computed splits:
 *   TA  a    1000.00            -> TVA 600.00, HVA 400.00
 *   TA  muu   333.33            -> exact 199.998 / 133.332; floors 199.99 + 133.33, one cent left to the
 *                                  larger remainder (TVA .008)      -> TVA 200.00, HVA 133.33
 *   TA  b     100.00 (event)    -> TVA 50.00, HVA 25.00, KELA 25.00
 *   TOT a    1200.50            -> TVA 720.30, HVA 480.20
 *   TOT b     -50.25 (no event) -> |x| exact 25.125 / 12.5625 / 12.5625; floors 25.12/12.56/12.56, one cent
 *                                  to TVA (.005)   -> TVA -25.13, HVA -12.56, KELA -12.56
 * Totals TA: TVA 850.00, HVA 558.33, KELA 25.00 (sum 1433.33); TOT: TVA 695.17, HVA 467.64, KELA -12.56 (sum 1150.25).
 */
const EVENT = 'Kehittämispäivä';
function smallYear(): InputData {
  return {
    year: 2026,
    staff: [
      ['TVA', 'Hyvinkää', 'Työllisyyspalvelut', 'Asiantuntija', 1, 1, null, null],
      ['TVA', 'Tuusula', 'Työllisyyspalvelut', 'Asiantuntija', 1, 1, null, null],
      ['TVA', 'Järvenpää', 'Yrityspalvelut', 'Koordinaattori', 1, 1, null, null],
      ['HVA', null, 'Aikuissosiaalityö', 'Sosiaaliohjaaja', 1, 1, null, null],
      ['Hyvinvointialue', null, 'Kuntoutus', 'Fysioterapeutti', 1, 1, null, null],
      ['KELA', null, 'Kela', 'Etuuskäsittelijä', 1, 1, null, null],
    ],
    registrations: [
      [EVENT, d(2026, 3, 12), 'Aino Aaltonen', 'TVA', 'ilmoittautunut'],
      [EVENT, d(2026, 3, 12), 'Eino Heikkilä', 'HVA', null],
      [EVENT, d(2026, 3, 12), 'Helmi Ketola', 'KELA', 'ilmoittautunut'],
      [EVENT, d(2026, 3, 12), 'Väinö Lahtinen', 'TVA', 'ilmoittautunut'],
    ],
    costs: [
      ['TA', 'a', 'Johtavan henkilön palkka', null, 1000, null, null],
      ['TA', 'muu', 'Toimitilat', null, 333.33, null, null],
      ['TA', 'b', 'Tarjoilu', EVENT, 100, null, null],
      ['TOT', 'a', 'Johtavan henkilön palkka', null, 1200.5, null, null],
      ['TOT', 'b', 'Viestintä, hyvitys', null, -50.25, null, null],
    ],
  };
}

async function writeInput(dir: string, data: InputData, name = 'syotteet.xlsx'): Promise<string> {
  const file = path.join(dir, name);
  await (await buildInputWorkbook(data)).xlsx.writeFile(file);
  return file;
}

/** Sum of the cost lines of one kind, in cents, straight from the input rows. */
function inputCents(data: InputData, kind: 'TA' | 'TOT'): number {
  return data
    .costs!.filter((c) => c[0] === kind && (c[6] === null || c[6] === data.year))
    .reduce((a, c) => a + Math.round((c[4] as number) * 100), 0);
}
const cents = (s: string) => {
  expect(s).toMatch(/^-?\d+\.\d{2}$/);
  return Math.round(Number(s) * 100);
};

describe('template', () => {
  test('writes an input workbook that validates clean once a few rows are filled in', async () => {
    const dir = dirOf('template');
    const file = path.join(dir, 'pohja.xlsx');
    const t = await cli('template', file, '--year', '2027');
    expect(t.code).toBe(0);
    expect(t.out).toContain(file);

    const wb = await ExcelJsWorkbook.load(file);
    const raw = await wb.readTables();
    expect(raw.tables.map((x) => x.name).sort()).toEqual([
      'Asetukset',
      'Henkilosto',
      'Ilmoittautumiset',
      'Kunnat',
      'Kustannukset',
      'Osallistujasuunnitelma',
    ]);
    const kunnat = raw.tables.find((x) => x.name === 'Kunnat')!;
    expect(kunnat.rows.map((r) => r[0].value)).toEqual(KESKI_UUSIMAA_MUNICIPALITIES.map((m) => m.name));
    const settings = raw.tables.find((x) => x.name === 'Asetukset')!;
    expect(settings.rows.find((r) => r[0].value === 'Vuosi')?.[1].value).toBe(2027);

    // The empty template is not yet allocatable (no cost lines): validate says so.
    expect((await cli('validate', file)).code).toBe(1);

    const y = smallYear();
    setTableRows(wb, 'Henkilosto', y.staff!.slice(0, 2).concat([y.staff![3]]) as never);
    setTableRows(wb, 'Ilmoittautumiset', y.registrations!.map((r) => [r[0], d(2027, 3, 12), r[2], r[3], r[4]]) as never);
    setTableRows(wb, 'Kustannukset', [
      ['TA', 'a', 'Palkka', null, 5000, null, null],
      ['TA', 'b', 'Tarjoilu', EVENT, 300, null, null],
    ]);
    const filled = path.join(dir, 'taytetty.xlsx');
    await wb.commitView();
    await wb.saveAs(filled);

    const v = await cli('validate', filled);
    expect({ code: v.code, err: v.err }).toEqual({ code: 0, err: '' });
    expect(v.out).toContain('Syötteet kunnossa');
  });

  test('refuses to overwrite an existing file', async () => {
    const dir = dirOf('template-exists');
    const file = path.join(dir, 'pohja.xlsx');
    fs.writeFileSync(file, 'my own work');
    const t = await cli('template', file);
    expect(t.code).not.toBe(0);
    expect(t.err).toMatch(/on jo olemassa|exists/);
    expect(fs.readFileSync(file, 'utf8')).toBe('my own work');
    expect(fs.readdirSync(dir)).toEqual(['pohja.xlsx']);
  });
});

describe('validate', () => {
  test('ok -> 0', async () => {
    const file = await writeInput(dirOf('validate-ok'), smallYear());
    const v = await cli('validate', file);
    expect(v.code).toBe(0);
    expect(v.out).toContain('Syötteet kunnossa');
  });

  test('problems -> 1, each with sheet, row or cell and column', async () => {
    const y = smallYear();
    y.costs![1][4] = 'paljon'; // Kustannukset data row 2 -> sheet row 3, Summa is column E
    y.staff![4][0] = 'Seurakunta'; // Henkilosto sheet row 6, Organisaatio column A
    const file = await writeInput(dirOf('validate-bad'), y);
    const v = await cli('validate', file);
    expect(v.code).toBe(1);
    expect(v.err).toContain('VIRHE: Taulukko Kustannukset (Kustannukset), solu E3, sarake "Summa": Solussa on tekstiä ("paljon")');
    expect(v.err).toContain('VIRHE: Taulukko Henkilosto (Henkilosto), solu A6, sarake "Organisaatio": Tuntematon arvo "Seurakunta"');
  });

  test('a missing file or a file that is not a workbook -> 1 with a message', async () => {
    const dir = dirOf('validate-missing');
    const missing = await cli('validate', path.join(dir, 'ei-ole.xlsx'));
    expect(missing.code).toBe(1);
    expect(missing.err).toContain(`Tiedostoa ${path.join(dir, 'ei-ole.xlsx')} ei löydy`);
    const text = path.join(dir, 'teksti.xlsx');
    fs.writeFileSync(text, 'not a zip');
    const notXlsx = await cli('validate', text);
    expect(notXlsx.code).toBe(1);
    expect(notXlsx.err).toContain(`Tiedosto ${text} ei ole Excel-työkirja (.xlsx)`);
  });
});

describe('run', () => {
  test('writes OUT beside FILE by default and never touches FILE', async () => {
    const dir = dirOf('run-default');
    const file = await writeInput(dir, smallYear());
    const before = sha256(file);
    const r = await cli('run', file);
    expect(r.code).toBe(0);
    const out = path.join(dir, 'syotteet.tulokset.xlsx');
    expect(defaultOutPath(file)).toBe(out);
    expect(fs.existsSync(out)).toBe(true);
    expect(r.out).toContain(out);
    expect(sha256(file)).toBe(before);
    expect(fs.readdirSync(dir).sort()).toEqual(['syotteet.tulokset.xlsx', 'syotteet.xlsx']);
    // The summary table shows the hand-computed TA totals (Finnish format).
    expect(r.out).toMatch(/TVA\s+850,00/);
    expect(r.out).toMatch(/HVA\s+558,33/);
  });

  test("a user's own sheet named like an output sheet: exit 1, a clear message, nothing written", async () => {
    const dir = dirOf('run-conflict');
    const wb = await buildInputWorkbook(smallYear());
    wb.addWorksheet('TYM_Jako').getCell('A1').value = 'omat muistiinpanot';
    const file = path.join(dir, 'syotteet.xlsx');
    await wb.xlsx.writeFile(file);
    const before = sha256(file);
    const r = await cli('run', file);
    expect(r.code).toBe(1);
    expect(r.err).toContain('Välilehti "TYM_Jako" on jo olemassa');
    expect(fs.readdirSync(dir)).toEqual(['syotteet.xlsx']);
    expect(sha256(file)).toBe(before);
  });

  test('refuses OUT == FILE (also spelled differently) with exit 2 and leaves FILE alone', async () => {
    const dir = dirOf('run-same');
    const file = await writeInput(dir, smallYear());
    const before = sha256(file);
    for (const out of [file, path.join(dir, '..', path.basename(dir), '.', 'syotteet.xlsx')]) {
      const r = await cli('run', file, '--out', out);
      expect(r.code).toBe(2);
      expect(r.err).toContain('on sama tiedosto kuin syöttötiedosto');
    }
    expect(sha256(file)).toBe(before);
    expect(fs.readdirSync(dir)).toEqual(['syotteet.xlsx']);
  });

  test('--json: the documented shape, two-decimal strings, hand-checked totals that sum to the cost lines', async () => {
    const dir = dirOf('run-json');
    const data = smallYear();
    const file = await writeInput(dir, data);
    const out = path.join(dir, 'tulos.xlsx');
    const r = await cli('run', file, '--out', out, '--json');
    expect(r.code).toBe(0);
    expect(fs.existsSync(out)).toBe(true);
    const doc = JSON.parse(r.out);
    expect(Object.keys(doc).sort()).toEqual(['invoicing', 'results', 'totals', 'year']);
    expect(doc.year).toBe(2026);
    expect(doc.results.length).toBeGreaterThan(0);
    for (const x of doc.results) {
      expect(Object.keys(x).sort()).toEqual(['amount', 'event', 'key', 'keySource', 'laji', 'pool', 'receiver']);
      // pools a and muu are keyed by staff; this year's budget line of pool b by the year's registrations (no plan)
      expect(x.keySource).toBe(x.pool === 'b' ? 'registrations' : 'staff');
      expect(['TA', 'TOT']).toContain(x.laji);
      expect(['a', 'muu', 'b']).toContain(x.pool);
      expect(typeof x.key).toBe('string');
      cents(x.amount);
    }
    const munis = KESKI_UUSIMAA_MUNICIPALITIES.map((m) => m.name);
    expect(Object.keys(doc.totals).sort()).toEqual(['TA', 'TOT']);
    for (const kind of ['TA', 'TOT'] as const) {
      const t = doc.totals[kind];
      expect(Object.keys(t).sort()).toEqual(['HVA', 'KELA', 'TVA', ...munis].sort());
      // Parties sum to the cost lines of the input (computed from the rows above), municipalities to TVA.
      expect(cents(t.TVA) + cents(t.HVA) + cents(t.KELA)).toBe(inputCents(data, kind));
      expect(munis.reduce((a, m) => a + cents(t[m]), 0)).toBe(cents(t.TVA));
    }
    expect(doc.totals.TA).toMatchObject({ TVA: '850.00', HVA: '558.33', KELA: '25.00' });
    expect(doc.totals.TOT).toMatchObject({ TVA: '695.17', HVA: '467.64', KELA: '-12.56' });
    const part = (laji: string, pool: string, receiver: string) =>
      doc.results.find(
        (x: { laji: string; pool: string; receiver: string }) => x.laji === laji && x.pool === pool && x.receiver === receiver,
      )?.amount;
    expect(part('TA', 'muu', 'TVA')).toBe('200.00');
    expect(part('TA', 'muu', 'HVA')).toBe('133.33');
    expect(part('TOT', 'b', 'TVA')).toBe('-25.13');
    expect(doc.results.filter((x: { event: string | null }) => x.event === EVENT).length).toBeGreaterThan(0);
    expect(doc.invoicing).toHaveProperty('receivers');
    // No personal name in the JSON.
    for (const reg of data.registrations!) expect(r.out).not.toContain(reg[2] as string);
  });
});

describe('verify', () => {
  let dir: string;
  let out: string;
  beforeAll(async () => {
    dir = dirOf('verify');
    const file = await writeInput(dir, smallYear());
    out = path.join(dir, 'tulos.xlsx');
    expect((await cli('run', file, '--out', out)).code).toBe(0);
  });

  test('0 on a fresh output', async () => {
    const v = await cli('verify', out);
    expect({ code: v.code, err: v.err }).toEqual({ code: 0, err: '' });
    expect(v.out).toMatch(/Kaikki \d+ tulossolua täsmäävät/);
  });

  test('a formula overwritten with a constant: exit 1, naming sheet!cell', async () => {
    const wb = await ExcelJsWorkbook.load(out);
    const cells = await wb.readOutputCells(await wb.ownSheetNames());
    const target = cells.find((c) => c.formula !== undefined && typeof c.value === 'number' && c.value !== 0)!;
    expect(target).toBeDefined();
    wb.workbook.getWorksheet(target.sheet)!.getCell(target.address).value = target.value as number; // same value, no formula
    const edited = path.join(dir, 'kaava-ylikirjoitettu.xlsx');
    await wb.commitView();
    await wb.saveAs(edited);
    const v = await cli('verify', edited);
    expect(v.code).toBe(1);
    // The summary first (one line for the sheet), then the cell.
    expect(v.err.split('\n')[0]).toBe(
      `• ${target.sheet}: käsin korvattuja tai muutettuja kaavoja 1: ${target.address}. Laske uudelleen tai palauta kaavat.`,
    );
    expect(v.err).toContain(`${target.sheet}!${target.address}: kaava: odotettu =`);
    // Every line in the language asked for.
    const en = await cli('verify', edited, '--lang', 'en');
    expect(en.err.split('\n')[0]).toBe(
      `• ${target.sheet}: formulas overwritten or edited by hand: 1 (${target.address}). Run again or restore the formulas.`,
    );
    expect(en.err).toContain(`${target.sheet}!${target.address}: formula: expected =`);
    expect(en.err).not.toMatch(/odotettu|löytyi|kaava/);
  });

  test('an input amount changed without rerunning: the mismatching values are reported', async () => {
    const wb = await ExcelJsWorkbook.load(out);
    // TA a 1000 -> 2000: TVA's share should now be 60 % = 1200, the stored one is 600.
    wb.workbook.getWorksheet('Kustannukset')!.getCell('E2').value = 2000;
    const edited = path.join(dir, 'syote-muutettu.xlsx');
    await wb.commitView();
    await wb.saveAs(edited);
    const v = await cli('verify', edited);
    expect(v.code).toBe(1);
    // The root cause first: the run log's fingerprint of Kustannukset no longer matches; the values follow from it.
    const lines = v.err.split('\n');
    expect(lines[0]).toMatch(
      /^• Syötteet ovat muuttuneet laskennan \(\d{4}-\d\d-\d\dT[\d:.]+Z\) jälkeen: Kustannukset\. Laske kustannustenjako uudelleen\.$/,
    );
    expect(lines[1]).toMatch(/^• Syötteitä vastaamattomia tulosarvoja \d+ /);
    expect(v.err).toMatch(/^TYM_\w+!\$?[A-Z]+\$?\d+: arvo: odotettu [\d.]+, löytyi [\d.]+$/m);
  });
});

test('demo writes the sample inputs and their allocation into --out-dir', async () => {
  const dir = path.join(dirOf('demo'), 'out');
  const r = await cli('demo', '--out-dir', dir);
  expect(r.code).toBe(0);
  expect(fs.readdirSync(dir).sort()).toEqual(['tym-esimerkki-2026.tulokset.xlsx', 'tym-esimerkki-2026.xlsx']);
  expect((await cli('verify', path.join(dir, 'tym-esimerkki-2026.tulokset.xlsx'))).code).toBe(0);
});

describe('usage errors -> 2', () => {
  test.each([
    [[]],
    [['--help']],
    [['frobnicate', 'x.xlsx']],
    [['validate']],
    [['run']],
    [['verify']],
    [['template']],
    [['validate', 'a.xlsx', 'b.xlsx']],
    [['run', 'a.xlsx', '--out']],
    [['run', 'a.xlsx', '--bogus']],
    [['template', 'a.xlsx', '--year', 'ensi vuonna']],
    [['template', 'a.xlsx', '--year', '1999']],
    [['validate', 'a.xlsx', '--lang', 'de']],
  ] as string[][][])('%j', async (argv) => {
    const r = await cli(...argv);
    expect(r.code).toBe(2);
    expect(r.err).toContain('Käyttö / Usage');
    expect(r.out).toBe('');
  });
});

describe('the built binary', () => {
  // Where package.json's bin points (the build writes it there).
  const bin = path.join(ROOT, JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).bin['tym-allocate']);
  beforeAll(async () => {
    // When missing, what `npx tsc -p tsconfig.cli.json` writes there: the build the suites share.
    if (!fs.existsSync(bin)) fs.cpSync(path.join(await sharedCliBuild(), 'node'), path.join(ROOT, 'dist', 'node'), { recursive: true });
  }, 180_000);

  test('node <bin of package.json> validate FILE works (exit 0), and usage gives 2', async () => {
    expect(fs.existsSync(bin)).toBe(true);
    const file = await writeInput(dirOf('bin'), smallYear());
    const ok = spawnSync(process.execPath, [bin, 'validate', file], { encoding: 'utf8' });
    expect({ status: ok.status, stderr: ok.stderr }).toEqual({ status: 0, stderr: '' });
    expect(ok.stdout).toContain('Syötteet kunnossa');
    const usage = spawnSync(process.execPath, [bin], { encoding: 'utf8' });
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('Käyttö / Usage');
  });
});
