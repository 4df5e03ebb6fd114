/**
 * The package reader's small parts, each against values worked out by hand from the OOXML and OPC
 * rules: part names and relationship targets, the OOXML string escapes, shared formulas, the sheet
 * scanner on hand-written SheetML, the styles appended to a user's styles.xml, and the reasons a
 * file is no workbook.
 */
import JSZip from 'jszip';
import { OpcPackage, relativeTarget, relsPartOf, resolveTarget, UnreadableWorkbookError } from '../../../src/adapters/xlsx/opc';
import { shiftFormula } from '../../../src/adapters/xlsx/sharedFormula';
import { parseCellRef, scanSheet, type ScannedCell } from '../../../src/adapters/xlsx/sheetScanner';
import { appendOutputStyles, emptyStyles } from '../../../src/adapters/xlsx/outputStyles';
import { appPropertiesXml } from '../../../src/adapters/xlsx/packageEdit';
import { decodeCellText, encodeCellText } from '../../../src/adapters/xlsx/xml';
import { compoundFile, encryptedLike } from '../../fixtures/producers/build';

describe('part names', () => {
  test('targets resolve against their source part, relative or absolute, percent-decoded', () => {
    expect(resolveTarget('/xl/workbook.xml', 'worksheets/sheet1.xml')).toBe('/xl/worksheets/sheet1.xml');
    expect(resolveTarget('/xl/workbook.xml', '/xl/worksheets/sheet1.xml')).toBe('/xl/worksheets/sheet1.xml');
    expect(resolveTarget('/xl/worksheets/sheet1.xml', '../tables/table1.xml')).toBe('/xl/tables/table1.xml');
    expect(resolveTarget('/', 'xl/workbook.xml')).toBe('/xl/workbook.xml');
    expect(resolveTarget('/xl/workbook.xml', 'worksheets/my%20sheet.xml')).toBe('/xl/worksheets/my sheet.xml');
    expect(relsPartOf('/xl/workbook.xml')).toBe('/xl/_rels/workbook.xml.rels');
    expect(relsPartOf('/')).toBe('/_rels/.rels');
    expect(relativeTarget('/xl/workbook.xml', '/xl/worksheets/sheet9.xml')).toBe('worksheets/sheet9.xml');
    expect(relativeTarget('/xl/worksheets/sheet9.xml', '/xl/tables/table2.xml')).toBe('../tables/table2.xml');
  });

  test('cell references, with $ and lower case', () => {
    expect(parseCellRef('A1')).toEqual([1, 1]);
    expect(parseCellRef('AB12')).toEqual([12, 28]);
    expect(parseCellRef('$XFD$1048576')).toEqual([1048576, 16384]);
    expect(parseCellRef('b3')).toEqual([3, 2]);
    expect(parseCellRef('3')).toBeUndefined();
  });
});

describe('cell text escapes (ST_Xstring)', () => {
  test('control characters as _xHHHH_, a literal _xHHHH_ protected, and back', () => {
    expect(encodeCellText('a\u0001b')).toBe('a_x0001_b');
    expect(encodeCellText('_x0041_')).toBe('_x005F_x0041_');
    expect(encodeCellText('<&>')).toBe('&lt;&amp;&gt;');
    expect(decodeCellText('rivi_x000D_\nkaksi')).toBe('rivi\r\nkaksi');
    expect(decodeCellText('_x005F_x0041_')).toBe('_x0041_');
    for (const s of ['tavallinen', 'a\u0001b', '_x0041_', 'x_x000D_y']) {
      const back = decodeCellText(encodeCellText(s).replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'));
      expect(back).toBe(s);
    }
  });
});

describe('shared formulas', () => {
  test('relative references move with the cell; $-anchored parts, strings, sheet names and tables stay', () => {
    expect(shiftFormula('A2*2', 3, 0)).toBe('A5*2');
    expect(shiftFormula('$A2+A$2+$A$2', 2, 1)).toBe('$A4+B$2+$A$2');
    expect(shiftFormula('SUM(B2:B9)', 1, 0)).toBe('SUM(B3:B10)');
    expect(shiftFormula('Sheet1!C3&"A1"', 1, 1)).toBe('Sheet1!D4&"A1"');
    expect(shiftFormula("'My A1'!B2", 1, 0)).toBe("'My A1'!B3");
    expect(shiftFormula('Tulokset[[#This Row],[A1]]+LOG10(A1)', 1, 0)).toBe('Tulokset[[#This Row],[A1]]+LOG10(A2)');
    expect(shiftFormula('SUM(A:A)+SUM(1:1)', 1, 1)).toBe('SUM(B:B)+SUM(2:2)');
    expect(shiftFormula('TYM_VUOSI+1.5', 4, 4)).toBe('TYM_VUOSI+1.5');
  });
});

/** A package holding one sheet part with the given SheetML body (for the scanner). */
async function sheetPackage(sheetData: string, extra = ''): Promise<OpcPackage> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  zip.file(
    's.xml',
    `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>${sheetData}</x:sheetData>${extra}</x:worksheet>`,
  );
  return OpcPackage.open(await zip.generateAsync({ type: 'uint8array' }));
}

