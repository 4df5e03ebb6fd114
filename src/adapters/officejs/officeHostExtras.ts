/**
 * The task pane's optional Host methods inside Excel (src/app/host.ts), kept apart from
 * officeHost.ts: watching the input tables for changes, keeping the last result in the document,
 * and the formulas as the user's Excel shows them. Each is a small function over an injectable
 * Excel.run, so they can be checked against a fake.
 *
 * - Table.onChanged / TableCollection.onChanged are ExcelApi 1.7 (the manifest's minimum);
 *   TableCollection.onAdded / onDeleted are 1.9 and used only where Excel supports them.
 * - Office.context.document.settings keeps add-in data inside the document (saved with it;
 *   2 MB per add-in); saveAsync persists the change into the open document.
 * - Range.formulasLocal (ExcelApi 1.1) gives a formula in the user's language.
 */
import type { Host, StoredResult } from '../../app/host';
import { isStoredResult } from '../../app/host';

type Run = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
/** Excel.run on an existing context (the one the event handlers were added with). */
type RunWith = (context: OfficeExtension.ClientRequestContext, batch: (context: Excel.RequestContext) => Promise<void>) => Promise<void>;

const defaultRun: Run = (batch) => Excel.run(batch);
const defaultRunWith: RunWith = (context, batch) => Excel.run(context, batch);

function defaultSupports(version: string): boolean {
  try {
    return Boolean(Office.context?.requirements?.isSetSupported('ExcelApi', version));
  } catch {
    return false;
  }
}

/** Host.watchTables over Excel's table events. */
export function watchTablesInExcel(
  run: Run = defaultRun,
  supports: (version: string) => boolean = defaultSupports,
  runWith: RunWith = defaultRunWith,
): NonNullable<Host['watchTables']> {
  return (tableNames, onChange) =>
    run(async (ctx) => {
      const wanted = new Set(tableNames.map((n) => n.toLowerCase()));
      const tables = ctx.workbook.tables;
      tables.load('items/name,items/id');
      await ctx.sync();
      const ids = new Set(tables.items.filter((t) => wanted.has(t.name.toLowerCase())).map((t) => t.id));
      const handlers: OfficeExtension.EventHandlerResult<unknown>[] = [];
      // Our own output tables change on every run: only the input tables count.
      handlers.push(
        tables.onChanged.add(async (e) => void (ids.has(e.tableId) && onChange())) as OfficeExtension.EventHandlerResult<unknown>,
      );
      if (supports('1.9')) {
        handlers.push(tables.onAdded.add(async () => void onChange()) as OfficeExtension.EventHandlerResult<unknown>);
        handlers.push(
          tables.onDeleted.add(
            async (e) => void ((ids.has(e.tableId) || wanted.has(e.tableName.toLowerCase())) && onChange()),
          ) as OfficeExtension.EventHandlerResult<unknown>,
        );
      }
      await ctx.sync();
      // Handlers are removed in a batch on the context they were added with (Microsoft's pattern).
      return async () => {
        try {
          await runWith(handlers[0].context, async (c) => {
            for (const h of handlers) h.remove();
            await c.sync();
          });
        } catch {
          // the document or the context is gone: nothing is listening any more
        }
      };
    });
}

const RESULT_KEY = 'tymLastResult';

/** The part of Office.Settings used here (so tests can pass a plain object). */
export interface DocumentSettings {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  saveAsync(callback?: (result: { status: unknown; error?: { message: string } }) => void): void;
}

/** Host.loadResult and Host.saveResult over the document's add-in settings. */
export function documentResultStore(settings: DocumentSettings): Pick<Required<Host>, 'loadResult' | 'saveResult'> {
  return {
    async loadResult(): Promise<StoredResult | null> {
      const text = settings.get(RESULT_KEY);
      if (typeof text !== 'string') return null;
      try {
        const parsed: unknown = JSON.parse(text);
        return isStoredResult(parsed) ? parsed : null;
      } catch {
        return null;
      }
    },
    saveResult(result: StoredResult): Promise<void> {
      settings.set(RESULT_KEY, JSON.stringify(result));
      return new Promise((resolve, reject) =>
        settings.saveAsync((r) =>
          String(r.status).toLowerCase() === 'failed' ? reject(new Error(r.error?.message ?? 'saveAsync failed')) : resolve(),
        ),
      );
    },
  };
}

/** Host.localFormulas: Range.formulasLocal of each cell, in one round trip. */
export function localFormulasInExcel(run: Run = defaultRun): NonNullable<Host['localFormulas']> {
  return (cells) =>
    run(async (ctx) => {
      const ranges = cells.map((c) => ctx.workbook.worksheets.getItem(c.sheet).getRange(c.address).load('formulasLocal'));
      await ctx.sync();
      return ranges.map((r) => {
        const f = r.formulasLocal?.[0]?.[0];
        return typeof f === 'string' && f.startsWith('=') ? f : null;
      });
    });
}
