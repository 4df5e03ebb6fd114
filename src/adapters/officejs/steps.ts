/**
 * The steps of a write, as plain data (what writePlan.ts plans and writeSteps.ts carries out), and
 * what they weigh in a request.
 */
import { a1, onSheet, range } from '../../workbook/formula';
import type { TableSpec } from '../../workbook/sheetSpec';
import { BYTES_PER_ACTION, OP_BASE_BYTES } from './payload';
import type { OfficeStyle } from './styles';

export type CellInput = string | number | boolean;

/** One thing the write does in Excel. Sheets are named as they are called when the step runs. */
export type Step =
  | { kind: 'checkOwn'; sheet: string }
  | { kind: 'activateExisting'; sheet: string }
  | { kind: 'renameAside'; sheet: string; backup: string; tables: { original: string; backup: string }[] }
  | { kind: 'addSheet'; sheet: string; /** An input sheet (SheetSpec.input) gets no owner mark. */ input?: true }
  | { kind: 'addName'; name: string; sheet: string; row: number; col: number; rows: number; cols: number; comment: string }
  | { kind: 'redefineName'; name: string; formula: string; comment: string }
  | { kind: 'addTable'; sheet: string; table: TableSpec }
  | { kind: 'numberFormat'; sheet: string; row: number; col: number; width: number; rows: string[][] }
  | { kind: 'formulas'; sheet: string; row: number; col: number; width: number; rows: CellInput[][] }
  | { kind: 'style'; sheet: string; r0: number; c0: number; r1: number; c1: number; style: OfficeStyle }
  | { kind: 'columnWidth'; sheet: string; c0: number; c1: number; points: number }
  // The finish, in a last sync of its own after every figure is written, whose failures are reported,
  // not fatal: removing the old outputs and their names, showing the first new sheet, the touches.
  | { kind: 'deleteName'; name: string }
  | { kind: 'deleteSheet'; sheet: string }
  | { kind: 'activate'; sheet: string }
  | { kind: 'freeze'; sheet: string; rows: number; columns: number }
  | { kind: 'print'; sheet: string; title: string; landscape: boolean; fitToWidth: boolean; repeatRows: number; onePage?: boolean }
  | { kind: 'tabColor'; sheet: string; color: string };

export type CosmeticStep = Extract<Step, { kind: 'freeze' | 'print' | 'tabColor' }>;
export type FinishStep = CosmeticStep | Extract<Step, { kind: 'deleteName' | 'deleteSheet' | 'activate' }>;

/** A step and its request bytes. */
export interface Sized {
  bytes: number;
  step: Step;
}

/** A 2-D write the packing may split by rows (rowBytes: each row's request bytes). */
export interface GridWrite {
  rowBytes: number[];
  /** The step for rows [start, end). */
  slice: (start: number, end: number) => Step;
}

export const small = (step: Step, actions = 1): Sized => ({ bytes: OP_BASE_BYTES + BYTES_PER_ACTION * actions, step });

/** "Taul 1", 0, 1, 2, 1 -> "='Taul 1'!$B$1:$B$2" (a name's reference). */
export function absoluteReference(sheet: string, row: number, col: number, rows = 1, cols = 1): string {
  return `=${onSheet(sheet, rows === 1 && cols === 1 ? a1(row, col, true) : range(row, col, row + rows - 1, col + cols - 1))}`;
}
