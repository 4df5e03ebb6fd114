/**
 * Table parts (Excel tables, ListObjects): reading every table of a package with its sheet, range,
 * header and totals rows and column names; and writing the table part of an output table.
 */
import type { TableSpec } from '../../workbook/sheetSpec';
import { a1 } from '../../workbook/formula';
import { OpcPackage, parseOrDamaged, relType } from './opc';
import { parseCellRef } from './sheetScanner';
import type { WorkbookInfo } from './workbookPart';
import { attr, child, childrenNamed, escapeAttr, XML_DECLARATION } from './xml';

export interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function parseBox(ref: string): Box | undefined {
  const [a, b = a] = ref.replace(/^.*!/, '').split(':');
  const p = parseCellRef(a);
  const q = parseCellRef(b);
  if (!p || !q) return undefined;
  return { top: Math.min(p[0], q[0]), left: Math.min(p[1], q[1]), bottom: Math.max(p[0], q[0]), right: Math.max(p[1], q[1]) };
}

export const overlaps = (a: Box, b: Box): boolean => a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
export const contains = (b: Box, row: number, col: number): boolean => row >= b.top && row <= b.bottom && col >= b.left && col <= b.right;

export interface TablePart {
  part: string;
  /** Index of the sheet in the workbook's sheet list. */
  sheetIndex: number;
  id: number;
  /** The name formulas use (displayName; `name` when a producer wrote only that). */
  name: string;
  box: Box;
  headerRowCount: number;
  totalsRowCount: number;
  columns: string[];
}

/** Every table of every worksheet, in sheet order and then in the order of each sheet's relationships. */
export async function readTableParts(pkg: OpcPackage, wb: WorkbookInfo): Promise<TablePart[]> {
  const out: TablePart[] = [];
  for (let i = 0; i < wb.sheets.length; i++) {
    const sheet = wb.sheets[i];
    if (!sheet.part || sheet.kind !== 'worksheet' || !pkg.has(sheet.part)) continue;
    for (const rel of await pkg.rels(sheet.part)) {
      if (relType(rel.type) !== 'table' || !rel.part || !pkg.has(rel.part)) continue;
      const root = parseOrDamaged(await pkg.text(rel.part), rel.part);
      const box = parseBox(attr(root, 'ref') ?? '');
      if (!box) continue;
      const cols = child(root, 'tableColumns');
      out.push({
        part: rel.part,
        sheetIndex: i,
        id: Number(attr(root, 'id') ?? 0),
        name: attr(root, 'displayName') ?? attr(root, 'name') ?? '',
        box,
        headerRowCount: Number(attr(root, 'headerRowCount') ?? 1),
        totalsRowCount: Number(attr(root, 'totalsRowCount') ?? 0),
        columns: (cols ? childrenNamed(cols, 'tableColumn') : []).map((c) => attr(c, 'name') ?? ''),
      });
    }
  }
  return out;
}

/** A column name as a table part stores it: control characters (a line break) as `_xHHHH_`. */
function columnNameText(h: string): string {
  // eslint-disable-next-line no-control-regex -- these are exactly the characters XML cannot carry
  return h.replace(/[\u0000-\u001f]/g, (c) => `_x${c.charCodeAt(0).toString(16).padStart(4, '0')}_`);
}

/** The table part of an output table: header row, the data rows below it, filter buttons, a light style. */
export function tablePartXml(t: TableSpec, id: number, mainNs: string): string {
  const rows = Math.max(1, t.rowCount); // an Excel table needs at least one data row
  const ref = `${a1(t.row, t.col)}:${a1(t.row + rows, t.col + t.headers.length - 1)}`;
  const name = escapeAttr(t.name);
  // Column names are stored like cell text (a line break as _x000a_), and must equal the header cells.
  const columns = t.headers.map((h, j) => `<tableColumn id="${j + 1}" name="${escapeAttr(columnNameText(h))}"/>`).join('');
  return (
    XML_DECLARATION +
    `<table xmlns="${mainNs}" id="${id}" name="${name}" displayName="${name}" ref="${ref}" totalsRowShown="0">` +
    `<autoFilter ref="${ref}"/>` +
    `<tableColumns count="${t.headers.length}">${columns}</tableColumns>` +
    '<tableStyleInfo name="TableStyleLight9" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/>' +
    '</table>'
  );
}
