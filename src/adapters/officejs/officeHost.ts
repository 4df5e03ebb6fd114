/**
 * The task pane's Host inside Excel: select a cell, add the missing input tables, write one setting.
 * Lives in the adapters folder so Excel.run stays there. The Excel.run function is injectable so the
 * batches can be checked with office-addin-mock.
 */
import { SETTINGS, TABLES, TABLE_KEYS, headerKey, tableDef, type SettingKey, type TableKey } from '../../domain/contract';
import {
  freeSheetName,
  templateOptionalTables,
  templateRows as pureTemplateRows,
  templateTables,
  type TemplateTable,
} from '../../workbook/template';
import { colLetters } from '../../workbook/formula';
import { locateSetting } from '../../domain/contract';
import type { Host, SettingValue } from '../../app/host';

/** Excel.run with options (tests inject a fake). */
type Run = <T>(options: Excel.RunOptions, batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface OfficeHostOptions {
  run?: Run;
  displayLanguage?: string;
  theme?: 'light' | 'dark';
}

/** Rows a new input table starts with (canonical column order; see src/workbook/template.ts). */
export function templateRows(key: TableKey, year: number): (string | number)[][] {
  const rows = pureTemplateRows(key, year).map((r) => r.map((v) => v ?? ''));
  // An Excel table needs one data row; an empty one is skipped by the parser.
  return rows.length ? rows : [TABLES[key].columns.map(() => '')];
}

/**
 * Rows of a new optional table: the template's (none for the plan), else one blank row, as Excel
 * tables need one; the parser skips it.
 */
function optionalRows(t: TemplateTable): (string | number)[][] {
  return t.rows.length ? t.rows.map((r) => r.map((v) => v ?? '')) : [t.headers.map(() => '')];
}

/**
 * Number formats of an optional table's data cells, as the exceljs template renders them: the
 * template's column formats (the plan's Osallistujia as a count), General elsewhere. Not "@": a
 * count or year typed into a text cell would stay text, which the parser refuses.
 */
export function optionalFormats(t: TemplateTable): string[] {
  return tableDef(t.key).columns.map((c) => t.formats[c.key] ?? 'General');
}

/**
 * Number formats of a new required table's rows: the words we write are text ("@" keeps them out of
 * Excel's formula and date parsing); every other cell, blank ones included, takes the template's
 * column format (General where it has none), so what the user types later into the blank row (an
 * FTE, a date, an amount) is stored as a number or a date, not as text the parser must refuse.
 */
export function requiredFormats(key: TableKey, year: number, rows: (string | number)[][]): string[][] {
  const formats = templateTables(year).find((t) => t.key === key)?.formats ?? {};
  const columns = TABLES[key].columns;
  return rows.map((r) => r.map((v, i) => (typeof v === 'string' && v !== '' ? '@' : (formats[columns[i].key] ?? 'General'))));
}

/** A sheet name not yet used (one home: src/workbook/template.ts, shared with the preview). */
export { freeSheetName };

export function createOfficeHost(options: OfficeHostOptions = {}): Host {
  const excelRun: Run = options.run ?? ((o, batch) => Excel.run(o, batch));
  // A click in the pane while the user is still typing in a cell waits for the edit instead of failing.
  const run = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => excelRun({ delayForCellEdit: true }, batch);

  /**
   * Adds the required tables `missing` and the optional ones (the participant plan) that the
   * workbook has under none of their names, each on a new sheet; gives the plan's sheet (null when
   * none was added). Never changes an existing table or sheet.
   */
  const addTables = (missing: TableKey[], year: number) =>
    run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      sheets.load('items/name');
      // The optional tables (the participant plan) are not in `found`: the workbook itself says
      // whether one is there, under any of its names, in the same round trip.
      const tables = ctx.workbook.tables;
      tables.load('items/name');
      await ctx.sync();
      const taken = sheets.items.map((s) => s.name);
      const tableNames = new Set(tables.items.map((t) => headerKey(t.name)));
      const optional = templateOptionalTables(year).filter((t) => !tableDef(t.key).names.some((n) => tableNames.has(headerKey(n))));
      const out = { plan: null as string | null };
      if (!missing.length && !optional.length) return out;
      let first: Excel.Worksheet | null = null;
      const add = (sheet: string, name: string, headers: string[], rows: (string | number)[][], formats: string[][]) => {
        // A sheet of that name without the table (the user's own) is left alone: the table goes on "Name (2)".
        const free = freeSheetName(sheet, taken);
        taken.push(free);
        const ws = sheets.add(free);
        first = first ?? ws;
        const range = ws.getRange(`A1:${colLetters(headers.length - 1)}${rows.length + 1}`);
        range.numberFormat = [headers.map(() => '@'), ...formats];
        range.values = [headers, ...rows];
        const table = ws.tables.add(range, true);
        table.name = name;
        range.format.autofitColumns();
        return free;
      };
      for (const key of missing) {
        const headers = TABLES[key].columns.map((c) => c.names[0]);
        const rows = templateRows(key, year);
        add(TABLES[key].sheet, TABLES[key].names[0], headers, rows, requiredFormats(key, year, rows));
      }
      for (const t of optional) {
        const sheet = add(
          t.sheet,
          t.name,
          t.headers,
          optionalRows(t),
          optionalRows(t).map(() => optionalFormats(t)),
        );
        if (t.key === 'suunnitelma') out.plan = sheet;
      }
      (first as Excel.Worksheet | null)?.activate();
      await ctx.sync();
      return out;
    });

  return {
    displayLanguage: options.displayLanguage ?? 'fi-FI',
    theme: options.theme,

    async selectCell(sheet: string, address: string): Promise<void> {
      await run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(address).select();
        await ctx.sync();
      });
    },

    async createTemplate(found: Partial<Record<TableKey, string | null>>, year: number): Promise<void> {
      await addTables(
        TABLE_KEYS.filter((k) => !found[k]),
        year,
      );
    },

    async addPlanTable(year: number): Promise<string | null> {
      return (await addTables([], year)).plan;
    },

    async updateSetting(key: SettingKey, value: SettingValue, tableName: string): Promise<void> {
      await run(async (ctx) => {
        const table = ctx.workbook.tables.getItem(tableName);
        const header = table.getHeaderRowRange().load('values');
        const body = table.getDataBodyRange().load('values');
        await ctx.sync();
        const { settingCol, valueCol, row } = locateSetting(header.values[0], body.values, key);
        const format = typeof value === 'string' ? '@' : 'General';
        const cellValue = value ?? '';
        if (row >= 0) {
          const cell = body.getCell(row, valueCol);
          cell.numberFormat = [[format]];
          cell.values = [[cellValue]];
        } else {
          const width = header.values[0].length;
          const values: (string | number)[] = Array.from({ length: width }, () => '');
          values[settingCol] = SETTINGS[key].names[0];
          const added = table.rows.add(undefined, [values.map(() => '')]);
          const range = added.getRange();
          range.numberFormat = [values.map((_, i) => (i === valueCol ? format : '@'))];
          values[valueCol] = cellValue;
          range.values = [values];
        }
        await ctx.sync();
      });
    },
  };
}

/** Office's theme as light or dark, from the body background colour of the Office theme. */
export function officeThemeKind(bodyBackgroundColor: string | undefined): 'light' | 'dark' {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(bodyBackgroundColor ?? '');
  if (!m) return 'light';
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => parseInt(h, 16));
  // Rec. 601 luma: below the middle grey the theme is dark.
  return 0.299 * r + 0.587 * g + 0.114 * b < 128 ? 'dark' : 'light';
}
