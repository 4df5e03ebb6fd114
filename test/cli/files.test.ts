/**
 * The command line and the file system (issue 11): every problem with a path is a message that
 * names it, with exit 2 for paths to write and exit 1 for the input, never a stack trace; `--out`
 * replaces only an earlier output of this program unless --force; validate refuses what run would.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildInputWorkbook } from '../../src/adapters/exceljs/template';
import { runCli } from '../support/cli';
import { baseData } from '../fixtures/bad/corpus';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tym-files-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const cli = runCli;

const sha = (f: string) => createHash('sha256').update(fs.readFileSync(f)).digest('hex');
let n = 0;
const dirOf = (name: string) => fs.mkdtempSync(path.join(tmp, `${name}-${n++}-`));

async function input(dir: string, name = 'syotteet.xlsx'): Promise<string> {
  const file = path.join(dir, name);
  await (await buildInputWorkbook(baseData())).xlsx.writeFile(file);
  return file;
}

describe('run --out', () => {
  test('a folder that does not exist: exit 2 naming it, nothing written', async () => {
    const dir = dirOf('nofolder');
    const file = await input(dir);
    const out = path.join(dir, 'ei', 'ole', 'tulos.xlsx');
    const r = await cli('run', file, '--out', out);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`Kansiota ${path.join(dir, 'ei', 'ole')} ei ole olemassa`);
    expect(fs.readdirSync(dir)).toEqual(['syotteet.xlsx']);
  });

  test('a folder that is a file: exit 2', async () => {
    const dir = dirOf('filefolder');
    const file = await input(dir);
    const r = await cli('run', file, '--out', path.join(file, 'tulos.xlsx'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('ei ole olemassa');
  });

  test('a folder that cannot be written to (sysfs refuses even root): a message naming it, no stack', async () => {
    const dir = dirOf('unwritable');
    const file = await input(dir);
    const r = await cli('run', file, '--out', '/sys/tym-tulos.xlsx');
    expect([1, 2]).toContain(r.code);
    expect(r.err).toMatch(/\/sys/);
    expect(r.err).not.toMatch(/\bat \w+ \(/); // no stack trace
    expect(fs.existsSync('/sys/tym-tulos.xlsx')).toBe(false);
  });

  test('OUT is a folder: exit 2, a file name suggested', async () => {
    const dir = dirOf('outdir');
    const file = await input(dir);
    const out = path.join(dir, 'tulokset');
    fs.mkdirSync(out);
    const r = await cli('run', file, '--out', out);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${out} on kansio`);
    expect(r.err).toContain(path.join(out, 'syotteet.tulokset.xlsx'));
    expect(fs.readdirSync(out)).toEqual([]);
  });

  test('OUT a symbolic link to FILE, or a hard link: exit 2, FILE untouched', async () => {
    const dir = dirOf('links');
    const file = await input(dir);
    const before = sha(file);
    const soft = path.join(dir, 'linkki.xlsx');
    const hard = path.join(dir, 'kova.xlsx');
    fs.symlinkSync(file, soft);
    fs.linkSync(file, hard);
    for (const out of [soft, hard]) {
      const r = await cli('run', file, '--out', out);
      expect({ out, code: r.code }).toEqual({ out, code: 2 });
      expect(r.err).toContain('on sama tiedosto kuin syöttötiedosto');
    }
    expect(sha(file)).toBe(before);
    expect(fs.lstatSync(soft).isSymbolicLink()).toBe(true);
  });

  test('OUT a device: exit 2', async () => {
    const file = await input(dirOf('device'));
    const r = await cli('run', file, '--out', '/dev/null');
    expect(r.code).toBe(2);
    expect(r.err).toContain('/dev/null ei ole tavallinen tiedosto');
  });

  test("someone's existing file is refused without --force and replaced with it; an earlier output is replaced", async () => {
    const dir = dirOf('exists');
    const file = await input(dir);
    const notes = path.join(dir, 'muistio.xlsx');
    fs.writeFileSync(notes, 'tärkeitä muistiinpanoja');
    const refused = await cli('run', file, '--out', notes);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('eikä se ole tämän ohjelman aiemmin kirjoittama tulos');
    expect(refused.err).toContain('--force');
    expect(fs.readFileSync(notes, 'utf8')).toBe('tärkeitä muistiinpanoja');

    const txt = path.join(dir, 'notes.txt');
    fs.writeFileSync(txt, 'x');
    expect((await cli('run', file, '--out', txt)).code).toBe(2);
    expect(fs.readFileSync(txt, 'utf8')).toBe('x');

    const forced = await cli('run', file, '--out', notes, '--force');
    expect(forced.code).toBe(0);
    expect(fs.readFileSync(notes).subarray(0, 2).toString()).toBe('PK');
    // Now it is an earlier output: a rerun replaces it without --force.
    expect((await cli('run', file, '--out', notes)).code).toBe(0);
    expect(fs.readdirSync(dir).sort()).toEqual(['muistio.xlsx', 'notes.txt', 'syotteet.xlsx']);
  });

  test('an extension that does not suit the workbook: exit 2', async () => {
    const dir = dirOf('ext');
    const file = await input(dir);
    const r = await cli('run', file, '--out', path.join(dir, 'tulos.xlsm'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('tallennetaan päätteellä .xlsx');
  });

  test('messages follow --lang', async () => {
    const dir = dirOf('lang');
    const file = await input(dir);
    const sv = await cli('run', file, '--out', path.join(dir, 'x', 'y.xlsx'), '--lang', 'sv');
    expect(sv.err).toMatch(/^FEL: Mappen .* finns inte/);
    const en = await cli('run', file, '--out', path.join(dir, 'x', 'y.xlsx'), '--lang', 'en');
    expect(en.err).toMatch(/^ERROR: Folder .* does not exist/);
  });
});

describe('the input file', () => {
  test('a folder as FILE: exit 1 naming it', async () => {
    const dir = dirOf('infolder');
    const r = await cli('validate', dir);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${dir} on kansio, ei tiedosto`);
  });

  test('an empty file and a text file: one message each, saying what the file is', async () => {
    const dir = dirOf('kinds');
    const empty = path.join(dir, 'tyhja.xlsx');
    fs.writeFileSync(empty, '');
    const csv = path.join(dir, 'data.xlsx');
    fs.writeFileSync(csv, 'Laji;Pooli;Summa\nTA;a;100\n');
    const e = await cli('run', empty);
    expect(e.code).toBe(1);
    expect(e.err.split('\n')).toEqual([
      `VIRHE: Tiedosto ${empty} on tyhjä (0 tavua). Tallenna työkirja Excelissä uudelleen ja anna tallennettu tiedosto.`,
    ]);
    const c = await cli('validate', csv);
    expect(c.code).toBe(1);
    expect(c.err.split('\n')).toHaveLength(1);
    expect(c.err).toContain('ehkä teksti- tai CSV-tiedosto');
  });
});

describe('template and demo', () => {
  test('template into a folder that does not exist: exit 2 naming it', async () => {
    const dir = dirOf('tplmissing');
    const r = await cli('template', path.join(dir, 'ei', 'pohja.xlsx'));
    expect(r.code).toBe(2);
    expect(r.err).toContain(`Kansiota ${path.join(dir, 'ei')} ei ole olemassa`);
  });

  test('demo --out-dir /proc/x ends at once with a message (Node’s recursive mkdir would loop forever)', async () => {
    const started = Date.now();
    const r = await cli('demo', '--out-dir', '/proc/tym-x/y');
    expect(r.code).toBe(2);
    expect(r.err).toContain('Kansiota /proc/tym-x/y ei voi luoda');
    expect(Date.now() - started).toBeLessThan(10_000);
  }, 20_000);

  test('demo --out-dir into a path whose parent is a file: exit 2', async () => {
    const dir = dirOf('demofile');
    const f = path.join(dir, 'tiedosto');
    fs.writeFileSync(f, 'x');
    const r = await cli('demo', '--out-dir', path.join(f, 'out'));
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${f} ei ole kansio`);
  });
});

describe('validate reports what run would refuse', () => {
  test('a user table named Tulokset (the results table): validate exit 1, run exit 1, nothing written', async () => {
    const dir = dirOf('tulokset');
    const wb = await buildInputWorkbook(baseData());
    wb.addWorksheet('Omat').addTable({ name: 'Tulokset', ref: 'A1', columns: [{ name: 'Muistio' }], rows: [['x']] });
    const file = path.join(dir, 'syotteet.xlsx');
    await wb.xlsx.writeFile(file);
    const v = await cli('validate', file);
    expect(v.code).toBe(1);
    expect(v.err).toContain('VIRHE: Taulukko Omat (Tulokset): Taulukon nimi Tulokset on jo käytössä (välilehdellä Omat)');
    const r = await cli('run', file);
    expect(r.code).toBe(1);
    expect(r.err).toContain('Taulukon nimi Tulokset on jo käytössä');
    expect(fs.readdirSync(dir)).toEqual(['syotteet.xlsx']);
  });

  test('a user sheet named like an output sheet: validate exit 1 too', async () => {
    const dir = dirOf('sheet');
    const wb = await buildInputWorkbook(baseData());
    wb.addWorksheet('TYM_Tarkistukset').getCell('A1').value = 'omat tarkistukset';
    const file = path.join(dir, 'syotteet.xlsx');
    await wb.xlsx.writeFile(file);
    const v = await cli('validate', file);
    expect(v.code).toBe(1);
    expect(v.err).toContain('VIRHE: Taulukko TYM_Tarkistukset: Välilehti "TYM_Tarkistukset" on jo olemassa');
  });
});
