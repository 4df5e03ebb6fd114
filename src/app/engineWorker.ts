/**
 * The engine across a Web Worker boundary: `serveEngine` answers requests inside the worker,
 * `workerEngine` is the Engine the main thread uses. Only plain data crosses (structured clone):
 * the tables read, the problems, the output sheets and the summary; the settings' decimals travel
 * as text and become Decimals again here. Should the worker fail to start or die, the requests
 * in flight and all later ones run on the fallback engine instead, so the pane keeps working.
 */
import { Decimal } from '../domain/decimal';
import type { RawWorkbook } from '../domain/raw';
import type { Settings } from '../domain/types';
import type { CellSpec, SheetSpec } from '../workbook/sheetSpec';
import type { RunStep } from './api';
import type { Engine, EngineResult, EngineValidation } from './engine';

type Op = 'validate' | 'compute' | 'fingerprint';

/** `time`: the run log's time of a compute (ms since the epoch), when the caller fixes it. */
export type EngineRequest = { id: number; op: Op; raw: RawWorkbook; time?: number };

export type EngineMessage =
  | { id: number; type: 'step'; step: RunStep }
  | { id: number; type: 'sheet'; sheet: SheetSpec }
  | { id: number; type: 'rows'; rows: (CellSpec | null)[][] }
  | { id: number; type: 'done'; result: unknown }
  | { id: number; type: 'error'; message: string };

/**
 * About this many cells per message: the main thread turns each message back into objects in one
 * task, so the output sheets (tens of thousands of cells at 10x) come in parts of a few
 * milliseconds each rather than one long block.
 */
export const CELLS_PER_MESSAGE = 4000;

/** Posts the sheets in parts: each sheet without its cells, then its rows in slices. */
function postSheets(scope: WorkerScope, id: number, sheets: SheetSpec[]): void {
  for (const sheet of sheets) {
    scope.postMessage({ id, type: 'sheet', sheet: { ...sheet, cells: [] } });
    const width = Math.max(1, ...sheet.cells.slice(0, 50).map((r) => r.length));
    const step = Math.max(1, Math.floor(CELLS_PER_MESSAGE / width));
    for (let r = 0; r < sheet.cells.length; r += step) scope.postMessage({ id, type: 'rows', rows: sheet.cells.slice(r, r + step) });
  }
}

/** Settings with the decimals as text, as they cross the boundary. */
type WireSettings = Omit<Settings, 'agreedTvaPct' | 'kelaPct' | 'customerEstimate'> & {
  agreedTvaPct: string | null;
  kelaPct: string;
  customerEstimate: string | null;
};

const text = (d: Decimal | null) => (d === null ? null : d.toString());
const decimal = (s: string | null) => (s === null ? null : new Decimal(s));

export function settingsToWire(s: Settings | null): WireSettings | null {
  return s && { ...s, agreedTvaPct: text(s.agreedTvaPct), kelaPct: s.kelaPct.toString(), customerEstimate: text(s.customerEstimate) };
}

export function settingsFromWire(s: WireSettings | null): Settings | null {
  return (
    s && { ...s, agreedTvaPct: decimal(s.agreedTvaPct), kelaPct: new Decimal(s.kelaPct), customerEstimate: decimal(s.customerEstimate) }
  );
}

/** What a worker's global scope offers (typed here: the DOM lib types `self` as a Window). */
export interface WorkerScope {
  onmessage: ((e: { data: EngineRequest }) => void) | null;
  postMessage(message: EngineMessage): void;
}

/** Inside the worker: answers every request with `engine` (one at a time, in order of arrival). */
export function serveEngine(scope: WorkerScope, engine: Engine): void {
  let queue = Promise.resolve();
  scope.onmessage = (e) => {
    const { id, op, raw, time } = e.data;
    queue = queue.then(async () => {
      try {
        let result: unknown;
        if (op === 'validate') {
          const v = await engine.validate(raw);
          result = { ...v, settings: settingsToWire(v.settings) };
        } else if (op === 'compute') {
          const computed = await engine.compute(
            raw,
            (step) => scope.postMessage({ id, type: 'step', step }),
            time === undefined ? undefined : new Date(time),
          );
          if (computed.ok) {
            postSheets(scope, id, computed.sheets);
            result = { ...computed, sheets: [] };
          } else result = computed;
        } else {
          result = await engine.fingerprint(raw);
        }
        scope.postMessage({ id, type: 'done', result });
      } catch (err) {
        scope.postMessage({ id, type: 'error', message: err instanceof Error ? err.message : String(err) });
      }
    });
  };
}

