/**
 * Carrying out a write plan in Excel, and putting the workbook back when a write fails.
 *
 * The data goes in the plan's syncs, each with API calculation suspended. The last data sync also
 * reads the calculation mode; when it is not Automatic, Excel leaves the new formulas uncalculated
 * ("it is the developer's responsibility to re-calc", Application.suspendApiCalculationUntilNextSync
 * in the Excel JavaScript API reference), so a last sync recalculates (Application.calculate,
 * ExcelApi 1.1, "Recalculate": the formulas changed or marked, and what depends on them). The same
 * last sync carries the finishing touches (freeze panes, print set-up, tab colour); if Excel refuses
 * it, each touch is tried once more on its own and what still fails is reported, not thrown.
 *
 * Recovery removes the new sheets and names and renames the old outputs back. It is tried again
 * after a pause when it fails: the user may have switched to another workbook window, where sheet
 * names, adding and deleting sheets fail until they come back (issues 6365, 771, 2078).
 */
import type { WriteOutcome } from '../../workbook/port';
import { type Inventory, inventoryOf, queueInventory } from './inventory';
import type { CosmeticStep } from './steps';
import { messageOf } from './hostErrors';
import { lower } from './tableRead';
import type { WritePlan } from './writePlan';
import { applyStep, type WriteState } from './writeSteps';

export type Run = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Pauses before each retry of a failed recovery (6.5 s in all: time to come back to the workbook). */
export const RECOVERY_PAUSES_MS = [500, 2_000, 4_000];

const COSMETIC_WHAT: Record<CosmeticStep['kind'], WriteOutcome['cosmeticFailures'][number]['what']> = { freeze: 'freeze', print: 'print', tabColor: 'tabColor' };

export async function executeWrite(run: Run, plan: WritePlan, screenUpdating: boolean): Promise<Omit<WriteOutcome, 'otherMarkedSheets'>> {
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
    const recalculated = app.calculationMode !== 'Automatic';
    const cosmeticFailures: WriteOutcome['cosmeticFailures'] = [];
    if (!recalculated && plan.cosmetics.length === 0) return { recalculated, cosmeticFailures };
    if (recalculated) app.calculate('Recalculate');
    for (const step of plan.cosmetics) applyStep(ctx, state, step);
    try {
      await ctx.sync();
    } catch {
      // Office batches are not transactions: what came before the failing touch is applied. Each
      // touch once more on its own (they set properties, so applying one twice changes nothing).
      if (recalculated) {
        app.calculate('Recalculate');
        await ctx.sync();
      }
      for (const step of plan.cosmetics) {
        applyStep(ctx, state, step);
        try {
          await ctx.sync();
        } catch (error) {
          cosmeticFailures.push({ sheet: step.sheet, what: COSMETIC_WHAT[step.kind], message: messageOf(error) });
        }
      }
    }
    return { recalculated, cosmeticFailures };
  });
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
    const unmarked = made.filter((s) => s.mark !== 'valid').map((s) => ({ s, used: item(s.name).getUsedRangeOrNullObject().load('address') }));
    if (unmarked.length > 0) await ctx.sync();
    for (const s of made) if (s.mark === 'valid') item(s.name).delete();
    for (const { s, used } of unmarked) if (used.isNullObject) item(s.name).delete();
    for (const b of plan.backups) {
      const found = before.sheets.find((s) => lower(s.name) === lower(b.backup));
      if (!found) continue;
      const sheet = item(b.backup);
      sheet.name = b.original;
      for (const t of b.tables) if (found.tables.some((n) => lower(n) === lower(t.backup))) sheet.tables.getItem(t.backup).name = t.original;
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
