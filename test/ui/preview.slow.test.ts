/**
 * The browser preview end to end at Excel's narrowest task pane (320 px), in Finnish, Swedish and
 * English, in Debian chromium with playwright-core: the empty workbook (the template is the
 * primary action), a broken workbook (every problem links to its place, grouped by table), the
 * fixed one calculated (the result card in view and focused, totals equal to the engine run
 * directly here), a setting changed (the result marked stale at once), a change Excel would
 * report and one only the focus check finds, the pane reopened (the result kept in the document),
 * the auditor's check, a failure (progress ended, announced once, dismissible), and the download.
 * In every state: no horizontal scroll and axe-core with no critical or serious finding; a
 * screenshot of each state in test-artifacts/ui/.
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
import { a1 } from '../../src/workbook/formula';
import { formatEuro } from '../../src/taskpane/format';
import { translator, type MessageKey, type Params } from '../../src/taskpane/i18n';
import { CONTENT_TYPES, serveStatic } from '../support/staticServer';
import { buildPreview } from '../support/previewBuild';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/chromium';

const ROOT = path.resolve(__dirname, '..', '..');
const ARTIFACTS = path.join(ROOT, 'test-artifacts', 'ui');
const NBSP = '\u00a0';

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
  // the same person twice: counted once, and a warning that names row 3 of Ilmoittautumiset
  ['Kehittämispäivä', null, 'henkilö a ', 'TVA', 'ilmoittautunut'],
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

async function inputFile(amount: InputCell, userSheet?: string, hideStaffRow = false): Promise<Buffer> {
  const wb = await buildInputWorkbook({ year: YEAR, staff: STAFF, registrations: REGISTRATIONS, costs: costs(amount) });
  // A hidden staff row (sheet row 3): counted, with a warning that names the table.
  if (hideStaffRow) wb.getWorksheet('Henkilosto')!.getRow(3).hidden = true;
  // A sheet of the user's own with an output sheet's name: the add-in must refuse to overwrite it.
  if (userSheet) wb.addWorksheet(userSheet).getCell('A1').value = 'Oma muistiinpano';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * A workbook of the user's own with two of the five tables (the settings with Kela's share set), a
 * notes sheet and a sheet called Kustannukset without a table: the template must add the rest and
 * keep all of it.
 */
