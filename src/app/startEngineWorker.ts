/**
 * The engine in a Web Worker, for the browser faces (task pane, preview). webpack turns the
 * `new Worker(new URL(…, import.meta.url))` below into a chunk of its own, loaded from the page's
 * origin (the Content-Security-Policy's 'self'). Imported only by the composition roots: the
 * module syntax is for webpack, not for the CommonJS test runner.
 */
import type { Engine } from './engine';
import { lazyEngine, workerEngine, type WorkerLike } from './engineWorker';

/**
 * The browser's Worker constructor, declared here without the DOM library (the command line
 * compiles this folder too); at run time it is the page's global Worker, which webpack looks for.
 */
declare const Worker: new (url: URL, options: { name: string }) => WorkerLike;

export function startEngineWorker(): Engine {
  return workerEngine(
    () => {
      if (typeof Worker === 'undefined') throw new Error('no Web Worker here');
      // webpack recognises `new Worker(new URL(…, import.meta.url))` only in this literal form.
      return new Worker(
        // @ts-expect-error import.meta is for webpack (the type check compiles to CommonJS for jest)
        new URL('./engine.worker.ts', import.meta.url),
        { name: 'tym-engine' },
      );
    },
    // The engine in the page only if the worker fails: loaded then (a chunk of its own), never before.
    lazyEngine(() => import('./localEngine').then((m) => m.localEngine)),
  );
}
