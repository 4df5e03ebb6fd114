/**
 * The pane's optional Host methods inside Excel, against small stand-ins for the parts of office.js
 * they use: table events (ExcelApi 1.7 onChanged for the input tables only; 1.9 onAdded/onDeleted
 * only where supported), the document's add-in settings, and formulasLocal.
 */
import {
  documentResultStore,
  localFormulasInExcel,
  watchTablesInExcel,
  type DocumentSettings,
} from '../../src/adapters/officejs/officeHostExtras';
import type { StoredResult } from '../../src/app/host';

type Handler = (e: Record<string, unknown>) => Promise<void>;

function fakeExcel(tables: { name: string; id: string }[]) {
  const handlers: Record<string, Handler[]> = { onChanged: [], onAdded: [], onDeleted: [] };
  let syncs = 0;
  const event = (kind: string) => ({
    add: (h: Handler) => {
      handlers[kind].push(h);
      return { context: ctx, remove: () => (handlers[kind] = handlers[kind].filter((x) => x !== h)) };
    },
  });
  const ctx = {
    workbook: {
      tables: {
        items: tables,
        load: () => undefined,
        onChanged: event('onChanged'),
        onAdded: event('onAdded'),
        onDeleted: event('onDeleted'),
      },
    },
    sync: async () => void syncs++,
  };
  const run = <T>(batch: (c: Excel.RequestContext) => Promise<T>) => batch(ctx as unknown as Excel.RequestContext);
  const runWith = (c: unknown, batch: (c: Excel.RequestContext) => Promise<void>) => {
    if (c !== ctx) throw new Error('removed on another context');
    return batch(ctx as unknown as Excel.RequestContext);
  };
  const fire = async (kind: string, e: Record<string, unknown>) => Promise.all(handlers[kind].map((h) => h(e)));
  return { run, runWith, fire, handlers, syncs: () => syncs };
}

test('a change in an input table calls back; a change in our own output table does not', async () => {
  const x = fakeExcel([
    { name: 'Kustannukset', id: '{1}' },
    { name: 'Tulokset', id: '{9}' },
  ]);
  let calls = 0;
  const stop = await watchTablesInExcel(x.run, () => false, x.runWith)(['kustannukset', 'Asetukset'], () => void calls++);
  await x.fire('onChanged', { tableId: '{9}', changeType: 'RangeEdited' });
  expect(calls).toBe(0);
  await x.fire('onChanged', { tableId: '{1}', changeType: 'RangeEdited' });
  expect(calls).toBe(1);
  expect(x.handlers.onAdded).toHaveLength(0); // ExcelApi 1.9 not supported: not registered
  stop();
  await new Promise((r) => setTimeout(r, 0));
  expect(x.handlers.onChanged).toHaveLength(0);
});

test('with ExcelApi 1.9: a table added, or an input table deleted, calls back too', async () => {
  const x = fakeExcel([{ name: 'Kunnat', id: '{2}' }]);
  let calls = 0;
  await watchTablesInExcel(x.run, (v) => v === '1.9', x.runWith)(['Kunnat'], () => void calls++);
  await x.fire('onAdded', { tableId: '{3}' });
  await x.fire('onDeleted', { tableId: '{7}', tableName: 'Muistiinpanot' });
  await x.fire('onDeleted', { tableId: '{2}', tableName: 'Kunnat' });
  expect(calls).toBe(2);
});

function settingsStore(): DocumentSettings & { saved: number; data: Map<string, unknown>; fail: boolean } {
  const data = new Map<string, unknown>();
  return {
    data,
    saved: 0,
    fail: false,
    get: (n) => data.get(n) ?? null,
    set: (n, v) => void data.set(n, v),
    saveAsync(cb) {
      this.saved++;
      cb?.(this.fail ? { status: 'failed', error: { message: 'read-only' } } : { status: 'succeeded' });
    },
  };
}

test('the last result is kept in the document settings and read back; anything else reads as none', async () => {
  const s = settingsStore();
  const store = documentResultStore(s);
  expect(await store.loadResult()).toBeNull();
  const result: StoredResult = {
    version: 1,
    at: '2026-12-01T10:00:00.000Z',
    fingerprint: 'a'.repeat(64),
    summary: {
      year: 2026,
      kinds: [],
      sheets: ['TYM_Tulokset'],
      masterCheck: true,
      invoicing: { period: 'year', dueMonths: [1], employer: 'Järvenpää', receivers: [] },
    },
  };
  await store.saveResult(result);
  expect(s.saved).toBe(1);
  expect(typeof s.data.get('tymLastResult')).toBe('string');
  expect(await store.loadResult()).toEqual(result);
  s.data.set('tymLastResult', '{"version":2}');
  expect(await store.loadResult()).toBeNull();
  s.data.set('tymLastResult', 'not json');
  expect(await store.loadResult()).toBeNull();
  s.fail = true;
  await expect(store.saveResult(result)).rejects.toThrow('read-only');
});

test('formulasLocal of each cell in one round trip; a constant gives null', async () => {
  let syncs = 0;
  const cells: Record<string, unknown> = { 'TYM_Tulokset!C6': '=SUMMA(G21:G22)', 'TYM_Jako!D4': 58333.33 };
  const ctx = {
    workbook: {
      worksheets: {
        getItem: (sheet: string) => ({
          getRange: (address: string) => {
            const r = { formulasLocal: undefined as unknown, load: () => r };
            r.load = () => {
              r.formulasLocal = [[cells[`${sheet}!${address}`]]];
              return r;
            };
            return r;
          },
        }),
      },
    },
    sync: async () => void syncs++,
  };
  const run = <T>(batch: (c: Excel.RequestContext) => Promise<T>) => batch(ctx as unknown as Excel.RequestContext);
  expect(
    await localFormulasInExcel(run)([
      { sheet: 'TYM_Tulokset', address: 'C6' },
      { sheet: 'TYM_Jako', address: 'D4' },
    ]),
  ).toEqual(['=SUMMA(G21:G22)', null]);
  expect(syncs).toBe(1);
});
