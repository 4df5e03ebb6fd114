/**
 * The browser preview end to end, in Debian chromium with playwright-core: open, load a broken
 * workbook, validate and see the cell reference, jump to the cell, load the fixed workbook,
 * calculate, compare the totals with the engine run directly here, audit, download and check the
 * file. Every step leaves a screenshot in test-artifacts/ui/.
 *
 * The preview is built with the project's webpack.config.js (entry `preview`) into a temporary
 * folder and served by a static server on a free localhost port. Set TYM_UI_DIST to a folder with
 * an already built preview.html to skip the build. Every request that is not to localhost is
 * aborted (and counted: the test fails if the page tried any).
 */
import * as fs from 'fs';
import * as http from 'http';
import * as os from 'os';
import * as path from 'path';
import type { AddressInfo } from 'net';
import ExcelJS from 'exceljs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ExcelJsWorkbook } from '../../src/adapters/exceljs/excelJsWorkbook';
import { buildInputWorkbook, type InputCell } from '../../src/adapters/exceljs/template';
import { createAllocationApp } from '../../src/app/run';
import { computeOutputs } from '../../src/app/pipeline';
import { allocate } from '../../src/domain/allocate';
import { COST_KINDS, PARTIES } from '../../src/domain/types';
import { euros } from '../../src/domain/decimal';
import { parseWorkbook } from '../../src/domain/parse';
import { OUTPUT_SHEET_NAMES } from '../../src/workbook/layout';
import { CONTENT_TYPES, serveStatic } from '../support/staticServer';

const ROOT = path.resolve(__dirname, '..', '..');
const ARTIFACTS = path.join(ROOT, 'test-artifacts', 'ui');
const NBSP = '\u00a0';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

// ---------------------------------------------------------------------------------------------
// Fixtures: the same inputs twice, once with text in a Summa cell.

const YEAR = 2026;

const STAFF: InputCell[][] = [
  // [Organisaatio, Kunta, Yksikkö, Nimike, Henkilömäärä, HTV, Alkaa, Päättyy]
  ['TVA', 'Järvenpää', 'Asiakaspalvelu', 'Asiantuntija', 7, null, null, null],
  ['HVA', null, 'Sosiaalityö', 'Sosiaaliohjaaja', 5, null, null, null],
  ['KELA', null, 'Kuntoutus', 'Asiantuntija', 2, null, null, null],
];

const REGISTRATIONS: InputCell[][] = [
  // [Tilaisuus, Päivämäärä, Nimi, Organisaatio, Tila]
  ['Kehittämispäivä', null, 'Henkilö A', 'TVA', 'ilmoittautunut'],
  ['Kehittämispäivä', null, 'Henkilö B', 'TVA', 'ilmoittautunut'],
  ['Kehittämispäivä', null, 'Henkilö C', 'HVA', 'ilmoittautunut'],
  ['Kehittämispäivä', null, 'Henkilö D', 'KELA', 'ilmoittautunut'],
  ['Kehittämispäivä', null, 'Henkilö E', 'HVA', 'peruttu'],
];

function costs(firstAmount: InputCell): InputCell[][] {
  // [Laji, Pooli, Erä, Tilaisuus, Summa, Maksaja, Vuosi]
  return [
    ['TA', 'a', 'Johtavan henkilön palkka', null, firstAmount, null, null],
    ['TOT', 'a', 'Johtavan henkilön palkka', null, 98765.43, null, null],
    ['TOT', 'b', 'Tilavuokra', 'Kehittämispäivä', 1000, null, null],
  ];
}