async function scan(pkg: OpcPackage, strings: string[] = [], formulas = true) {
  const cells: Record<string, ScannedCell> = {};
  const r = await scanSheet(pkg, '/s.xml', { strings, formulas, wants: () => true, onCell: (row, col, c) => (cells[`${row},${col}`] = c) });
  return { cells, ...r };
}

describe('the sheet scanner', () => {
  test('every value kind, implicit positions, prefixes, phonetic runs left out', async () => {
    const pkg = await sheetPackage(
      '<x:row r="2"><x:c r="B2" t="s"><x:v>1</x:v></x:c><x:c t="inlineStr"><x:is><x:r><x:t>Rich </x:t></x:r><x:r><x:t>text</x:t></x:r><x:rPh><x:t>ふりがな</x:t></x:rPh></x:is></x:c>' +
        '<x:c t="b"><x:v>1</x:v></x:c><x:c t="e"><x:v>#N/A</x:v></x:c><x:c s="3"><x:v>12.5</x:v></x:c><x:c t="d"><x:v>2026-03-12</x:v></x:c></x:row>' +
        '<x:row hidden="1"><x:c><x:v>-0.25</x:v></x:c></x:row>',
      '<x:mergeCells><x:mergeCell ref="A5:B5"/></x:mergeCells>',
    );
    const { cells, hiddenRows, merges } = await scan(pkg, ['nolla', 'yksi']);
    expect(cells['2,2'].value).toBe('yksi');
    expect(cells['2,3'].value).toBe('Rich text');
    expect(cells['2,4'].value).toBe(true);
    expect(cells['2,5'].value).toEqual({ error: '#N/A' });
    expect(cells['2,6']).toEqual({ value: 12.5, xf: 3 });
    expect(cells['2,7'].value).toEqual(new Date(Date.UTC(2026, 2, 12)));
    // A row without r follows the previous one; its first cell without r is column A.
    expect(cells['3,1'].value).toBe(-0.25);
    expect([...hiddenRows]).toEqual([3]);
    expect(merges).toEqual(['A5:B5']);
  });

  test('a formula without a stored value is uncached (openpyxl writes <v></v>); an empty text result is not', async () => {
    const pkg = await sheetPackage(
      '<x:row r="1"><x:c r="A1"><x:f>2+3</x:f><x:v></x:v></x:c><x:c r="B1"><x:f>B2</x:f></x:c><x:c r="C1" t="str"><x:f>""</x:f><x:v></x:v></x:c><x:c r="D1"><x:f>1+1</x:f><x:v>2</x:v></x:c></x:row>',
    );
    const { cells } = await scan(pkg);
    expect(cells['1,1']).toMatchObject({ uncached: true, value: null, formula: '2+3' });
    expect(cells['1,2']).toMatchObject({ uncached: true });
    expect(cells['1,3'].uncached).toBeUndefined();
    expect(cells['1,3'].value).toBeNull();
    expect(cells['1,4']).toEqual({ value: 2, xf: 0, formula: '1+1' });
  });

  test('shared formulas are expanded for each cell', async () => {
    const pkg = await sheetPackage(
      '<x:row r="2"><x:c r="B2"><x:f t="shared" ref="B2:B4" si="0">A2*2</x:f><x:v>2</x:v></x:c></x:row>' +
        '<x:row r="3"><x:c r="B3"><x:f t="shared" si="0"/><x:v>4</x:v></x:c></x:row><x:row r="4"><x:c r="B4"><x:f t="shared" si="0"/><x:v>6</x:v></x:c></x:row>',
    );
    const { cells } = await scan(pkg);
    expect(['2,2', '3,2', '4,2'].map((k) => cells[k].formula)).toEqual(['A2*2', 'A3*2', 'A4*2']);
  });
});