async function partialFile(): Promise<Buffer> {
  const wb = await buildInputWorkbook({ year: YEAR, settings: { kelaPct: 7 } });
  for (const name of ['Henkilosto', 'Ilmoittautumiset', 'Kustannukset', 'Osallistujasuunnitelma'])
    wb.removeWorksheet(wb.getWorksheet(name)!.id);
  const notes = wb.addWorksheet('Muistiinpanot');
  notes.getCell('A1').value = 'Oma muistiinpano';
  notes.getCell('B2').value = 123.5;
  wb.addWorksheet('Kustannukset').getCell('A1').value = 'Omat kulut';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The fixed inputs without the optional participant plan (issue 12). */
async function withoutPlan(): Promise<Buffer> {
  const wb = await buildInputWorkbook({
    year: YEAR,
    staff: STAFF,
    registrations: REGISTRATIONS,
    costs: [...costs(100000), ['TA', 'b', 'Tilavuokra', 'Kehittämispäivä', 2000, null, null]],
  });
  wb.removeWorksheet(wb.getWorksheet('Osallistujasuunnitelma')!.id);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A formula cell of TYM_Tulokset with a number (the engine's layout), to type over. */
async function outputFormulaCell(buf: Buffer): Promise<string> {
  const result = computeOutputs(await (await ExcelJsWorkbook.fromBuffer(buf)).readTables());
  if (!result.ok) throw new Error('fixture does not compute');
  const sheet = result.sheets.find((x) => x.name === 'TYM_Tulokset')!;
  for (let r = 0; r < sheet.cells.length; r++) {
    for (let c = 0; c < sheet.cells[r].length; c++) {
      const cell = sheet.cells[r][c];
      if (cell?.formula !== undefined && typeof cell.expected === 'number' && cell.expected !== 0) return a1(r, c);
    }
  }
  throw new Error('no formula cell');
}

/** The output sheets the engine writes for a file. */
async function engineSheets(buf: Buffer): Promise<string[]> {
  const result = computeOutputs(await (await ExcelJsWorkbook.fromBuffer(buf)).readTables());
  if (!result.ok) throw new Error('fixture does not compute');
  return result.sheets.map((s) => s.name);
}

/** The engine's totals for a file, straight from the domain (parse + allocate), as "1234.50" strings. */
async function engineTotals(buf: Buffer, kelaPct?: number): Promise<Record<string, Record<string, string>>> {
  const raw = await (await ExcelJsWorkbook.fromBuffer(buf)).readTables();
  if (kelaPct !== undefined) {
    const settings = raw.tables.find((t) => t.name === 'Asetukset')!;
    const row = settings.rows.find((r) => r[0].value === 'Kelan osuus %');
    if (row) row[1] = { value: kelaPct };
    else settings.rows.push([{ value: 'Kelan osuus %' }, { value: kelaPct }]);
  }
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

const TYPES = CONTENT_TYPES;
const serve = serveStatic;

// ---------------------------------------------------------------------------------------------

let browser: Browser;
let server: http.Server;
let baseUrl: string;
let buildDir: string;
let broken: Buffer;
let fixed: Buffer;
let conflicting: Buffer;
let partial: Buffer;
let noPlan: Buffer;
const blocked: string[] = [];
const pageErrors: string[] = [];
const AXE = fs.readFileSync(path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
const WIDTH = 320;

beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  broken = await inputFile('kymmenentuhatta', undefined, true);
  fixed = await inputFile(100000);
  conflicting = await inputFile(100000, 'TYM_Tulokset');
  partial = await partialFile();
  noPlan = await withoutPlan();
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
  // Scrollbars as a user sees them (Playwright hides them in headless mode): at 320 px the pane's
  // vertical scrollbar takes its width from the content, as in Excel.
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, ignoreDefaultArgs: ['--hide-scrollbars'] });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => (server ? server.close(r) : r(undefined)));
  if (!process.env.TYM_UI_DIST && buildDir) fs.rmSync(buildDir, { recursive: true, force: true });
});

async function newPage(locale: string): Promise<Page> {
  // bypassCSP: only so that axe-core can be injected; the page's own scripts are the build's.
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1000, height: 900 }, locale, bypassCSP: true });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
  await context.route('**/*', (route) => {
    const u = new URL(route.request().url());
    if ((u.hostname === '127.0.0.1' || u.hostname === 'localhost') && (u.protocol === 'http:' || u.protocol === 'ws:'))
      return route.continue();
    if (u.protocol === 'blob:' || u.protocol === 'data:') return route.continue();
    blocked.push(u.href);
    return route.abort();
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  return page;
}

/** The state's checks: the pane does not scroll sideways, axe finds nothing critical or serious; a screenshot. */
async function checkState(page: Page, name: string, focus?: string): Promise<void> {
  if (focus) await page.getByTestId(focus).first().scrollIntoViewIfNeeded();
  const size = await page
    .getByTestId('pane')
    .evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth, width: el.getBoundingClientRect().width }));
  expect({ name, ...size, sideways: size.scroll > size.client }).toEqual({ name, ...size, width: WIDTH, sideways: false });
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE });
  // Colours as they stand, not halfway through Fluent's hover/enable transitions: under load axe once
  // measured a button that had just been re-enabled mid-fade (color-contrast on fi-15 only).
  await page.addStyleTag({ content: '*, *::before, *::after { transition: none !important; animation: none !important; }' });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> };
      }
    ).axe;
    const r = await axe.run({ include: [['[data-testid="pane"]']] }, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
  expect({ name, serious: violations.filter((v) => v.impact === 'critical' || v.impact === 'serious') }).toEqual({ name, serious: [] });
  await page.getByTestId('pane').screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });
}

