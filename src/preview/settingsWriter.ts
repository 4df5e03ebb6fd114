/**
 * Writes one setting into the Asetukset table of an exceljs workbook (the preview's
 * Host.updateSetting): the Arvo cell of the setting's row, or a new row at the end of the table.
 */
import type { Workbook } from 'exceljs';
import { SETTINGS, type SettingKey } from '../domain/contract';
import { tablesOf } from '../adapters/exceljs/excelJsWorkbook';
import { locateSetting } from '../domain/contract';
import type { SettingValue } from '../app/host';
import { parseAddress } from './grid';

interface TableModelLike {
  name: string;
  tableRef?: string;
  ref?: string;
  headerRow?: boolean;
  totalsRow?: boolean;
}

function findTable(wb: Workbook, name: string) {
  const key = name.toLowerCase();
  for (const ws of wb.worksheets) {
    for (const t of tablesOf(ws)) {
      const m = ((t as unknown as { table?: TableModelLike }).table ?? (t as unknown as { model: TableModelLike }).model) as TableModelLike;
      if (m.name.toLowerCase() === key) return { ws, table: t, model: m };
    }
  }
  return null;
}

export function writeSetting(wb: Workbook, tableName: string, key: SettingKey, value: SettingValue): void {
  const found = findTable(wb, tableName);
  if (!found) throw new Error(`Table ${tableName} not found`);
  const { ws, table, model } = found;
  const ref = (model.tableRef ?? model.ref ?? '').split(':');
  const tl = parseAddress(ref[0]);
  const br = parseAddress(ref[1] ?? ref[0]);
  if (!tl || !br || model.headerRow === false) throw new Error(`Table ${tableName} has no header row`);
  const width = br.col - tl.col + 1;
  const lastData = br.row - (model.totalsRow ? 1 : 0);
  const read = (r: number) =>
    Array.from({ length: width }, (_, j) => {
      const v = ws.getCell(r, tl.col + j).value as unknown;
      return v && typeof v === 'object' && 'richText' in (v as object)
        ? (v as { richText: { text: string }[] }).richText.map((x) => x.text).join('')
        : v;
    });
  const headers = read(tl.row);
  const body: unknown[][] = [];
  for (let r = tl.row + 1; r <= lastData; r++) body.push(read(r));
  const { settingCol, valueCol, row } = locateSetting(headers, body, key);
  if (row >= 0) {
    const cell = ws.getCell(tl.row + 1 + row, tl.col + valueCol);
    // A string is stored as a string value: exceljs never turns it into a formula.
    cell.value = value;
    return;
  }
  const values: (string | number | null)[] = Array.from({ length: width }, () => null);
  values[settingCol] = SETTINGS[key].names[0];
  values[valueCol] = value;
  table.addRow(values as never);
  table.commit();
}