async function inputFile(amount: InputCell): Promise<Buffer> {
  const wb = await buildInputWorkbook({ year: YEAR, staff: STAFF, registrations: REGISTRATIONS, costs: costs(amount) });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The output sheets the engine writes for a file. */
async function engineSheets(buf: Buffer): Promise<string[]> {
  const result = computeOutputs(await (await ExcelJsWorkbook.fromBuffer(buf)).readTables());
  if (!result.ok) throw new Error('fixture does not compute');
  return result.sheets.map((s) => s.name);
}

/** The engine's totals for a file, straight from the domain (parse + allocate), as "1234.50" strings. */
async function engineTotals(buf: Buffer): Promise<Record<string, Record<string, string>>> {
  const raw = await (await ExcelJsWorkbook.fromBuffer(buf)).readTables();
  const parsed = parseWorkbook(raw);
  if (!parsed.model) throw new Error(`fixture does not parse: ${JSON.stringify(parsed.problems)}`);
  const alloc = allocate(parsed.model);
  const out: Record<string, Record<string, string>> = {};
  for (const kind of COST_KINDS) {
    if (!alloc.groups.some((g) => g.kind === kind)) continue;
    out[kind] = { total: euros(alloc.costTotals[kind]) };
    for (const [receiver, amount] of alloc.totals[kind]) out[kind][receiver] = euros(amount);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Build and serve

async function buildPreview(outDir: string): Promise<void> {
  const configPath = path.join(ROOT, 'webpack.config.js');
  if (!fs.existsSync(configPath)) throw new Error('webpack.config.js is missing: the preview cannot be built');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const webpack = require('webpack');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  let config = require(configPath);
  if (typeof config === 'function') config = await config({ development: true }, { mode: 'development' });
  const configs: Record<string, unknown>[] = Array.isArray(config) ? config : [config];
  const withPreview = configs.filter((c) => {
    const e = c.entry as unknown;
    return e && typeof e === 'object' && 'preview' in (e as object);
  });
  if (!withPreview.length) throw new Error('webpack.config.js has no `preview` entry');
  const prepared = withPreview.map((c) => ({
    ...c,
    mode: 'development',
    devtool: false,
    // Only the preview: faster, and the test serves what it built, not someone else's dist/.
    entry: { preview: (c.entry as Record<string, unknown>).preview },
    output: { ...(c.output as object), path: outDir, clean: true },
    cache: false,
  }));
  await new Promise<void>((resolve, reject) => {
    webpack(prepared.length === 1 ? prepared[0] : prepared, (err: Error | null, stats: { hasErrors(): boolean; toString(o: unknown): string }) => {
      if (err) return reject(err);
      if (stats.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true, errorDetails: false })));
      resolve();
    });
  });
  if (!fs.existsSync(path.join(outDir, 'preview.html'))) throw new Error(`the build wrote no preview.html into ${outDir}`);
}

const TYPES = CONTENT_TYPES;
const serve = serveStatic;

// ---------------------------------------------------------------------------------------------

let browser: Browser;
let server: http.Server;
let baseUrl: string;
let buildDir: string;
let broken: Buffer;
let fixed: Buffer;
const blocked: string[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  broken = await inputFile('kymmenentuhatta');
  fixed = await inputFile(100000);
  fs.writeFileSync(path.join(ARTIFACTS, 'input-broken.xlsx'), broken);
  fs.writeFileSync(path.join(ARTIFACTS, 'input-fixed.xlsx'), fixed);
  if (process.env.TYM_UI_DIST) {
    buildDir = path.resolve(process.env.TYM_UI_DIST);
  } else {
    buildDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tym-ui-'));
    await buildPreview(buildDir);
  }
  // No sample.xlsx is served: the preview must say so and still work on files the user opens.
  server = await serve(buildDir, {});
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => (server ? server.close(r) : r(undefined)));
  if (!process.env.TYM_UI_DIST && buildDir) fs.rmSync(buildDir, { recursive: true, force: true });
});

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1400, height: 900 }, locale: 'fi-FI' });
  await context.route('**/*', (route) => {
    const u = new URL(route.request().url());
    if ((u.hostname === '127.0.0.1' || u.hostname === 'localhost') && (u.protocol === 'http:' || u.protocol === 'ws:')) return route.continue();
    if (u.protocol === 'blob:' || u.protocol === 'data:') return route.continue();
    blocked.push(u.href);
    return route.abort();
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  return page;
}

async function shot(page: Page, name: string, focus?: string): Promise<void> {
  // The pane scrolls on its own: bring the part the step is about into view first.
  if (focus) await page.getByTestId(focus).first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: false });
}

async function loadFile(page: Page, name: string, data: Buffer): Promise<void> {
  await page.getByTestId('file-input').setInputFiles({ name, mimeType: TYPES['.xlsx'], buffer: data });
  await page.getByTestId('preview-status').filter({ hasText: `Avattu: ${name}` }).waitFor();
  // The new pane validates on mount: wait until the table status is shown.
  await page.getByTestId('table-status').waitFor();
}

