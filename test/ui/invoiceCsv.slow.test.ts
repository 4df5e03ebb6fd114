/**
 * The pane's invoice CSV download (issue 12) in Debian chromium, at the pane's 320 px width, in
 * Finnish, Swedish and English: after a run the pane offers the file, and the file downloaded is
 * byte for byte the CSV of the engine's invoice rows for the same workbook. Screenshots in
 * test-artifacts/ui/invoice-csv-*.png.
 */
import * as fs from 'fs';
import * as http from 'http';
import * as os from 'os';
import * as path from 'path';
import type { AddressInfo } from 'net';
import { chromium, type Browser } from 'playwright-core';
import { ExcelJsWorkbook } from '../../src/adapters/exceljs/excelJsWorkbook';
import { invoiceCsv, summariseInvoiceRows } from '../../src/app/invoiceData';
import { computeOutputs } from '../../src/app/pipeline';
import { buildSampleInputs } from '../../src/sample/sample';
import { buildPreview } from '../support/previewBuild';
import { serveStatic } from '../support/staticServer';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/chromium';

const ROOT = path.resolve(__dirname, '..', '..');
const ARTIFACTS = path.join(ROOT, 'test-artifacts', 'ui');

let browser: Browser;
let server: http.Server;
let baseUrl: string;
let buildDir: string;
let expectedCsv: string;

beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const sample = Buffer.from(await (await buildSampleInputs({ year: 2026 })).xlsx.writeBuffer());
  const r = computeOutputs(await (await ExcelJsWorkbook.fromBuffer(sample)).readTables());
  if (!r.ok) throw new Error('the sample does not compute');
  expectedCsv = invoiceCsv(summariseInvoiceRows(r.model, r.allocation));
  if (process.env.TYM_UI_DIST) buildDir = path.resolve(process.env.TYM_UI_DIST);
  else {
    buildDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tym-ui-csv-'));
    await buildPreview(buildDir);
  }
  server = await serveStatic(buildDir, { 'sample.xlsx': sample });
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => (server ? server.close(r) : r(undefined)));
  if (!process.env.TYM_UI_DIST && buildDir) fs.rmSync(buildDir, { recursive: true, force: true });
});

const BUTTON = { fi: 'Lataa CSV-tiedosto', sv: 'Ladda ned CSV-fil', en: 'Download CSV file' } as const;

test.each(['fi', 'sv', 'en'] as const)(
  "%s: after a run the pane downloads the engine's invoice CSV",
  async (lang) => {
    const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 320, height: 900 } });
    await context.route('**/*', (route) => {
      const u = new URL(route.request().url());
      return u.hostname === '127.0.0.1' || u.protocol === 'data:' || u.protocol === 'blob:' ? route.continue() : route.abort();
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${baseUrl}/preview.html?lang=${lang}`);
    await page.getByTestId('table-status').waitFor({ timeout: 60_000 });
    await page.getByTestId('run').click();
    const block = page.getByTestId('invoice-csv');
    await block.waitFor({ timeout: 120_000 });
    await block.scrollIntoViewIfNeeded();
    await block.screenshot({ path: path.join(ARTIFACTS, `invoice-csv-${lang}.png`) });
    // The block is no wider than the pane's other blocks (the invoicing table above it), and nothing in it overflows.
    const box = await block.boundingBox();
    const invoicing = await page.getByTestId('invoicing').boundingBox();
    expect(box!.width).toBeLessThanOrEqual(invoicing!.width);
    expect(await block.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: BUTTON[lang] }).click()]);
    expect(download.suggestedFilename()).toBe('tym-laskutus-2026.csv');
    const file = path.join(ARTIFACTS, `invoice-csv-${lang}.csv`);
    await download.saveAs(file);
    expect(fs.readFileSync(file)).toEqual(Buffer.from(expectedCsv, 'utf8'));
    expect(errors).toEqual([]);
    await context.close();
  },
  240_000,
);
