/**
 * The built command line on pipes (issue 11): `run --json` for a 1,000-event workbook piped into a
 * reader arrives whole and parses, and `validate` with thousands of problems on a piped stderr is
 * not cut at the pipe buffer (64 KiB), with the right exit code. A reader that stops early (`head`)
 * ends the output without a crash. Slow: it builds the command line (tsc; test/support/cliBuild.ts).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildInputWorkbook, type InputCell } from '../../src/adapters/exceljs/template';
import { KESKI_UUSIMAA_MUNICIPALITIES } from '../../src/domain/contract';
import { baseData } from '../fixtures/bad/corpus';
import { builtCliBin } from '../support/cliBuild';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tym-pipes-'));
let bin = '';
const EVENTS = 1000;

beforeAll(async () => {
  // The command line built with tsc, shared with the other suites that run the binary (its packages
  // resolve from the project's node_modules).
  bin = await builtCliBin();
}, 180_000);

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const d = (m: number, day: number) => new Date(Date.UTC(2026, m - 1, day));

/** 1,000 events, each with one registrant per party and a 300.00 pool-b line: 100.00 to each party. */
async function thousandEvents(file: string): Promise<void> {
  const data = baseData();
  const registrations: InputCell[][] = [];
  const costs: InputCell[][] = [];
  for (let i = 1; i <= EVENTS; i++) {
    const event = `Tilaisuus ${i}`;
    for (const org of ['TVA', 'HVA', 'KELA']) registrations.push([event, d(1 + (i % 12), 1 + (i % 28)), `Henkilö ${org} ${i}`, org, null]);
    costs.push(['TA', 'b', `Tarjoilu ${i}`, event, 300, null, null]);
  }
  data.registrations = registrations;
  data.costs = costs;
  await (await buildInputWorkbook(data)).xlsx.writeFile(file);
}

const cents = (s: string) => Math.round(Number(s) * 100);

test('run --json of 1,000 events piped into a reader: the whole document parses', async () => {
  const file = path.join(tmp, 'tuhat.xlsx');
  await thousandEvents(file);
  const reader = path.join(tmp, 'reader.js');
  // The reader reads stdin to its end, parses it and reports what it got.
  fs.writeFileSync(
    reader,
    "let s='';process.stdin.setEncoding('utf8');process.stdin.on('data',c=>s+=c);process.stdin.on('end',()=>{const d=JSON.parse(s);process.stdout.write(JSON.stringify({bytes:Buffer.byteLength(s),results:d.results.length,TA:d.totals.TA}))});",
  );
  const shell = spawnSync(
    'bash',
    [
      '-c',
      `node "${bin}" run "${file}" --out "${path.join(tmp, 'tuhat.tulokset.xlsx')}" --json | node "${reader}"; echo "exit \${PIPESTATUS[0]}" >&2`,
    ],
    {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  expect(shell.stderr).toContain('exit 0');
  const got = JSON.parse(shell.stdout);
  // Far more than one pipe buffer (64 KiB).
  expect(got.bytes).toBeGreaterThan(1_000_000);
  // Each event's group: 3 parties + 6 municipalities.
  expect(got.results).toBe(EVENTS * (3 + KESKI_UUSIMAA_MUNICIPALITIES.length));
  expect(got.TA.TVA).toBe('100000.00');
  expect(got.TA.HVA).toBe('100000.00');
  expect(got.TA.KELA).toBe('100000.00');
  expect(KESKI_UUSIMAA_MUNICIPALITIES.reduce((a, m) => a + cents(got.TA[m.name]), 0)).toBe(cents('100000.00'));
}, 300_000);

test('validate with thousands of problems on piped stderr: every line arrives, exit 1', async () => {
  const file = path.join(tmp, 'virheet.xlsx');
  const data = baseData();
  data.registrations = Array.from({ length: 3000 }, (_, i) => ['Kevätpäivä', d(3, 12), `Henkilö ${i}`, 'Seurakunta', null] as InputCell[]);
  await (await buildInputWorkbook(data)).xlsx.writeFile(file);
  const r = spawnSync(process.execPath, [bin, 'validate', file], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  expect(r.status).toBe(1);
  const lines = r.stderr.split('\n').filter((l) => l.includes('Tuntematon arvo "Seurakunta"'));
  expect(lines).toHaveLength(3000);
  expect(Buffer.byteLength(r.stderr)).toBeGreaterThan(64 * 1024 * 4);
  // The last row's problem is there: registration 3000 is sheet row 3001, Organisaatio column D.
  expect(r.stderr).toContain('solu D3001');
}, 120_000);

test('a reader that stops early ends the output quietly (no EPIPE crash)', () => {
  const file = path.join(tmp, 'tuhat.xlsx');
  const r = spawnSync(
    'bash',
    [
      '-c',
      `node "${bin}" run "${file}" --out "${path.join(tmp, 'head.xlsx')}" --json | head -c 100 >/dev/null; echo "exit \${PIPESTATUS[0]}"`,
    ],
    { encoding: 'utf8' },
  );
  expect(r.stdout.trim()).toBe('exit 0');
  expect(r.stderr).not.toMatch(/EPIPE|Error/);
}, 120_000);

test('invoices: thousands of problems into a reader that stops early end quietly with exit 1; the table arrives whole on a pipe', () => {
  // virheet.xlsx (3,000 problems, over 256 KiB on stderr) from the validate test above.
  const bad = path.join(tmp, 'virheet.xlsx');
  const r = spawnSync('bash', ['-c', `node "${bin}" invoices "${bad}" 2>&1 | head -c 100 >/dev/null; echo "exit \${PIPESTATUS[0]}"`], {
    encoding: 'utf8',
  });
  expect(r.stdout.trim()).toBe('exit 1');
  expect(r.stderr).not.toMatch(/EPIPE|Error/);
  const ok = spawnSync(
    'bash',
    ['-c', `node "${bin}" invoices "${path.join(tmp, 'tuhat.xlsx')}" --lang en | cat; echo "exit \${PIPESTATUS[0]}" >&2`],
    { encoding: 'utf8' },
  );
  expect(ok.stderr).toContain('exit 0');
  // The last lines: the summary and the hint.
  expect(ok.stdout).toMatch(
    /Invoices \d+, credit notes \d+, total [\d ,.]+ €\n\nA CSV file for the invoicing system: add --csv FILE.csv\n$/,
  );
}, 120_000);
