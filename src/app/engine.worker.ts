/** The Web Worker that runs the engine off the task pane's main thread (src/app/engineWorker.ts). */
import { serveEngine, type WorkerScope } from './engineWorker';
import { localEngine } from './run';

serveEngine(self as unknown as WorkerScope, localEngine);
