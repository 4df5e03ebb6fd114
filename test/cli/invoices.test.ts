/**
 * `tym-allocate invoices FILE [--csv OUT] [--force]` (issue 12), in-process through main(argv, io).
 * The rows' amounts are checked against the invoicing of `run --json` (a separate path: the
 * installments and settlements per receiver), the file's bytes against the CSV format; the paths
 * follow the command line's rules (src/cli/files.ts), in Finnish, Swedish and English.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main, type Io } from '../../src/cli/tym-allocate';
import { buildSampleInputs } from '../../src/sample/sample';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tym-invoices-'));
afterAll(() => {
  if (!process.env.TYM_KEEP_ARTIFACTS) fs.rmSync(tmp, { recursive: true, force: true });
});

async function cli(...argv: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const io: Io = { out: (s) => stdout.push(s), err: (s) => stderr.push(s) };
  const code = await main(argv, io);
  return { code, out: stdout.join('\n'), err: stderr.join('\n') };
}

let input: string;
beforeAll(async () => {
  input = path.join(tmp, 'esimerkki.xlsx');
  await (await buildSampleInputs({ year: 2026 })).xlsx.writeFile(input);
});

const cents = (s: string) => Math.round(Number(s.replace(',', '.')) * 100);

describe('tym-allocate invoices', () => {
  test('writes the CSV: one row per non-zero advance and settlement, summing per receiver to the invoicing of run --json', async () => {
    const csv = path.join(tmp, 'laskut.csv');
    const r = await cli('invoices', input, '--csv', csv);
    expect(r.code).toBe(0);
    expect(r.err).not.toMatch(/VIRHE/); // the sample's duplicate registrations are warnings (HUOM)
    expect(r.out).toContain(`Laskutustiedot kirjoitettu: ${csv}`);
    expect(r.out).toMatch(/Laskuja \d+, hyvityslaskuja \d+, yhteensä [\d\u00a0]+,\d\d €/);

    const bytes = fs.readFileSync(csv);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines.pop()).toBe('');
    expect(lines[0]).toBe('Nro;Tyyppi;Vastaanottaja;Y-tunnus;Laskun päivä;Eräpäivä;Summa;Kuvaus');
    const rows = lines.slice(1).map((l) => l.split(';'));
    expect(rows.every((f) => f.length === 8)).toBe(true);
    expect(rows.map((f) => Number(f[0]))).toEqual(rows.map((_, i) => i + 1));

    const json = await cli('run', input, '--out', path.join(tmp, 'tulos.xlsx'), '--json');
    expect(json.code).toBe(0);
    const inv = JSON.parse(json.out).invoicing as {
      employer: string;
      receivers: { receiver: string; isEmployer: boolean; advances: string[]; actual?: { settlement: string } }[];
    };
    const expected = new Map<string, number>();
    for (const rec of inv.receivers) {
      if (rec.isEmployer) continue;
      const total = rec.advances.reduce((a, x) => a + cents(x), 0) + (rec.actual ? cents(rec.actual.settlement) : 0);
      expected.set(rec.receiver, total);
    }
    const got = new Map<string, number>();
    for (const f of rows) got.set(f[2], (got.get(f[2]) ?? 0) + cents(f[6]));
    for (const [receiver, total] of expected) expect([receiver, got.get(receiver) ?? 0]).toEqual([receiver, total]);
    expect(got.has(inv.employer)).toBe(false);
    // Quarterly sample: four advance rows per invoiced receiver with a non-zero net.
    const advances = inv.receivers
      .filter((x) => !x.isEmployer)
      .flatMap((x) => x.advances)
      .filter((a) => cents(a) !== 0).length;
    expect(rows.filter((f) => f[7].includes('ennakkoerä'))).toHaveLength(advances);
    // Types follow the sign; amounts have two decimals after a comma; dates d.m.yyyy in the year.
    for (const f of rows) {
      expect(f[1]).toBe(cents(f[6]) < 0 ? 'Hyvityslasku' : 'Lasku');
      expect(f[6]).toMatch(/^-?\d+,\d{2}$/);
      expect(f[4]).toMatch(/^\d{1,2}\.\d{1,2}\.20(26|27)$/);
    }
  });

  test('without --csv: the table and a hint, nothing written', async () => {
    const before = fs.readdirSync(tmp).sort();
    const r = await cli('invoices', input, '--lang', 'en');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^No\s+Type\s+Receiver\s+Business ID\s+Invoice date\s+Due date\s+Amount €/);
    expect(r.out).toContain('add --csv FILE.csv');
    expect(fs.readdirSync(tmp).sort()).toEqual(before);
  });

  test('input errors: exit 1, one message naming the file, no CSV', async () => {
    const csv = path.join(tmp, 'ei.csv');
    const bad = path.join(tmp, 'rikki.xlsx');
    fs.writeFileSync(bad, 'not a workbook');
    const r = await cli('invoices', bad, '--csv', csv);
    expect(r.code).toBe(1);
    expect(r.err).toContain(bad);
    expect(r.err).toMatch(/^VIRHE: /);
    expect(fs.existsSync(csv)).toBe(false);
    const missing = await cli('invoices', path.join(tmp, 'ei-ole.xlsx'), '--lang', 'sv');
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/^FEL: /);
  });

  test('the CSV may not replace the input (also through a link); a missing FILE is a usage error', async () => {
    const same = await cli('invoices', input, '--csv', input);
    expect(same.code).toBe(2);
    expect(same.err).toContain('--csv-valinnalle');
    const link = path.join(tmp, 'linkki.csv');
    fs.symlinkSync(input, link);
    const viaLink = await cli('invoices', input, '--csv', link, '--force', '--lang', 'en');
    expect(viaLink.code).toBe(2);
    expect(viaLink.err).toContain('is the input file');
    expect(fs.readFileSync(input).subarray(0, 2).toString()).toBe('PK');
    const u = await cli('invoices');
    expect(u.code).toBe(2);
    expect(u.err).toContain('invoices TIEDOSTO.xlsx [--csv LASKUT.csv]');
  });

  test("someone's file is replaced only with --force; an earlier invoice CSV of ours without it", async () => {
    const theirs = path.join(tmp, 'muistiinpanot.csv');
    fs.writeFileSync(theirs, 'omat;muistiinpanot\r\n');
    const refused = await cli('invoices', input, '--csv', theirs);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('lisää --force');
    expect(fs.readFileSync(theirs, 'utf8')).toBe('omat;muistiinpanot\r\n');
    const forced = await cli('invoices', input, '--csv', theirs, '--force');
    expect(forced.code).toBe(0);
    expect(fs.readFileSync(theirs, 'utf8').startsWith('\uFEFFNro;Tyyppi;')).toBe(true);
    // The file is now an invoice CSV of this program: a second run replaces it without --force.
    const again = await cli('invoices', input, '--csv', theirs);
    expect(again.code).toBe(0);
  });

  test('paths that cannot be written: a missing folder, a folder, a name not ending in .csv (fi, sv, en); nothing written', async () => {
    const before = fs.readdirSync(tmp).sort();
    const noFolder = await cli('invoices', input, '--csv', path.join(tmp, 'ei', 'laskut.csv'));
    expect(noFolder.code).toBe(2);
    expect(noFolder.err).toContain(`Kansiota ${path.join(tmp, 'ei')} ei ole olemassa`);
    const folder = await cli('invoices', input, '--csv', tmp, '--lang', 'sv');
    expect(folder.code).toBe(2);
    expect(folder.err).toContain('är en mapp. Ange ett filnamn med --csv');
    const ext = await cli('invoices', input, '--csv', path.join(tmp, 'laskut.xlsx'), '--lang', 'en');
    expect(ext.code).toBe(2);
    expect(ext.err).toContain('does not end in .csv');
    expect(fs.readdirSync(tmp).sort()).toEqual(before);
  });
});
