/**
 * The package writer's page set-up, read back from the written SheetML against ECMA-376 Part 1:
 * 18.3.1.65 pageSetUpPr@fitToPage switches fit-to-pages on; 18.3.1.63 pageSetup@fitToWidth and
 * @fitToHeight are page counts where 0 means "as many as needed" (both default to 1, so a missing
 * fitToHeight would mean one page tall). A sheet printed one page wide runs on as tall as it needs;
 * issue 12's scenario sheet (print.onePage) is one page wide and one tall, landscape.
 */
import JSZip from 'jszip';
import { buildInputWorkbook } from '../../../src/adapters/exceljs/template';
import { PackageWorkbook } from '../../../src/adapters/xlsx/packageWorkbook';
import type { SheetSpec } from '../../../src/workbook/sheetSpec';
import { baseData } from '../../fixtures/bad/corpus';

const sheet = (name: string, print?: SheetSpec['print']): SheetSpec => ({ name, cells: [[{ value: name }]], ...(print ? { print } : {}) });

/** The worksheet part of each output sheet, by sheet name. */
async function writtenSheets(specs: SheetSpec[]): Promise<Map<string, string>> {
  const book = await PackageWorkbook.fromBuffer(Buffer.from(await (await buildInputWorkbook(baseData())).xlsx.writeBuffer()));
  await book.replaceOutputs(specs);
  const zip = await JSZip.loadAsync(await book.toBuffer());
  const wbXml = await zip.file('xl/workbook.xml')!.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const out = new Map<string, string>();
  for (const s of specs) {
    const relId = new RegExp(`<sheet name="${s.name}" sheetId="\\d+" r:id="(rId\\d+)"`).exec(wbXml)![1];
    const target = new RegExp(`Id="${relId}"[^>]*Target="([^"]+)"`).exec(rels)![1].replace(/^\/?(xl\/)?/, '');
    out.set(s.name, await zip.file(`xl/${target}`)!.async('string'));
  }
  return out;
}

const attrs = (xml: string, element: string): Record<string, string> => {
  const m = new RegExp(`<${element}\\b([^>]*)/?>`).exec(xml);
  if (!m) return {};
  return Object.fromEntries([...m[1].matchAll(/(\w+)="([^"]*)"/g)].map((a) => [a[1], a[2]]));
};

test('onePage: fit to page on, one page wide and one tall, landscape A4; one page wide alone: as tall as needed', async () => {
  const xml = await writtenSheets([
    sheet('TYM_Yksi', { title: 'Skenaariot', landscape: true, fitToWidth: true, onePage: true }),
    sheet('TYM_Leveys', { title: 'Rivit', landscape: false, fitToWidth: true }),
    sheet('TYM_Vapaa', { title: 'Vapaa', landscape: false, fitToWidth: false }),
    sheet('TYM_Sivu', { title: 'Sivu', landscape: true, fitToWidth: false, onePage: true }),
    sheet('TYM_Ei'),
  ]);
  const one = xml.get('TYM_Yksi')!;
  expect(attrs(one, 'pageSetUpPr')).toEqual({ fitToPage: '1' });
  expect(attrs(one, 'pageSetup')).toEqual({ paperSize: '9', orientation: 'landscape', fitToWidth: '1', fitToHeight: '1' });
  // sheetPr comes first in CT_Worksheet, pageSetup after pageMargins.
  expect(one.indexOf('<sheetPr>')).toBeLessThan(one.indexOf('<dimension'));
  expect(one.indexOf('<pageMargins')).toBeLessThan(one.indexOf('<pageSetup '));

  const wide = xml.get('TYM_Leveys')!;
  expect(attrs(wide, 'pageSetUpPr')).toEqual({ fitToPage: '1' });
  expect(attrs(wide, 'pageSetup')).toEqual({ paperSize: '9', orientation: 'portrait', fitToWidth: '1', fitToHeight: '0' });

  // No fitting: no fitToPage (Excel then prints at 100 %), no page counts.
  const free = xml.get('TYM_Vapaa')!;
  expect(free).not.toContain('pageSetUpPr');
  expect(attrs(free, 'pageSetup')).toEqual({ paperSize: '9', orientation: 'portrait' });

  // onePage alone still fits: one page in all.
  const page = xml.get('TYM_Sivu')!;
  expect(attrs(page, 'pageSetUpPr')).toEqual({ fitToPage: '1' });
  expect(attrs(page, 'pageSetup')).toMatchObject({ orientation: 'landscape', fitToWidth: '1', fitToHeight: '1' });

  expect(xml.get('TYM_Ei')!).not.toContain('<pageSetup');
});