test('the whole flow in the browser preview', async () => {
  const page = await newPage();

  // 1. Open: no sample is served, so the preview says so and offers the template.
  await page.goto(`${baseUrl}/preview.html`);
  await page.getByRole('heading', { level: 1, name: 'TYM-kustannustenjako' }).waitFor();
  await page.getByTestId('preview-status').filter({ hasText: 'Esimerkkitiedostoa ei löytynyt' }).waitFor();
  await page.getByRole('button', { name: 'Luo syöttöpohja' }).waitFor();
  expect(await page.locator('[data-table][data-found="no"]').count()).toBe(5);
  await shot(page, '01-open');

  // 2. The broken workbook: all tables are there; validating names the cell with text in Summa.
  await loadFile(page, 'rikki.xlsx', broken);
  expect(await page.locator('[data-table][data-found="yes"]').count()).toBe(5);
  await page.getByRole('button', { name: 'Tarkista syötteet' }).click();
  await page.getByTestId('live').filter({ hasText: 'Tarkistus valmis' }).waitFor();
  const problem = page.locator('[data-testid="problems"] li[data-severity="error"][data-code="number-is-text"]');
  await expect(problem.count()).resolves.toBe(1);
  // Summa is the 5th column (E) of Kustannukset, the first data row is sheet row 2.
  const link = problem.getByRole('button', { name: 'Siirry soluun Kustannukset!E2' });
  await link.waitFor();
  expect(await problem.textContent()).toContain('kymmenentuhatta');
  await shot(page, '02-validated-broken', 'problems');

  // 3. The cell reference selects the cell in the grid.
  await link.click();
  const cell = page.locator('[data-testid="grid"][data-sheet="Kustannukset"] td[data-address="E2"]');
  await expect(cell.getAttribute('data-selected')).resolves.toBe('true');
  expect(await cell.textContent()).toBe('kymmenentuhatta');
  expect(await page.getByRole('tab', { name: 'Kustannukset' }).getAttribute('aria-selected')).toBe('true');
  await shot(page, '03-cell-selected', 'problems');

  // A run on the broken workbook writes nothing and says why.
  await page.getByRole('button', { name: 'Laske kustannustenjako' }).click();
  await page.getByTestId('run-failed').waitFor();
  expect(await page.getByRole('tab').allTextContents()).not.toContain(OUTPUT_SHEET_NAMES[0]);

  // 4. The fixed workbook: no errors.
  await loadFile(page, 'korjattu.xlsx', fixed);
  await page.getByRole('button', { name: 'Tarkista syötteet' }).click();
  await page.getByTestId('live').filter({ hasText: 'Tarkistus valmis: virheitä 0,' }).waitFor();
  await shot(page, '04-validated-fixed');

  // 5. Calculate: progress, then the summary; totals equal the engine's.
  await page.getByRole('button', { name: 'Laske kustannustenjako' }).click();
  await page.getByTestId('summary').waitFor();
  await page.getByTestId('live').filter({ hasText: `Laskenta valmis vuodelle ${YEAR}` }).waitFor();
  const expected = await engineTotals(fixed);
  expect(Object.keys(expected).sort()).toEqual(['TA', 'TOT']);
  for (const [kind, byReceiver] of Object.entries(expected)) {
    const block = page.locator(`.tym-kind[data-kind="${kind}"]`);
    expect(await block.getByTestId(`total-${kind}`).getAttribute('data-amount')).toBe(byReceiver.total);
    for (const [receiver, amount] of Object.entries(byReceiver)) {
      if (receiver === 'total') continue;
      const level = (PARTIES as readonly string[]).includes(receiver) ? 'party' : 'municipality';
      const amountCell = block.locator(`tr[data-receiver="${receiver}"][data-level="${level}"] td.tym-amount`);
      expect(await amountCell.getAttribute('data-amount')).toBe(amount);
    }
  }
  // Independent anchor (the rule book's worked example): 100 000,00 € by staff 7 : 5.
  const ta = page.locator('.tym-kind[data-kind="TA"]');
  expect(await ta.locator('tr[data-receiver="TVA"] td.tym-amount').textContent()).toBe(`58${NBSP}333,33${NBSP}€`);
  expect(await ta.locator('tr[data-receiver="HVA"] td.tym-amount').textContent()).toBe(`41${NBSP}666,67${NBSP}€`);
  expect(await ta.locator('tr[data-receiver="KELA"] td.tym-amount').textContent()).toBe(`0,00${NBSP}€`);
  expect(await page.getByTestId('master-check').getAttribute('data-ok')).toBe('yes');
  // The chart has a text alternative with the amounts.
  const chartAlt = await page.locator('[data-testid="chart-parties-TA"] svg[role="img"]').getAttribute('aria-label');
  expect(chartAlt).toContain(`58${NBSP}333,33${NBSP}€`);
  // The output sheets appear beside the pane.
  const outputSheets = await engineSheets(fixed);
  expect(outputSheets.length).toBeGreaterThan(0);
  const tabs = await page.getByRole('tab').allTextContents();
  for (const name of outputSheets) expect(tabs).toContain(name);
  // The grid shows the first output sheet after the run.
  expect(await page.getByRole('tab', { name: outputSheets[0] }).getAttribute('aria-selected')).toBe('true');
  await shot(page, '05-calculated', 'summary');

  // 6. Audit: every output cell matches.
  await page.getByRole('button', { name: 'Tarkista laskelma' }).click();
  await page.locator('[data-testid="verify"][data-ok="yes"]').waitFor();
  expect(await page.getByTestId('verify').textContent()).toMatch(/Kaikki tulossolut täsmäävät \(tarkistettuja soluja \d+\)/);
  await shot(page, '06-verified', 'verify');

  // 7. Download: the file has the inputs and the output sheets, and audits clean on its own.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Lataa tulos' }).click()]);
  expect(download.suggestedFilename()).toBe('tulos-korjattu.xlsx');
  const saved = path.join(ARTIFACTS, 'tulos-korjattu.xlsx');
  await download.saveAs(saved);
  const data = fs.readFileSync(saved);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  const names = wb.worksheets.map((w) => w.name);
  for (const n of ['Asetukset', 'Kunnat', 'Henkilosto', 'Ilmoittautumiset', 'Kustannukset', ...outputSheets]) expect(names).toContain(n);
  expect(wb.getWorksheet('Kustannukset')!.getCell('E2').value).toBe(100000);
  const reopened = await ExcelJsWorkbook.fromBuffer(data);
  expect(new Set(await reopened.ownSheetNames())).toEqual(new Set(outputSheets));
  for (const n of await reopened.ownSheetNames()) expect(OUTPUT_SHEET_NAMES).toContain(n);
  const audit = await createAllocationApp(reopened).verify();
  expect(audit.findings).toEqual([]);
  expect(audit.cellsChecked).toBeGreaterThan(0);
  await shot(page, '07-downloaded');

  expect(pageErrors).toEqual([]);
  expect(blocked).toEqual([]);
  await page.context().close();
});

