/**
 * The write as a plan: every step replaceOutputs takes, as plain data (steps.ts), in order, with
 * its request bytes, packed into syncs under the payload limit. Pure (no office.js):
 * test/adapters/officejs/writePlan.test.ts checks the order and the packing without any Excel;
 * writeSteps.ts turns each step into office.js calls.
 *
 * Order: (1) re-check each sheet the write will touch, inside the batch; (2) show a sheet that stays,
 * so that no active sheet is renamed (on the web that raises an "Invalid sheet" dialog: issue 3218
 * was reproduced with the docs' sample that renames the active sheet); (3) rename the old outputs and
 * their tables aside; (4) add the new sheets under their final names with the owner mark, and the
 * workbook-level names they own; (5) each table's cells, then the table over them (sheetCells.ts says
 * why); (6) the other cells: number formats then values and formulas, split by rows only where a sync
 * would pass the limit; (7) styles and column widths. Then the finish, in a last sync of its own once
 * every figure stands: (8) delete the names that pointed only into the old outputs, the old outputs and
 * our leftover backups, show the first new sheet, (9) the finishing touches (freeze panes, print
 * set-up, tab colour). Each touch has failed on some Excel builds (issues 2196, 1860, 1345); a failure
 * in the finish must not undo the figures, and an old output left behind keeps its "~TYM" name, so
 * the next run removes it.
 */
import { SheetConflictError, TableNameConflictError } from '../../workbook/port';
import type { SheetSpec } from '../../workbook/sheetSpec';
import { type Inventory, ownership, type SheetInfo, type WorkbookName, sheetOfReference } from './inventory';
import { MIN_SPLIT_ROOM_BYTES, OP_BASE_BYTES, SYNC_BASE_BYTES, WRITE_FIXED_BYTES } from './payload';
import {
  cellsOutsideTables,
  cosmeticBytes as touchBytes,
  cosmeticSteps,
  formatSteps,
  gridWrites,
  tableSteps,
  tablesInOrder,
} from './sheetCells';
import { absoluteReference, type FinishStep, type GridWrite, type Sized, small, type Step } from './steps';
import { lower } from './tableRead';

export { cellFormat, cellInput, cellsOutsideTables, tablesInOrder, widthToPoints } from './sheetCells';
export type { Step } from './steps';

export interface Backup {
  original: string;
  backup: string;
  tables: { original: string; backup: string }[];
}

export interface WritePlan {
  /** Output sheets renamed aside: original name -> backup name, with their tables. */
  backups: Backup[];
  /** The add-in's own leftover backups (of an interrupted write), deleted at the end. */
  leftovers: string[];
  /** Output names that did not exist before (created new). */
  created: string[];
  /** Workbook-level names the write defines, with what they referred to before (null: new). */
  names: { name: string; previous: string | null }[];
  /** Marked sheets that are not outputs (a user's copy of one): kept. */
  otherMarked: string[];
  /** The syncs that write the figures (and put the new sheets in place). */
  batches: Step[][];
  /** Estimated request bytes of each batch (what it is packed by). */
  batchBytes: number[];
  /** The finish, for a last sync of its own: old outputs and names removed, first sheet shown, touches. */
  finish: FinishStep[];
  /** Estimated request bytes of that last sync (with a recalculation). */
  finishBytes: number;
}

export interface PlanOptions {
  /** Maximum estimated bytes per sync request. */
  payloadLimit: number;
  /** Suffix for temporary names. */
  token: string;
  /** ExcelApi 1.9 (page layout). */
  pageLayout: boolean;
  /** Every name an output sheet can have (besides the sheets written now): marked sheets of these names are replaced. */
  outputNames: readonly string[];
  /** The workbook counts dates from 1904. */
  date1904?: boolean;
}

/** Refuses before anything is changed: a sheet or table that is not ours holds an output name. */
function checkConflicts(specs: SheetSpec[], sheets: SheetInfo[], replaced: Set<SheetInfo>): void {
  const existing = new Map(sheets.map((s) => [lower(s.name), s]));
  for (const spec of specs) {
    const s = existing.get(lower(spec.name));
    if (s && !replaced.has(s)) throw new SheetConflictError(s.name);
  }
  // Table names are workbook-wide: another sheet's table of the same name would stop the batch midway.
  for (const t of specs.flatMap((spec) => spec.tables ?? [])) {
    const holder = sheets.find((s) => !replaced.has(s) && s.tables.some((n) => lower(n) === lower(t.name)));
    if (holder) throw new TableNameConflictError(t.name, holder.name);
  }
}