async function loadFile(page: Page, name: string, data: Buffer, tr: (k: MessageKey, p?: Params) => string): Promise<void> {
  await page.getByTestId('file-input').setInputFiles({ name, mimeType: TYPES['.xlsx'], buffer: data });
  await page
    .getByTestId('preview-status')
    .filter({ hasText: tr('previewLoaded', { file: name }) })
    .waitFor();
  // The new pane validates on mount: wait until the table status is shown.
  await page.getByTestId('table-status').waitFor();
}

const liveText = (page: Page) => page.getByTestId('live').textContent();

/** Waits until `read()` gives `want` (up to 15 s), then asserts it (so a timeout shows the last value). */
async function eventually<T>(read: () => Promise<T>, want: T, timeoutMs = 15_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  let got = await read();
  while (got !== want && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 100));
    got = await read();
  }
  expect(got).toBe(want);
}

/** Is the element inside the pane's visible area? */
async function inView(page: Page, testId: string): Promise<boolean> {
  return page.evaluate((id) => {
    const pane = document.querySelector('[data-testid="pane"]')!.getBoundingClientRect();
    const el = document.querySelector(`[data-testid="${id}"]`)!.getBoundingClientRect();
    return el.top >= pane.top && el.top < pane.bottom && el.left >= pane.left && el.right <= pane.right + 0.5;
  }, testId);
}

/** Clicks every problem's link and checks that the grid shows that place. */
async function followEveryLink(page: Page): Promise<number> {
  const links = page.locator('[data-testid="problems"] li[data-severity] .tym-cell-link');
  const items = await page.locator('[data-testid="problems"] li[data-severity]').count();
  const n = await links.count();
  // every problem here names a place in the workbook, so every one has a link
  expect(n).toBe(items);
  for (let i = 0; i < n; i++) {
    const link = links.nth(i);
    if (!(await link.isVisible())) await page.locator('[data-testid="warnings"] summary').click();
    const [sheet, address] = (await link.getAttribute('data-cell'))!.split('!');
    await link.click();
    const topLeft = address.split(':')[0].replace(/\$/g, '');
    const cell = page.locator(`[data-testid="grid"][data-sheet="${sheet}"] td[data-address="${topLeft}"]`);
    await expect(cell.getAttribute('data-selected')).resolves.toBe('true');
    if (address.includes(':'))
      expect(await page.locator(`[data-testid="grid"][data-sheet="${sheet}"] td[data-in-range]`).count()).toBeGreaterThan(1);
  }
  return n;
}

const LANGS = [
  { lang: 'fi' as const, locale: 'fi-FI' },
  { lang: 'sv' as const, locale: 'sv-FI' },
  { lang: 'en' as const, locale: 'en-GB' },
];

