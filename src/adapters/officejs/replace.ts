/**
 * Carrying out a write plan in Excel, and putting the workbook back when a write fails.
 *
 * The figures go in the plan's syncs, each with API calculation suspended. The last of them also
 * reads the calculation mode; when it is not Automatic, Excel leaves the new formulas uncalculated
 * ("it is the developer's responsibility to re-calc", Application.suspendApiCalculationUntilNextSync
 * in the Excel JavaScript API reference), so the finish starts with a recalculation
 * (Application.calculate, ExcelApi 1.1, "Recalculate": the formulas changed or marked, and what
 * depends on them). The finish (one last sync) then removes the old outputs and their names, shows the
 * first new sheet and applies the finishing touches; if Excel refuses it, each step is tried once more
 * on its own and what still fails is reported, not thrown: every figure already stands.
 *
 * Recovery removes the new sheets and names and renames the old outputs back. It is tried again
 * after a pause when it fails: the user may have switched to another workbook window, where sheet
 * names, adding and deleting sheets fail until they come back (issues 6365, 771, 2078).
 */
import type { WriteOutcome } from '../../workbook/port';
import { type Inventory, inventoryOf, queueInventory } from './inventory';
import type { FinishStep } from './steps';
import { messageOf } from './hostErrors';
import { lower } from './tableRead';
import type { WritePlan } from './writePlan';
import { applyStep, type WriteState } from './writeSteps';

export type Run = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Pauses before each retry of a failed recovery (6.5 s in all: time to come back to the workbook). */
export const RECOVERY_PAUSES_MS = [500, 2_000, 4_000];

type Failure = WriteOutcome['finishingFailures'][number];

/** What a failed step of the finish concerns, for the report. */
function failureOf(step: FinishStep, error: unknown): Failure {
  const message = messageOf(error);
  switch (step.kind) {
    case 'deleteName':
      return { what: 'names', sheet: step.name, message };
    case 'deleteSheet':
      return { what: 'oldOutputs', sheet: step.sheet, message };
    case 'activate':
      return { what: 'show', sheet: step.sheet, message };
    default:
      return { what: step.kind, sheet: step.sheet, message };
  }
}

/**
 * Writes the figures (the plan's batches; a failure here is thrown, for recovery), then the finish,
 * which never throws: its failures are reported.
 */
export async function executeWrite(
  run: Run,
  plan: WritePlan,
  screenUpdating: boolean,
  sleep: (ms: number) => Promise<void>,
): Promise<Omit<WriteOutcome, 'otherMarkedSheets'>> {
  return run(async (ctx) => {
    const state: WriteState = { sheets: new Map() };
    const app = ctx.workbook.application;
    for (let i = 0; i < plan.batches.length; i++) {
      app.suspendApiCalculationUntilNextSync();
      if (screenUpdating) app.suspendScreenUpdatingUntilNextSync();
      for (const step of plan.batches[i]) applyStep(ctx, state, step);
      if (i === plan.batches.length - 1) app.load('calculationMode');
      await ctx.sync();
    }
    return finishWrite(ctx, state, plan, app.calculationMode !== 'Automatic', sleep);
  });
}

/**
 * The finish in one sync: recalculation first (when Excel is not on automatic calculation), then the
 * plan's finish steps. If Excel refuses it, each step still to do is tried again in a sync of its own
 * (what came before the failing one is applied: Office batches are not transactions), after the same
 * pauses as a recovery (the user may be in another workbook window, where deleting sheets fails:
 * issue 771), and what still fails is reported.
 */