function planBackups(sheets: SheetInfo[], replace: SheetInfo[], token: string): Backup[] {
  const usedNames = new Set(sheets.map((s) => lower(s.name)));
  const usedTables = new Set(sheets.flatMap((s) => s.tables.map(lower)));
  return replace.map((s, i) => {
    let backup = `~TYM${i + 1}~${token}`.slice(0, 31);
    while (usedNames.has(lower(backup))) backup = `~${backup}`.slice(0, 31);
    usedNames.add(lower(backup));
    const tables = s.tables.map((t, j) => {
      let b = `_TYMVANHA_${token}_${i + 1}_${j + 1}`;
      while (usedTables.has(lower(b))) b = `_${b}`;
      usedTables.add(lower(b));
      return { original: t, backup: b };
    });
    return { original: s.name, backup, tables };
  });
}

/**
 * Names the new sheets own (added, or redefined when the name exists), and the existing names that
 * pointed only into sheets this write removes (deleted at the end, so none is left as #REF!).
 */
function planNames(specs: SheetSpec[], names: WorkbookName[], removed: Set<string>) {
  const existing = new Map(names.map((n) => [lower(n.name), n]));
  const define: Step[] = [];
  const defined: WritePlan['names'] = [];
  for (const spec of specs) {
    for (const n of spec.names ?? []) {
      const [rows, cols] = [n.rows ?? 1, n.cols ?? 1];
      const old = existing.get(lower(n.name));
      if (old)
        define.push({
          kind: 'redefineName',
          name: old.name,
          formula: absoluteReference(spec.name, n.row, n.col, rows, cols),
          comment: n.comment ?? '',
        });
      else define.push({ kind: 'addName', name: n.name, sheet: spec.name, row: n.row, col: n.col, rows, cols, comment: n.comment ?? '' });
      defined.push({ name: old?.name ?? n.name, previous: old?.formula ?? null });
    }
  }
  const redefined = new Set(defined.map((d) => lower(d.name)));
  const stale = names.filter((n) => {
    if (redefined.has(lower(n.name))) return false;
    const target = sheetOfReference(n.formula);
    return target !== null && removed.has(lower(target));
  });
  return { define, defined, drop: stale };
}

/**
 * Everything replaceOutputs queues, packed into syncs. Throws SheetConflictError or
 * TableNameConflictError before any step when an output name is taken by a sheet or table that is not ours.
 */
export function planWrite(specs: SheetSpec[], inv: Pick<Inventory, 'sheets' | 'names'>, options: PlanOptions): WritePlan {
  const sheets = inv.sheets;
  const owned = ownership(sheets, [...options.outputNames, ...specs.filter((s) => !s.input).map((s) => s.name)]);
  checkConflicts(specs, sheets, new Set(owned.replace));
  const existing = new Set(sheets.map((s) => lower(s.name)));
  const backups = planBackups(sheets, owned.replace, options.token);
  const leftovers = owned.leftovers.map((s) => s.name);
  const created = specs.filter((spec) => !existing.has(lower(spec.name))).map((s) => s.name);
  const removed = new Set([...owned.replace, ...owned.leftovers].map((s) => lower(s.name)));
  const names = planNames(specs, inv.names, removed);

  // The prologue is always one sync: the old sheets' getItem proxies are used only within it, since
  // in a later sync office.js would look them up by name again.
  // 1. Re-check the sheet list inside the batch: getItem fails if a sheet is gone, and names.getItem
  //    fails if it lost its mark, so a stale list stops the batch before any change.
  const prologue: Sized[] = [...owned.replace, ...owned.leftovers].map((s) => small({ kind: 'checkOwn', sheet: s.name }, 3));
  // 2. Show a sheet that stays before renaming the old outputs (one of them may be the active sheet).
  const stays = sheets.find((s) => s.visible && !removed.has(lower(s.name)));
  if (backups.length > 0 && stays) prologue.push(small({ kind: 'activateExisting', sheet: stays.name }));
  // 3. Rename the old outputs and their tables aside (frees the sheet and table names).
  for (const b of backups)
    prologue.push(small({ kind: 'renameAside', sheet: b.original, backup: b.backup, tables: b.tables }, 1 + 2 * b.tables.length));
  // 4. New sheets under their final names, marked as ours (add() fails if a user took the name), and
  //    their names, before any formula that uses them is written.
  //    An input sheet the run adds (SheetSpec.input, the empty participant plan) is not marked.
  for (const spec of specs) prologue.push(small({ kind: 'addSheet', sheet: spec.name, ...(spec.input ? { input: true } : {}) }, 4));
  for (const step of names.define) prologue.push(small(step, 3));

  const body: (Sized | GridWrite)[] = [];
  const date1904 = options.date1904 ?? false;
  // 5. Each table's cells while they are still a plain range, then the table over them.
  for (const { spec, table } of tablesInOrder(specs)) body.push(...tableSteps(spec, table, date1904));
  // 6-7. The other cells (after the tables, so they may refer to Table[Column]), styles and widths.
  for (const spec of specs) {
    for (const rect of cellsOutsideTables(spec)) body.push(...gridWrites(spec, rect, date1904));
    body.push(...formatSteps(spec));
  }
  const { batches, batchBytes } = pack(prologue, body, options.payloadLimit);
  // 8. Only now drop the old outputs' names and sheets, and show the first new sheet. The old sheets
  //    are looked up again by their backup names: this is a later sync than the rename, and office.js
  //    sends a getItem by its name again, which by now is one of the new sheets.
  const finish: FinishStep[] = [...names.drop.map((n): FinishStep => ({ kind: 'deleteName', name: n.name }))];
  for (const name of [...backups.map((b) => b.backup), ...leftovers]) finish.push({ kind: 'deleteSheet', sheet: name });
  const first = specs.find((s) => !s.input);
  if (first) finish.push({ kind: 'activate', sheet: first.name });
  // 9. The finishing touches.
  finish.push(...specs.flatMap((spec) => cosmeticSteps(spec, options.pageLayout)));
  const finishBytes = SYNC_BASE_BYTES + OP_BASE_BYTES + finish.reduce((n, step) => n + touchBytes(step), 0);
  return {
    backups,
    leftovers,
    created,
    names: names.defined,
    otherMarked: owned.others.map((s) => s.name),
    batches,
    batchBytes,
    finish,
    finishBytes,
  };
}

