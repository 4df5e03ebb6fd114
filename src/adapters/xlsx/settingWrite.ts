/**
 * One setting written into the user's Asetukset table, in place (the preview's "save this setting"):
 * the value cell of the setting's row, or a new row at the end of the table (the table grown by one
 * row). Only the sheet's SheetML and, for a new row, the table part change.
 */
import { locateSetting, SETTINGS, type SettingKey } from '../../domain/contract';
import { a1 } from '../../workbook/formula';
import { CellEditError, resizeTable, writeCells, type CellWrite } from './cellEdit';
import type { ReadContext } from './readTables';
import { readRawWorkbook } from './readTables';

export async function planSettingWrite(
  ctx: ReadContext,
  tableName: string,
  key: SettingKey,
  value: string | number | null,
): Promise<Map<string, string>> {
  const key_ = tableName.toLowerCase();
  const part = ctx.tables.find((t) => t.name.toLowerCase() === key_);
  if (!part) throw new Error(`Table ${tableName} not found`);
  if (part.headerRowCount === 0) throw new CellEditError(`Table ${tableName} has no header row`);
  const sheet = ctx.wb.sheets[part.sheetIndex];
  const raw = (await readRawWorkbook({ ...ctx, tables: [part] })).tables[0];
  const { settingCol, valueCol, row } = locateSetting(
    raw.headers,
    raw.rows.map((r) => r.map((c) => c.value)),
    key,
  );
  const put = new Map<string, string>();
  const writes: CellWrite[] = [];
  if (row >= 0) writes.push({ row: raw.headerRow + 1 + row, col: raw.firstColumn + valueCol, value });
  else {
    // A new row just below the table: only when the table has no totals row and that row is free.
    if (part.totalsRowCount > 0) throw new CellEditError(`Table ${tableName} has a totals row`);
    if (raw.below) throw new CellEditError(`the row below table ${tableName} is not empty`);
    const at = part.box.bottom + 1;
    writes.push({ row: at, col: raw.firstColumn + settingCol, value: SETTINGS[key].names[0] });
    writes.push({ row: at, col: raw.firstColumn + valueCol, value });
    const ref = `${a1(part.box.top - 1, part.box.left - 1)}:${a1(at - 1, part.box.right - 1)}`;
    put.set(part.part, resizeTable(await ctx.pkg.text(part.part), ref));
  }
  put.set(sheet.part!, writeCells(await ctx.pkg.text(sheet.part!), writes));
  return put;
}