describe('output styles appended to the user’s styles.xml', () => {
  test('the user’s lists keep their items and indexes; ours come after; a rerun adds nothing', () => {
    const user = emptyStyles('http://schemas.openxmlformats.org/spreadsheetml/2006/main');
    const first = appendOutputStyles(user);
    // The user's one cell format stays index 0; ours start at 1.
    expect(Math.min(...Object.values(first.xf))).toBeGreaterThanOrEqual(1);
    expect(first.xml.startsWith(user.slice(0, user.indexOf('<fonts')))).toBe(true);
    expect(first.xml).toContain('<numFmt numFmtId="164" formatCode="#,##0.00##"/>');
    expect(first.xml).toMatch(/<cellXfs count="\d+"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"\/>/);
    // The money style uses the built-in #,##0.00 (id 4).
    expect(first.xml).toContain(`<xf numFmtId="4" fontId="0"`);
    const again = appendOutputStyles(first.xml);
    expect(again.xml).toBe(first.xml);
    expect(again.xf).toEqual(first.xf);
    expect([again.dxfTrue, again.dxfFalse]).toEqual([first.dxfTrue, first.dxfFalse]);
  });

  test('a prefixed styles.xml gets prefixed elements', () => {
    const user =
      '<x:styleSheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:fonts count="1"><x:font><x:sz val="11"/><x:name val="Arial"/></x:font></x:fonts><x:cellXfs count="1"><x:xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></x:cellXfs></x:styleSheet>';
    const out = appendOutputStyles(user).xml;
    expect(out).not.toMatch(/<(font|xf|fill|border|dxf|numFmt)[\s>/]/);
    expect(out).toContain('<x:font><x:b/><x:sz val="14"/><x:name val="Arial"/></x:font>');
    expect(out.indexOf('<x:fills')).toBeLessThan(out.indexOf('<x:cellXfs'));
  });
});

describe('files that are no workbook', () => {
  const reason = async (bytes: Uint8Array) => {
    try {
      await OpcPackage.open(bytes);
      return 'opened';
    } catch (e) {
      return (e as UnreadableWorkbookError).reason;
    }
  };
  test('empty, text, an old .xls (compound file), a password-protected workbook, an .ods, a plain zip', async () => {
    expect(await reason(new Uint8Array())).toBe('empty');
    expect(await reason(Buffer.from('Laji;Summa\nTA;100\n'))).toBe('not-zip');
    expect(await reason(compoundFile([{ name: 'Workbook', data: Buffer.alloc(5000, 1) }]))).toBe('xls');
    expect(await reason(encryptedLike())).toBe('encrypted');
    const ods = new JSZip();
    ods.file('mimetype', 'application/vnd.oasis.opendocument.spreadsheet');
    expect(await reason(await ods.generateAsync({ type: 'uint8array' }))).toBe('ods');
    const plain = new JSZip();
    plain.file('notes.txt', 'x');
    expect(await reason(await plain.generateAsync({ type: 'uint8array' }))).toBe('not-workbook');
    expect(await reason(Buffer.from('PK\u0003\u0004 broken'))).toBe('damaged');
  });
});

describe('docProps/app.xml', () => {
  const app = (titles: string[], extra = '') =>
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
    `<HeadingPairs><vt:vector size="${extra ? 4 : 2}" baseType="variant"><vt:variant><vt:lpstr>Laskentataulukot</vt:lpstr></vt:variant><vt:variant><vt:i4>${titles.length}</vt:i4></vt:variant>` +
    (extra ? '<vt:variant><vt:lpstr>Nimetyt alueet</vt:lpstr></vt:variant><vt:variant><vt:i4>1</vt:i4></vt:variant>' : '') +
    `</vt:vector></HeadingPairs><TitlesOfParts><vt:vector size="${titles.length + (extra ? 1 : 0)}" baseType="lpstr">${titles.map((t) => `<vt:lpstr>${t}</vt:lpstr>`).join('')}${extra ? `<vt:lpstr>${extra}</vt:lpstr>` : ''}</vt:vector></TitlesOfParts></Properties>`;

  test('the worksheet group (any language) gets the new sheet list; other groups stay', () => {
    const before = app(['Ohje', 'Kunnat'], 'Kunnat!Print_Area');
    const after = appPropertiesXml(before, ['Ohje', 'Kunnat'], ['Ohje', 'Kunnat', 'TYM_Tulokset']);
    expect(after).toBe(app(['Ohje', 'Kunnat', 'TYM_Tulokset'], 'Kunnat!Print_Area'));
  });

  test('a list that is not recognisably the worksheets is left alone', () => {
    expect(appPropertiesXml(app(['Toinen']), ['Ohje'], ['Ohje', 'TYM_Tulokset'])).toBeNull();
    expect(appPropertiesXml('<Properties><Application>LibreOffice</Application></Properties>', ['A'], ['A', 'B'])).toBeNull();
  });
});