/**
 * Packs steps into syncs under the payload limit, in order; the first sync holds the whole prologue.
 * A grid write that does not fit the room left in a sync is split by rows: its first rows fill that
 * sync, the rest start the next ones.
 */
export function pack(prologue: Sized[], items: (Sized | GridWrite)[], limit: number): { batches: Step[][]; batchBytes: number[] } {
  const batches: Step[][] = [prologue.map((s) => s.step)];
  const batchBytes = [SYNC_BASE_BYTES + prologue.reduce((n, o) => n + o.bytes, 0)];
  const newBatch = () => {
    batches.push([]);
    batchBytes.push(SYNC_BASE_BYTES);
  };
  const place = (op: Sized) => {
    const last = batches.length - 1;
    if (batchBytes[last] + op.bytes > limit && batches[last].length > 0) newBatch();
    batches[batches.length - 1].push(op.step);
    batchBytes[batchBytes.length - 1] += op.bytes;
  };
  for (const item of items) {
    if ('step' in item) {
      place(item);
      continue;
    }
    const { rowBytes, slice } = item;
    let start = 0;
    while (start < rowBytes.length) {
      let room = limit - batchBytes[batches.length - 1] - WRITE_FIXED_BYTES;
      if (room < MIN_SPLIT_ROOM_BYTES && batches[batches.length - 1].length > 0) {
        newBatch();
        room = limit - SYNC_BASE_BYTES - WRITE_FIXED_BYTES;
      }
      let end = start;
      let bytes = 2;
      while (end < rowBytes.length && (end === start || bytes + rowBytes[end] <= room)) bytes += rowBytes[end++];
      place({ bytes: bytes + WRITE_FIXED_BYTES, step: slice(start, end) });
      start = end;
    }
  }
  return { batches, batchBytes };
}

/**
 * The specs still to write after a failed attempt: an input sheet (SheetSpec.input, the empty plan)
 * that stands with its table was added by that attempt (Excel's batches are not transactions) and is
 * kept, not written again; a user's sheet of that name without the table is still a conflict.
 */
export function notYetWritten(specs: SheetSpec[], inv: Pick<Inventory, 'sheets'>): SheetSpec[] {
  return specs.filter((spec) => {
    if (!spec.input) return true;
    const sheet = inv.sheets.find((s) => lower(s.name) === lower(spec.name));
    return !sheet || !(spec.tables ?? []).every((t) => sheet.tables.some((n) => lower(n) === lower(t.name)));
  });
}