describe.each(LANGS)('the task pane at 320 px in $lang', ({ lang, locale }) => {
  const tr = translator(lang);
  const euro = (amount: string) => formatEuro(amount, lang);
  const shotName = (n: string) => `${lang}-${n}`;

  test('empty workbook, broken inputs, a run, stale after a change, reopened, audited, a failure', async () => {
    const page = await newPage(locale);
    await page.goto(`${baseUrl}/preview.html?lang=${locale}&width=${WIDTH}`);

    // 1. No workbook served: an empty one; the template is the primary action.
    await page.getByRole('heading', { level: 1, name: tr('productName') }).waitFor();
    await page.getByTestId('table-status').waitFor();
    const template = page.getByTestId('create-template');
    expect(await template.getAttribute('data-primary')).toBe('yes');
    expect(await template.textContent()).toBe(tr('createTemplate'));
    expect(await page.getByTestId('run').getAttribute('data-primary')).toBeNull();
    if (lang === 'fi') expect(await template.textContent()).toBe('Luo syöttöpohja');
    expect(await page.locator('[data-table][data-found="no"]').count()).toBe(5);
    await checkState(page, shotName('01-empty'));

    // 2. The broken workbook: grouped problems, and every one links to its place.
    await loadFile(page, 'rikki.xlsx', broken, tr);
    await page
      .getByTestId('live')
      .filter({ hasText: tr('validateDone', { errors: 1, warnings: 1 }) })
      .waitFor();
    expect(await page.getByTestId('validate').getAttribute('data-primary')).toBe('yes');
    // errors by table, then the warnings folded (by table too)
    expect(
      await page.locator('[data-testid="problems"] [data-group]').evaluateAll((gs) => gs.map((g) => g.getAttribute('data-group'))),
    ).toEqual(['Kustannukset', 'Henkilosto']);
    const summa = page.locator('li[data-code="number-is-text"] .tym-cell-link');
    expect(await summa.getAttribute('data-cell')).toBe('Kustannukset!E2');
    expect(await summa.textContent()).toBe(tr('goToCell', { sheet: 'Kustannukset', cell: 'E2' }));
    await checkState(page, shotName('02-problems'), 'problems');
    expect(await followEveryLink(page)).toBe(2);
    // the warning's link went to the staff table as a whole (A1 and the range down to its last row)
    expect(await page.locator('[data-testid="grid"][data-sheet="Henkilosto"] td[data-address="A1"]').getAttribute('data-selected')).toBe(
      'true',
    );
    expect(await page.locator('[data-testid="grid"][data-sheet="Henkilosto"] td[data-address="H4"]').getAttribute('data-in-range')).toBe(
      'true',
    );
    await checkState(page, shotName('03-warning-open'), 'warnings');

    // 3. The fixed workbook, calculated: the result card is in view and has the focus.
    await loadFile(page, 'korjattu.xlsx', fixed, tr);
    await page
      .getByTestId('live')
      .filter({ hasText: tr('validateDone', { errors: 0, warnings: 1 }) })
      .waitFor();
    expect(await page.getByTestId('run').getAttribute('data-primary')).toBe('yes');
    await page.getByTestId('run').click();
    await page.getByTestId('result-card').waitFor();
    await page
      .getByTestId('live')
      .filter({ hasText: tr('runDone', { year: YEAR, sheets: (await engineSheets(fixed)).join(', ') }) })
      .waitFor();
    await eventually(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'result-card');
    expect(await inView(page, 'result-card')).toBe(true);
    // the engine ran in its Web Worker (the page started one, from its own origin)
    expect(page.workers().map((w) => new URL(w.url()).pathname)).toEqual([expect.stringMatching(/^\/tym-engine(\.[0-9a-f]+)?\.js$/)]);
    expect(await page.getByTestId('result-card').getAttribute('data-freshness')).toBe('current');
    const expected = await engineTotals(fixed);
    for (const [kind, byReceiver] of Object.entries(expected)) {
      expect(await page.getByTestId(`card-total-${kind}`).getAttribute('data-amount')).toBe(byReceiver.total);
      const block = page.locator(`.tym-kind[data-kind="${kind}"]`);
      for (const [receiver, amount] of Object.entries(byReceiver)) {
        if (receiver === 'total') continue;
        const level = (PARTIES as readonly string[]).includes(receiver) ? 'party' : 'municipality';
        expect(
          await block.locator(`tr[data-receiver="${receiver}"][data-level="${level}"] td.tym-amount`).getAttribute('data-amount'),
        ).toBe(amount);
      }
    }
    // The rule book's worked example, by hand: 100 000,00 € by staff 7 : 5.
    const card = page.getByTestId('result-card');
    expect(await card.locator('dl[data-kind="TA"] [data-receiver="TVA"] dd').textContent()).toBe(euro('58333.33'));
    expect(await card.locator('dl[data-kind="TA"] [data-receiver="HVA"] dd').textContent()).toBe(euro('41666.67'));
    if (lang !== 'en') expect(euro('58333.33')).toBe(`58${NBSP}333,33${NBSP}€`);
    expect(await page.getByTestId('master-check').getAttribute('data-ok')).toBe('yes');
    expect(await page.getByTestId('master-check').textContent()).toContain(tr('masterCheckOk'));
    expect(await page.locator('[data-testid="result-warnings"] summary').textContent()).toBe(tr('warningsFold', { count: 1 }));
    // the run's warning (the same person twice) links to its row of the registrations
    await page.locator('[data-testid="result-warnings"] summary').click();
    const dup = page.locator('[data-testid="result-warnings"] li[data-code="duplicate-registration"] .tym-cell-link');
    expect(await dup.getAttribute('data-cell')).toBe('Ilmoittautumiset!A3:E3');
    await dup.click();
    expect(
      await page.locator('[data-testid="grid"][data-sheet="Ilmoittautumiset"] td[data-address="A3"]').getAttribute('data-selected'),
    ).toBe('true');
    expect(
      await page.locator('[data-testid="grid"][data-sheet="Ilmoittautumiset"] td[data-address="E3"]').getAttribute('data-in-range'),
    ).toBe('true');
    await page.locator('[data-testid="result-warnings"] summary').click();
    // The invoicing grid scrolls inside its own region, never the pane.
    expect(await page.getByTestId('invoicing').locator('[role="grid"]').count()).toBe(1);
    await checkState(page, shotName('04-result'));
    await checkState(page, shotName('05-invoicing'), 'invoicing');
    await page.getByTestId('copy-invoicing').click();
    await page
      .getByTestId('copy-status')
      .filter({ hasText: tr('invoicingCopied') })
      .waitFor();
    const clip = await page.evaluate(() => navigator.clipboard.readText());
    expect(clip.split('\r\n')[0].split('\t')[0]).toBe(tr('colPayer'));
    await page.getByTestId('open-results').click();
    expect(await page.getByRole('tab', { name: 'TYM_Tulokset' }).getAttribute('aria-selected')).toBe('true');

    // 4. A setting changed in the pane: the result is stale at once, with "Laske uudelleen".
    await page.getByTestId('setting-toggle').click();
    await page.getByTestId('setting-key').click();
    await page.getByRole('option', { name: tr('settingKelaPct') }).click();
    await page.getByTestId('setting-value').fill(lang === 'en' ? '12.5' : '12,5');
    await page.getByTestId('setting-save').click();
    await page
      .getByTestId('note')
      .filter({ hasText: tr('settingSaved', { setting: tr('settingKelaPct') }) })
      .waitFor();
    expect(await card.getAttribute('data-freshness')).toBe('stale');
    expect(await page.getByTestId('master-check').textContent()).not.toContain(tr('masterCheckOk'));
    expect(await page.getByTestId('summary').getAttribute('data-freshness')).toBe('stale');
    const rerun = page.getByTestId('rerun');
    expect(await rerun.textContent()).toBe(tr('rerunButton'));
    if (lang === 'fi') expect(await rerun.textContent()).toBe('Laske uudelleen');
    await checkState(page, shotName('06-stale-setting'), 'result-card');

    // 5. Calculated again: current, with the new Kela share (the engine's, on the changed inputs).
    await rerun.click();
    await eventually(() => card.getAttribute('data-freshness'), 'current');
    const withKela = await engineTotals(fixed, 12.5);
    expect(await card.locator('dl[data-kind="TA"] [data-receiver="KELA"] dd').getAttribute('data-amount')).toBe(withKela.TA.KELA);
    expect(withKela.TA.KELA).not.toBe(expected.TA.KELA);

    // 6. A cell changed as Excel reports it (table event): stale at once; changed back without an
    //    event and the pane focused: the fingerprint check finds the inputs as computed again.
    await page.evaluate(() =>
      (window as unknown as { tymPreview: { setCell(s: string, a: string, v: unknown, n?: boolean): Promise<void> } }).tymPreview.setCell(
        'Kustannukset',
        'E2',
        90000,
      ),
    );
    await eventually(() => card.getAttribute('data-freshness'), 'stale');
    await page.evaluate(() =>
      (window as unknown as { tymPreview: { setCell(s: string, a: string, v: unknown, n?: boolean): Promise<void> } }).tymPreview.setCell(
        'Kustannukset',
        'E2',
        100000,
        false,
      ),
    );
    await page.waitForTimeout(2100); // the background re-check after the event, then the focus interval
    await page.evaluate(() => window.dispatchEvent(new Event('focus')));
    await eventually(() => card.getAttribute('data-freshness'), 'current');
    //    A change with no event at all: only the focus check can see it.
    await page.evaluate(() =>
      (window as unknown as { tymPreview: { setCell(s: string, a: string, v: unknown, n?: boolean): Promise<void> } }).tymPreview.setCell(
        'Kustannukset',
        'E2',
        80000,
        false,
      ),
    );
    await page.waitForTimeout(2100);
    expect(await card.getAttribute('data-freshness')).toBe('current');
    await page.evaluate(() => window.dispatchEvent(new Event('focus')));
    await eventually(() => card.getAttribute('data-freshness'), 'stale');
    await checkState(page, shotName('07-stale-edit'), 'result-card');

    // 7. The pane reopened: the result kept in the document is shown, and it is still stale.
    await page.getByTestId('reopen').click();
    await page.getByTestId('result-card').waitFor();
    await eventually(() => page.getByTestId('result-card').getAttribute('data-freshness'), 'stale');
    expect(await page.getByTestId('result-card').getAttribute('data-restored')).toBe('yes');
    await checkState(page, shotName('08-reopened'), 'result-card');
    await page.evaluate(() =>
      (window as unknown as { tymPreview: { setCell(s: string, a: string, v: unknown, n?: boolean): Promise<void> } }).tymPreview.setCell(
        'Kustannukset',
        'E2',
        100000,
      ),
    );
    await eventually(() => page.getByTestId('result-card').getAttribute('data-freshness'), 'current');

    // 8. The auditor's check: every output cell matches.
    await page.getByTestId('verify-button').click();
    await page.locator('[data-testid="verify"][data-ok="yes"]').waitFor();
    expect(await page.getByTestId('verify').getAttribute('data-freshness')).toBe('current');
    await checkState(page, shotName('09-audit'), 'verify');

    // 9. A sheet of the user's own named TYM_Tulokset: an input problem before anything is
    //    written, with a link to that sheet.
    await loadFile(page, 'oma-valilehti.xlsx', conflicting, tr);
    const taken = page.locator('[data-testid="problems"] li[data-code="output-sheet-taken"] .tym-cell-link');
    await taken.waitFor();
    expect(await taken.getAttribute('data-cell')).toBe('TYM_Tulokset!A1');
    expect(await page.getByTestId('validate').getAttribute('data-primary')).toBe('yes');
    await checkState(page, shotName('10-output-name-taken'), 'problems');

    // 10. A write Excel refuses: the progress ends, the error is an alert (not repeated by the
    //     live region), and it can be dismissed.
    await loadFile(page, 'korjattu.xlsx', fixed, tr);
    await page.evaluate(() =>
      (window as unknown as { tymPreview: { failNextWrite(m: string): void } }).tymPreview.failNextWrite('Excel ei vastannut'),
    );
    await page.getByTestId('run').click();
    await page.getByTestId('failure').waitFor();
    expect(await page.getByTestId('progress').count()).toBe(0);
    expect(await page.getByTestId('failure').textContent()).toContain(tr('errorUnexpected', { message: 'Excel ei vastannut' }));
    expect(await liveText(page)).toBe('');
    expect(await page.locator('[role="alert"]').count()).toBe(1);
    await checkState(page, shotName('11-failure'), 'failure');
    await page.getByTestId('dismiss-failure').click();
    expect(await page.getByTestId('failure').count()).toBe(0);

    expect(pageErrors).toEqual([]);
    expect(blocked).toEqual([]);
    await page.context().close();
  });

  test("the template keeps the user's sheets; the participant plan added alone; the audit by cause", async () => {
    const page = await newPage(locale);
    await page.goto(`${baseUrl}/preview.html?lang=${locale}&width=${WIDTH}`);
    await page.getByTestId('table-status').waitFor();

    // 1. Two of the five tables, notes and a sheet called Kustannukset of the user's: the template
    //    adds the three missing tables and the plan beside them; nothing of the user's changes.
    await loadFile(page, 'osittainen.xlsx', partial, tr);
    expect(await page.locator('[data-table][data-found="no"]').count()).toBe(3);
    await page.getByTestId('create-template').click();
    await page
      .getByTestId('note')
      .filter({ hasText: tr('templateCreated') })
      .waitFor();
    await page.locator('[data-found-all="yes"]').waitFor();
    expect(await page.getByTestId('plan-status').getAttribute('data-found')).toBe('yes');
    expect(await page.getByRole('tab').evaluateAll((tabs) => tabs.map((t) => t.getAttribute('data-sheet')))).toEqual([
      'Ohje',
      'Asetukset',
      'Kunnat',
      'Muistiinpanot',
      'Kustannukset',
      'Henkilosto',
      'Ilmoittautumiset',
      'Kustannukset (2)',
      'Osallistujasuunnitelma',
    ]);
    expect(await page.getByTestId('preview-status').textContent()).toBe(
      tr('previewSheetsAdded', { sheets: 'Henkilosto, Ilmoittautumiset, Kustannukset (2), Osallistujasuunnitelma' }),
    );
    await checkState(page, shotName('12-template-kept'), 'table-status');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download').click()]);
    const kept = await ExcelJsWorkbook.fromBuffer(fs.readFileSync(await download.path()));
    const view = await kept.view();
    expect(view.getWorksheet('Muistiinpanot')!.getCell('A1').value).toBe('Oma muistiinpano');
    expect(view.getWorksheet('Muistiinpanot')!.getCell('B2').value).toBe(123.5);
    expect(view.getWorksheet('Kustannukset')!.getCell('A1').value).toBe('Omat kulut');
    const tables = (await kept.readTables()).tables;
    const settings = tables.find((t) => t.name === 'Asetukset')!;
    expect(settings.rows.find((r) => r[0].value === 'Kelan osuus %')![1].value).toBe(7);
    expect(tables.map((t) => `${t.sheet}/${t.name}`).sort()).toEqual(
      [
        'Asetukset/Asetukset',
        'Kunnat/Kunnat',
        'Henkilosto/Henkilosto',
        'Ilmoittautumiset/Ilmoittautumiset',
        'Kustannukset (2)/Kustannukset',
        'Osallistujasuunnitelma/Osallistujasuunnitelma',
      ].sort(),
    );

    // 2. The five tables and a TA line of pool b, no plan: before a run the plan line offers the
    //    table; added, the plan is found and the grid shows its sheet.
    await loadFile(page, 'ilman-suunnitelmaa.xlsx', noPlan, tr);
    expect(await page.getByTestId('plan-status').getAttribute('data-found')).toBe('no');
    expect(await page.getByTestId('add-plan').textContent()).toBe(tr('addPlanButton'));
    await checkState(page, shotName('13-plan-missing'), 'plan-status');
    await page.getByTestId('add-plan').click();
    await page
      .getByTestId('note')
      .filter({ hasText: tr('planAdded', { sheet: 'Osallistujasuunnitelma' }) })
      .waitFor();
    expect(await page.getByTestId('plan-status').getAttribute('data-found')).toBe('yes');
    expect(await page.getByTestId('add-plan').count()).toBe(0);
    // only that sheet was added, and the grid shows it
    expect(await page.getByRole('tab').evaluateAll((tabs) => tabs.map((t) => t.getAttribute('data-sheet')))).toContain(
      'Osallistujasuunnitelma',
    );
    expect(await page.getByRole('tab', { name: 'Osallistujasuunnitelma' }).getAttribute('aria-selected')).toBe('true');
    await checkState(page, shotName('14-plan-added'), 'plan-status');

    // 2b. The same file calculated without the button: the run adds the empty plan itself (issue 12),
    //     says so in the result's warnings, and the result is current with the plan found.
    await loadFile(page, 'ilman-suunnitelmaa.xlsx', noPlan, tr);
    expect(await page.getByTestId('plan-status').getAttribute('data-found')).toBe('no');
    await page.getByTestId('run').click();
    const card = page.getByTestId('result-card');
    await eventually(() => card.getAttribute('data-freshness'), 'current');
    expect(await page.getByTestId('plan-status').getAttribute('data-found')).toBe('yes');
    expect(await page.getByTestId('add-plan').count()).toBe(0);
    expect(await card.textContent()).toContain('Osallistujasuunnitelma');
    expect(await page.getByRole('tab').evaluateAll((tabs) => tabs.map((t) => t.getAttribute('data-sheet')))).toContain(
      'Osallistujasuunnitelma',
    );

    // 3. Then an input changed and a result formula typed over: the audit names the changed input
    //    first, the typed-over cell under its own cause, with its link.
    const target = await outputFormulaCell(noPlan);
    const setCell = (sheet: string, address: string, value: number) =>
      page.evaluate(
        ([s, a, v]) =>
          (window as unknown as { tymPreview: { setCell(s: string, a: string, v: unknown): Promise<void> } }).tymPreview.setCell(
            s as string,
            a as string,
            v,
          ),
        [sheet, address, value] as const,
      );
    await setCell('TYM_Tulokset', target, 1);
    await setCell('Kustannukset', 'E2', 90000);
    await page.getByTestId('verify-button').click();
    await page.locator('[data-testid="verify"][data-ok="no"]').waitFor();
    const causes = await page.getByTestId('verify-cause').evaluateAll((items) => items.map((i) => i.getAttribute('data-cause')));
    expect(causes[0]).toBe('inputs-changed');
    expect(causes).toContain('overwritten');
    expect(causes).toContain('values-follow-inputs');
    expect(await page.locator('li[data-cause="inputs-changed"] .tym-cause-text').textContent()).toContain('Kustannukset');
    const over = page.locator('li[data-cause="overwritten"]');
    expect(await over.locator('summary').textContent()).toBe(tr('verifyShowFindings', { count: 1 }));
    const link = over.locator('.tym-cell-link');
    expect(await link.isVisible()).toBe(false);
    await checkState(page, shotName('15-audit-causes'), 'verify');
    await over.locator('summary').click();
    expect(await link.getAttribute('data-cell')).toBe(`TYM_Tulokset!${target}`);
    await page.locator('li[data-cause="values-follow-inputs"] summary').click();
    await checkState(page, shotName('16-audit-cause-open'), 'verify-causes');
    await link.click();
    expect(
      await page.locator(`[data-testid="grid"][data-sheet="TYM_Tulokset"] td[data-address="${target}"]`).getAttribute('data-selected'),
    ).toBe('true');

    expect(pageErrors).toEqual([]);
    expect(blocked).toEqual([]);
    await page.context().close();
  });
});

test('the download holds the inputs and the output sheets and audits clean on its own', async () => {
  const page = await newPage('fi-FI');
  const tr = translator('fi');
  await page.goto(`${baseUrl}/preview.html?width=${WIDTH}`);
  await page.getByTestId('table-status').waitFor();
  await loadFile(page, 'korjattu.xlsx', fixed, tr);
  await page.getByRole('button', { name: 'Laske kustannustenjako' }).click();
  await page.getByTestId('result-card').waitFor();
  const outputSheets = await engineSheets(fixed);
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
  expect(pageErrors).toEqual([]);
  expect(blocked).toEqual([]);
  await page.context().close();
});
