/** The Web Worker that runs the engine off the task pane's main thread (src/app/engineWorker.ts). */
import { serveEngine, type WorkerScope } from './engineWorker';
import { localEngine } from './localEngine';

// globalThis is the worker's global scope (`self`); typed here without the DOM library.
serveEngine(globalThis as unknown as WorkerScope, localEngine);