test('the pane speaks Swedish and English from the display language', async () => {
  const page = await newPage();
  await page.goto(`${baseUrl}/preview.html?lang=sv-SE`);
  await page.getByRole('button', { name: 'Skapa indatamall' }).waitFor();
  await page.getByRole('button', { name: 'Beräkna kostnadsfördelningen' }).waitFor();
  await page.goto(`${baseUrl}/preview.html?lang=en-GB`);
  await page.getByRole('button', { name: 'Create input template' }).waitFor();
  await page.getByRole('button', { name: 'Calculate the cost allocation' }).waitFor();
  await shot(page, '08-english');
  expect(pageErrors).toEqual([]);
  expect(blocked).toEqual([]);
  await page.context().close();
});

test('create the input template, change a setting, and the pane reads it back', async () => {
  const page = await newPage();
  await page.goto(`${baseUrl}/preview.html`);
  await page.getByRole('button', { name: 'Luo syöttöpohja' }).click();
  await page.getByTestId('note').filter({ hasText: 'Syöttöpohja luotu' }).waitFor();
  expect(await page.locator('[data-table][data-found="yes"]').count()).toBe(5);
  const tabs = await page.getByRole('tab').allTextContents();
  for (const n of ['Asetukset', 'Kunnat', 'Henkilosto', 'Ilmoittautumiset', 'Kustannukset']) expect(tabs).toContain(n);
  await shot(page, '09-template');

  // Kelan osuus % = 12,5 written through the form lands in the Asetukset table and is read back.
  await page.getByRole('button', { name: 'Muuta asetusta' }).click();
  await page.getByLabel('Asetus', { exact: true }).selectOption('kelaPct');
  await page.getByLabel('Uusi arvo').fill('12,5');
  await page.getByRole('button', { name: 'Tallenna Asetukset-taulukkoon' }).click();
  await page.getByTestId('note').filter({ hasText: 'Asetus Kelan osuus % tallennettu' }).waitFor();
  expect(await page.locator('[data-setting="kelaPct"] dd').textContent()).toBe('12,5');
  await page.getByRole('tab', { name: 'Asetukset' }).click();
  const row = page.locator('[data-testid="grid"][data-sheet="Asetukset"] tr', { hasText: 'Kelan osuus %' });
  expect(await row.locator('td').nth(1).textContent()).toBe('12,5');
  await shot(page, '10-setting-saved', 'settings');

  // A number that does not parse is refused in the form, nothing is written.
  await page.getByLabel('Uusi arvo').fill('kaksitoista');
  await page.getByRole('button', { name: 'Tallenna Asetukset-taulukkoon' }).click();
  await page.getByText('Kirjoita luku, esimerkiksi 12,5.').waitFor();
  expect(await page.locator('[data-setting="kelaPct"] dd').textContent()).toBe('12,5');

  expect(pageErrors).toEqual([]);
  expect(blocked).toEqual([]);
  await page.context().close();
});