async function finishWrite(
  ctx: Excel.RequestContext,
  state: WriteState,
  plan: WritePlan,
  recalculate: boolean,
  sleep: (ms: number) => Promise<void>,
): Promise<Omit<WriteOutcome, 'otherMarkedSheets'>> {
  const app = ctx.workbook.application;
  const finishingFailures: Failure[] = [];
  if (!recalculate && plan.finish.length === 0) return { recalculated: false, finishingFailures };
  if (recalculate) app.calculate('Recalculate');
  for (const step of plan.finish) applyStep(ctx, state, step);
  try {
    await ctx.sync();
    return { recalculated: recalculate, finishingFailures };
  } catch {
    // Old sheets and names already gone are not to be removed again.
    const sheets = ctx.workbook.worksheets.load('items/name');
    const names = ctx.workbook.names.load('items/name');
    let recalculated = recalculate;
    try {
      if (recalculate) app.calculate('Recalculate');
      await ctx.sync();
    } catch (error) {
      recalculated = false;
      finishingFailures.push({ what: 'recalculate', sheet: '', message: messageOf(error) });
      return { recalculated, finishingFailures: [...finishingFailures, ...plan.finish.map((step) => failureOf(step, error))] };
    }
    const hasSheet = new Set(sheets.items.map((s) => lower(s.name)));
    const hasName = new Set(names.items.map((n) => lower(n.name)));
    let todo = plan.finish.filter(
      (step) =>
        !(step.kind === 'deleteSheet' && !hasSheet.has(lower(step.sheet))) &&
        !(step.kind === 'deleteName' && !hasName.has(lower(step.name))),
    );
    for (let attempt = 0; todo.length > 0; attempt++) {
      const failed: { step: FinishStep; error: unknown }[] = [];
      for (const step of todo) {
        applyStep(ctx, state, step);
        try {
          await ctx.sync();
        } catch (error) {
          failed.push({ step, error });
        }
      }
      if (failed.length === 0 || attempt >= RECOVERY_PAUSES_MS.length) {
        finishingFailures.push(...failed.map((f) => failureOf(f.step, f.error)));
        break;
      }
      await sleep(RECOVERY_PAUSES_MS[attempt]);
      todo = failed.map((f) => f.step);
    }
    return { recalculated, finishingFailures };
  }
}

/**
 * One attempt at putting the workbook back as it was before a failed write: removes the new sheets
 * (marked ones, and unmarked empty ones whose mark never got written) and the names the write
 * added, renames the old outputs and their tables back, and restores the names it redefined.
 * Returns the inventory as found afterwards.
 */
async function recoverOnce(run: Run, plan: WritePlan, now: () => number): Promise<Inventory> {
  return run(async (ctx) => {
    const q = queueInventory(ctx);
    await ctx.sync();
    const before = inventoryOf(q, now());
    const names = new Set(before.sheets.map((s) => lower(s.name)));
    const item = (name: string) => q.sheets.items.find((s) => lower(s.name) === lower(name))!;
    const backedUp = new Set(plan.backups.filter((b) => names.has(lower(b.backup))).map((b) => lower(b.original)));
    // New sheets: created fresh, or standing where a backed-up sheet was.
    const made = before.sheets.filter((s) => plan.created.some((c) => lower(c) === lower(s.name)) || backedUp.has(lower(s.name)));
    const unmarked = made
      .filter((s) => s.mark !== 'valid')
      .map((s) => ({ s, used: item(s.name).getUsedRangeOrNullObject().load('address') }));
    if (unmarked.length > 0) await ctx.sync();
    for (const s of made) if (s.mark === 'valid') item(s.name).delete();
    for (const { s, used } of unmarked) if (used.isNullObject) item(s.name).delete();
    for (const b of plan.backups) {
      const found = before.sheets.find((s) => lower(s.name) === lower(b.backup));
      if (!found) continue;
      const sheet = item(b.backup);
      sheet.name = b.original;
      for (const t of b.tables)
        if (found.tables.some((n) => lower(n) === lower(t.backup))) sheet.tables.getItem(t.backup).name = t.original;
    }
    const current = new Set(before.names.map((n) => lower(n.name)));
    for (const n of plan.names) {
      const has = current.has(lower(n.name));
      if (n.previous === null && has) ctx.workbook.names.getItem(n.name).delete();
      else if (n.previous !== null && has) ctx.workbook.names.getItem(n.name).formula = n.previous;
      else if (n.previous !== null) ctx.workbook.names.add(n.name, n.previous);
    }
    await ctx.sync();
    const again = queueInventory(ctx);
    await ctx.sync();
    return inventoryOf(again, now());
  });
}

/** recoverOnce, tried again after each pause while it fails; throws the last failure. */
export async function recover(run: Run, plan: WritePlan, now: () => number, sleep: (ms: number) => Promise<void>): Promise<Inventory> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await recoverOnce(run, plan, now);
    } catch (error) {
      if (attempt >= RECOVERY_PAUSES_MS.length) throw error;
      await sleep(RECOVERY_PAUSES_MS[attempt]);
    }
  }
}

/**
 * Whether this workbook's window is the active one: workbook.getActiveCell (ExcelApi 1.7) fails with
 * InvalidSelection while another workbook is (issue 5319), or a shape is selected. Null when the
 * probe itself fails otherwise.
 */
export async function isWindowActive(run: Run): Promise<boolean | null> {
  try {
    await run(async (ctx) => {
      ctx.workbook.getActiveCell().load('address');
      await ctx.sync();
    });
    return true;
  } catch (error) {
    return (error as { code?: unknown })?.code === 'InvalidSelection' ? false : null;
  }
}
