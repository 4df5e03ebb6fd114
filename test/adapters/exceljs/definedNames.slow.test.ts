/**
 * Workbook-level defined names owned by output sheets (SheetSpec.names) and print title rows:
 * written, found by Excel's formula engine (LibreOffice recalculates a formula that uses the name),
 * replaced on a rerun without leaving #REF! names behind, and a user's own names kept.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { ExcelJsWorkbook } from '../../../src/adapters/exceljs/excelJsWorkbook';
import type { SheetSpec } from '../../../src/workbook/sheetSpec';
import { recalculate } from '../../support/libreoffice';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tym-names-test-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function outputs(value: number): SheetSpec[] {
  return [
    {
      name: 'TYM_Parametrit',
      cells: [
        [{ value: 'Vuosi' }, { value }],
        [{ value: 'Kerroin' }, { value: 3 }],
      ],
      names: [
        { name: 'TYM_VUOSI', row: 0, col: 1 },
        { name: 'TYM_ALUE', row: 0, col: 1, rows: 2 },
      ],
      print: { title: 'Parametrit', landscape: true, fitToWidth: true, repeatRows: 1 },
    },
    {
      name: 'TYM_Tulokset',
      cells: [
        [
          { formula: 'TYM_VUOSI+1', expected: value + 1 },
          { formula: 'SUM(TYM_ALUE)', expected: value + 3 },
        ],
      ],
    },
  ];
}

async function userWorkbook(): Promise<ExcelJsWorkbook> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Oma');
  ws.getCell('A1').value = 7;
  wb.definedNames.add("'Oma'!$A$1", 'OmaNimi');
  return ExcelJsWorkbook.fromBuffer(Buffer.from(await wb.xlsx.writeBuffer()));
}

const globalNames = (wb: ExcelJS.Workbook) =>
  (wb.definedNames as unknown as { model: { name: string; ranges: string[]; localSheetId?: number }[] }).model.filter(
    (n) => n.localSheetId === undefined,
  );

test('names are written, replaced on a rerun, and the user’s names are kept', async () => {
  const wb = await userWorkbook();
  await wb.replaceOutputs(outputs(2026));
  await wb.replaceOutputs(outputs(2027));
  const file = path.join(dir, 'names.xlsx');
  await wb.saveAs(file);

  const back = (await ExcelJsWorkbook.load(file)).workbook;
  const names = globalNames(back)
    .map((n) => `${n.name}=${n.ranges.join(',')}`)
    .sort();
  expect(names).toEqual(['OmaNimi=Oma!$A$1', "TYM_ALUE='TYM_Parametrit'!$B$1:$B$2", "TYM_VUOSI='TYM_Parametrit'!$B$1"]);
  expect(back.getWorksheet('TYM_Parametrit')!.pageSetup.printTitlesRow).toBe('1:1');

  const recalculated = await recalculate(file, path.join(dir, 'lo'));
  const lo = new ExcelJS.Workbook();
  await lo.xlsx.readFile(recalculated);
  const ws = lo.getWorksheet('TYM_Tulokset')!;
  expect(ws.getCell('A1').result).toBe(2028);
  expect(ws.getCell('B1').result).toBe(2030);
});