/** The main thread's side of a worker (the parts of Worker it uses). */
export interface WorkerLike {
  postMessage(message: EngineRequest): void;
  addEventListener(type: 'message', listener: (e: { data: EngineMessage }) => void): void;
  addEventListener(type: 'error', listener: (e: unknown) => void): void;
  terminate(): void;
}

interface Pending {
  op: Op;
  raw: RawWorkbook;
  /** Output sheets as their parts arrive. */
  sheets: SheetSpec[];
  onStep?: (step: RunStep) => void | Promise<void>;
  time?: Date;
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
}

/** An Engine loaded when first used (the task pane's fallback: the engine in the page, fetched only if the worker fails). */
export function lazyEngine(load: () => Promise<Engine>): Engine {
  let loaded: Promise<Engine> | null = null;
  // A load that failed (the chunk could not be fetched) is tried again at the next call.
  const engine = () =>
    (loaded ??= load().catch((e: unknown) => {
      loaded = null;
      throw e;
    }));
  return {
    validate: async (raw) => (await engine()).validate(raw),
    compute: async (raw, onStep, time) => (await engine()).compute(raw, onStep, time),
    fingerprint: async (raw) => (await engine()).fingerprint(raw),
  };
}

/**
 * An Engine that runs in `worker`. `fallback` (the local engine) takes over when the worker cannot
 * be created or fails; an error the engine itself throws in the worker is passed on as an Error.
 */
export function workerEngine(createWorker: () => WorkerLike, fallback: Engine): Engine {
  let worker: WorkerLike | null = null;
  let broken = false;
  let next = 0;
  const pending = new Map<number, Pending>();

  const runLocally = (p: Pending) => {
    const local =
      p.op === 'validate'
        ? fallback.validate(p.raw)
        : p.op === 'compute'
          ? fallback.compute(p.raw, p.onStep, p.time)
          : fallback.fingerprint(p.raw);
    local.then(p.resolve, p.reject);
  };

  const breakDown = () => {
    broken = true;
    try {
      worker?.terminate();
    } catch {
      // already gone
    }
    worker = null;
    const left = [...pending.values()];
    pending.clear();
    left.forEach(runLocally);
  };

  const ensure = (): WorkerLike | null => {
    if (worker || broken) return worker;
    try {
      const w = createWorker();
      w.addEventListener('message', (e: { data: EngineMessage }) => {
        const m = e.data;
        const p = pending.get(m.id);
        if (!p) return;
        if (m.type === 'step') {
          void p.onStep?.(m.step);
          return;
        }
        if (m.type === 'sheet') {
          p.sheets.push(m.sheet);
          return;
        }
        if (m.type === 'rows') {
          const cells = p.sheets[p.sheets.length - 1].cells;
          for (const row of m.rows) cells.push(row);
          return;
        }
        pending.delete(m.id);
        if (m.type === 'done') {
          const r = m.result as { ok?: boolean; sheets?: SheetSpec[] };
          p.resolve(p.op === 'compute' && r.ok ? { ...r, sheets: p.sheets } : r);
        } else p.reject(new Error(m.message));
      });
      w.addEventListener('error', () => breakDown());
      worker = w;
    } catch {
      broken = true;
    }
    return worker;
  };

  const call = (op: Op, raw: RawWorkbook, onStep?: (step: RunStep) => void | Promise<void>, time?: Date) =>
    new Promise<unknown>((resolve, reject) => {
      const p: Pending = { op, raw, sheets: [], onStep, time, resolve, reject };
      const w = ensure();
      if (!w) return runLocally(p);
      const id = ++next;
      pending.set(id, p);
      try {
        w.postMessage({ id, op, raw, ...(time ? { time: time.getTime() } : {}) });
      } catch {
        // the tables cannot be cloned (should not happen: plain data) or the worker is gone
        pending.delete(id);
        runLocally(p);
      }
    });

  return {
    async validate(raw): Promise<EngineValidation> {
      const v = (await call('validate', raw)) as EngineValidation & { settings: WireSettings | null };
      // A fallback answer has real Decimals already; a worker's has text.
      const s = v.settings as unknown as Settings | WireSettings | null;
      const wire = s !== null && typeof (s as WireSettings).kelaPct === 'string';
      return { ...v, settings: wire ? settingsFromWire(s as WireSettings) : (s as Settings | null) };
    },
    compute: async (raw, onStep, time) => (await call('compute', raw, onStep, time)) as EngineResult,
    fingerprint: async (raw) => (await call('fingerprint', raw)) as string,
  };
}
