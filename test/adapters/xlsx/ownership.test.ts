/**
 * Which sheets a rerun replaces (as the office.js adapter decides, src/adapters/officejs/inventory.ts):
 * the marked sheets named as an output sheet. Excel copies a sheet's scoped names with it, pointed at
 * the copy (OfficeDev/office-js issue 2875), so a user's archive copy of an output sheet carries the
 * owner mark too: it is kept, byte for byte, and named to the user. A mark that points at another
 * sheet is no mark.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import JSZip from 'jszip';
import { buildInputWorkbook } from '../../../src/adapters/exceljs/template';
import { PackageWorkbook } from '../../../src/adapters/xlsx/packageWorkbook';
import { main, type Io } from '../../../src/cli/tym-allocate';
import { computeOutputs } from '../../../src/app/pipeline';
import { baseData } from '../../fixtures/bad/corpus';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tym-ownership-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** The output of a first run, with TYM_Tulokset copied as Excel copies a sheet: "Tulokset 2025", marked. */
async function withArchivedCopy(): Promise<{ buf: Buffer; copyPart: string; copyXml: string }> {
  const book = await PackageWorkbook.fromBuffer(Buffer.from(await (await buildInputWorkbook(baseData())).xlsx.writeBuffer()));
  const result = computeOutputs(await book.readTables());
  if (!result.ok) throw new Error('base year invalid');
  await book.replaceOutputs(result.sheets);
  const zip = await JSZip.loadAsync(await book.toBuffer());
  const wbXml = await zip.file('xl/workbook.xml')!.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const relId = /<sheet name="TYM_Tulokset" sheetId="\d+" r:id="(rId\d+)"/.exec(wbXml)![1];
  const target = new RegExp(`Id="${relId}"[^>]*Target="([^"]+)"`).exec(rels)![1];
  // The copy without its table (Excel would rename a copied table; none is needed here).
  const copyXml = (await zip.file(`xl/${target}`)!.async('string')).replace(/<tableParts[\s\S]*?<\/tableParts>/, '');
  const copyPart = 'xl/worksheets/copy1.xml';
  zip.file(copyPart, copyXml);
  zip.file(
    'xl/_rels/workbook.xml.rels',
    rels.replace(
      '</Relationships>',
      '<Relationship Id="rIdCopy" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/copy1.xml"/></Relationships>',
    ),
  );
  const types = await zip.file('[Content_Types].xml')!.async('string');
  zip.file(
    '[Content_Types].xml',
    types.replace(
      '</Types>',
      '<Override PartName="/xl/worksheets/copy1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    ),
  );
  const sheets = [...wbXml.matchAll(/<sheet /g)].length;
  const next = wbXml
    .replace('</sheets>', `<sheet name="Tulokset 2025" sheetId="99" r:id="rIdCopy"/></sheets>`)
    .replace(
      '</definedNames>',
      `<definedName name="TYM_kustannustenjako" localSheetId="${sheets}">'Tulokset 2025'!$A$1</definedName></definedNames>`,
    );
  zip.file('xl/workbook.xml', next);
  return { buf: await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }), copyPart, copyXml };
}

test('a marked copy of an output sheet is kept on a rerun, byte for byte, and named to the user', async () => {
  const { buf, copyPart, copyXml } = await withArchivedCopy();
  const file = path.join(tmp, 'arkisto.xlsx');
  fs.writeFileSync(file, buf);
  expect(await (await PackageWorkbook.fromBuffer(buf)).ownSheetNames()).toContain('Tulokset 2025');

  const stdout: string[] = [];
  const stderr: string[] = [];
  const io: Io = { out: (s) => stdout.push(s), err: (s) => stderr.push(s) };
  const out = path.join(tmp, 'arkisto.uusi.xlsx');
  expect(await main(['run', file, '--out', out], io)).toBe(0);
  expect(stderr.join('\n')).toContain('HUOM: välilehdet "Tulokset 2025" ovat tämän ohjelman tulosvälilehtien kopioita');

  const after = await PackageWorkbook.fromBuffer(fs.readFileSync(out));
  const names = await after.sheetNames();
  expect(names).toContain('Tulokset 2025');
  expect(names.filter((n) => n === 'TYM_Tulokset')).toHaveLength(1);
  const zip = await JSZip.loadAsync(fs.readFileSync(out));
  expect(await zip.file(copyPart)!.async('string')).toBe(copyXml);
  // Still marked (its scoped name kept, at the sheet's new index).
  expect(await after.ownSheetNames()).toContain('Tulokset 2025');
});

test('a mark that points at another sheet is no mark', async () => {
  const book = await PackageWorkbook.fromBuffer(Buffer.from(await (await buildInputWorkbook(baseData())).xlsx.writeBuffer()));
  const zip = await JSZip.loadAsync(await book.toBuffer());
  const wbXml = await zip.file('xl/workbook.xml')!.async('string');
  // Kunnat (sheet index 2) carries a mark that points at Asetukset.
  const names = `<definedNames><definedName name="TYM_kustannustenjako" localSheetId="2">'Asetukset'!$A$1</definedName></definedNames>`;
  zip.file(
    'xl/workbook.xml',
    wbXml.includes('<definedNames>')
      ? wbXml.replace('<definedNames>', names.slice(0, -'</definedNames>'.length))
      : wbXml.replace('</sheets>', `</sheets>${names}`),
  );
  const marked = await PackageWorkbook.fromBuffer(await zip.generateAsync({ type: 'nodebuffer' }));
  expect(await marked.ownSheetNames()).toEqual([]);
});
