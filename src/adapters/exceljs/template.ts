/**
 * Renders the input template (the pure definition in src/workbook/template.ts) as an exceljs
 * workbook: `tym-allocate template`, the sample year, the preview's "create template" and the tests'
 * input workbooks. The office.js host renders the same definition inside Excel.
 */
import ExcelJS from 'exceljs';
import type { Workbook, Worksheet } from 'exceljs';
import type { BillingSettingKey, OptionalTableKey, SettingKey, TableKey } from '../../domain/contract';
import { colLetters } from '../../workbook/formula';
import {
  columnIndex,
  freeSheetName,
  INSTRUCTION_HEADINGS,
  INSTRUCTIONS,
  INSTRUCTIONS_SHEET,
  INSTRUCTIONS_TAB_COLOR,
  LIST_ROWS,
  templateOptionalTables,
  templateSettingRows,
  templateTables,
  type TemplateTable,
} from '../../workbook/template';

export { LISTS } from '../../workbook/template';

/** A cell of an input row (canonical column order of the table). */
export type InputCell = string | number | Date | null;

/** Contents of an input workbook: rows in the canonical column order of each table (see TABLES). */
export interface InputData {
  year: number;
  /** Setting values by key; a key left out keeps the template default, null = blank. */
  settings?: Partial<Record<SettingKey | BillingSettingKey, string | number | Date | null>>;
  /** Kunnat rows [Kunta, Asukasluku, Työttömät, Sovittu osuus %, Y-tunnus]; default the six Keski-Uusimaa municipalities. */
  municipalities?: InputCell[][];
  /** Henkilosto rows [Organisaatio, Kunta, Yksikkö, Nimike, Henkilömäärä, HTV, Alkaa, Päättyy]. */
  staff?: InputCell[][];
  /** Ilmoittautumiset rows [Tilaisuus, Päivämäärä, Nimi, Organisaatio, Tila]. */
  registrations?: InputCell[][];
  /** Kustannukset rows [Laji, Pooli, Erä, Tilaisuus, Summa, Maksaja, Vuosi]. */
  costs?: InputCell[][];
  /**
   * Osallistujasuunnitelma rows [Tilaisuus, Organisaatio, Osallistujia, Vuosi] (issue 12); default one
   * empty row; null = no plan table at all (a workbook set up before the plan existed).
   */
  plan?: InputCell[][] | null;
}

function validate(ws: Worksheet, range: string, list: string[]): void {
  (ws as unknown as { dataValidations: { add(a: string, v: unknown): void } }).dataValidations.add(range, {
    type: 'list',
    allowBlank: true,
    formulae: [`"${list.join(',')}"`],
    showErrorMessage: true,
    // A warning, not a stop: the aliases (e.g. "Hyvinvointialue") are accepted too.
    errorStyle: 'warning',
    errorTitle: 'Tuntematon arvo',
    error: `Suositellut arvot: ${list.join(', ')}.`,
  });
}

/** The rows of a table: those given in `data`, else the template's defaults. */
function rowsOf(t: TemplateTable, data: InputData): InputCell[][] {
  switch (t.key) {
    case 'asetukset': {
      const given = data.settings ?? {};
      return templateSettingRows(data.year).map((r) => [r.label, r.key in given ? (given[r.key] ?? null) : r.value]);
    }
    case 'kunnat':
      return data.municipalities ?? t.rows;
    case 'henkilosto':
      return data.staff ?? t.rows;
    case 'ilmoittautumiset':
      return data.registrations ?? t.rows;
    case 'kustannukset':
      return data.costs ?? t.rows;
    case 'suunnitelma':
      return data.plan ?? t.rows;
  }
}

/** One input table at A1 of its own sheet: canonical headers, rows, formats, widths, lists and notes. */
function renderTable(wb: Workbook, t: TemplateTable, rows: InputCell[][], year: number, sheet: string = t.sheet): void {
  const ws = wb.addWorksheet(sheet);
  const data = rows.length ? rows : [t.headers.map(() => null)]; // an Excel table needs a data row
  ws.addTable({
    name: t.name,
    ref: 'A1',
    headerRow: true,
    totalsRow: false,
    style: { theme: 'TableStyleMedium2', showRowStripes: true },
    columns: t.headers.map((name) => ({ name, filterButton: true })),
    rows: data,
  } as never);
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2' }];
  t.widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  for (const [key, numFmt] of Object.entries(t.formats)) ws.getColumn(columnIndex(t.key, key) + 1).numFmt = numFmt!;
  for (const [key, list] of Object.entries(t.lists)) {
    const c = colLetters(columnIndex(t.key, key));
    validate(ws, `${c}2:${c}${Math.max(LIST_ROWS, data.length + 1000) + 1}`, list!);
  }
  if (t.notes) {
    // Settings: a list on the value cell of each coded setting, the explanation beside every row.
    templateSettingRows(year).forEach((r, i) => r.list && validate(ws, `B${i + 2}`, r.list));
    const head = ws.getCell(1, t.notes.column + 1);
    head.value = t.notes.header;
    head.font = { bold: true };
    t.notes.rows.forEach((note, i) => {
      const cell = ws.getCell(i + 2, t.notes!.column + 1);
      cell.value = note;
      cell.font = { italic: true, color: { argb: 'FF595959' } };
    });
    ws.getColumn(t.notes.column).width = 3;
    ws.getColumn(t.notes.column + 1).width = 100;
  }
}

/**
 * Adds the template's tables `keys` (required or optional) to an existing workbook, each on a new
 * sheet after the others, as the office.js host does inside Excel: a sheet of the same name (the
 * user's own) is left alone and the table goes on "Name (2)". Nothing else of the workbook changes.
 * Gives the names of the sheets added, in order.
 */
export function addTemplateTables(wb: Workbook, keys: (TableKey | OptionalTableKey)[], year: number): string[] {
  const taken = wb.worksheets.map((w) => w.name);
  const all = [...templateTables(year), ...templateOptionalTables(year)];
  return keys.flatMap((key) => {
    const t = all.find((x) => x.key === key);
    if (!t) return [];
    const sheet = freeSheetName(t.sheet, taken);
    taken.push(sheet);
    renderTable(wb, t, t.rows, year, sheet);
    return [sheet];
  });
}

/** An empty input workbook for `year`. */
export async function buildTemplate(year: number): Promise<Workbook> {
  return buildInputWorkbook({ year });
}

/** An input workbook with the given contents (the template's layout, lists and instructions). */
export async function buildInputWorkbook(data: InputData): Promise<Workbook> {
  const { year } = data;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'TYM-kustannustenjako';
  // Fixed dates: the same inputs give the same file contents.
  wb.created = new Date(Date.UTC(year - 1, 0, 1));
  wb.modified = wb.created;

  const help = wb.addWorksheet(INSTRUCTIONS_SHEET, { properties: { tabColor: { argb: INSTRUCTIONS_TAB_COLOR } } });
  help.getColumn(1).width = 130;
  INSTRUCTIONS.forEach((line, i) => {
    const cell = help.getCell(i + 1, 1);
    cell.value = line;
    if (i === 0) cell.font = { bold: true, size: 14 };
    else if (line && INSTRUCTION_HEADINGS.has(line)) cell.font = { bold: true, size: 12 };
    cell.alignment = { wrapText: true, vertical: 'top' };
  });

  const optional = data.plan === null ? [] : templateOptionalTables(year);
  for (const t of [...templateTables(year), ...optional]) renderTable(wb, t, rowsOf(t, data), year);

  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: 'visible' }];
  return wb;
}
