/**
 * The pure computation step of the application as an asynchronous port, so a face can run it off
 * its main thread (the task pane runs it in a Web Worker: src/app/engineWorker.ts). Reading and
 * writing the workbook stay with the WorkbookPort on the caller's side; the engine only turns the
 * tables read into problems, output sheets and the summary. The default runs in the same thread
 * (createAllocationApp's localEngine).
 */
import type { Problem } from '../domain/problems';
import type { RawWorkbook } from '../domain/raw';
import type { Settings } from '../domain/types';
import type { SheetSpec } from '../workbook/sheetSpec';
import type { RunStep, RunSummary } from './api';
import type { OutputNames } from './conflicts';
import type { TableLocation } from './inputs';

export interface EngineValidation {
  problems: Problem[];
  tablesFound: Record<string, string | null>;
  settings: Settings | null;
  tables: TableLocation[];
  fingerprint: string;
  /** The output sheets and tables a run would write, when the inputs allocate (for name conflicts). */
  outputs?: OutputNames;
}

export type EngineResult =
  | { ok: false; problems: Problem[]; tables: TableLocation[]; fingerprint: string }
  | { ok: true; problems: Problem[]; tables: TableLocation[]; fingerprint: string; sheets: SheetSpec[]; summary: RunSummary };

export interface Engine {
  /** Validates and allocates (nothing is laid out): problems, tables found, settings. */
  validate(raw: RawWorkbook): Promise<EngineValidation>;
  /** The whole pipeline up to the output sheets; `onStep` hears 'validate', 'allocate', 'layout' as each starts. */
  compute(raw: RawWorkbook, onStep?: (step: RunStep) => void | Promise<void>): Promise<EngineResult>;
  /** inputsFingerprint of the tables (src/app/inputs.ts). */
  fingerprint(raw: RawWorkbook): Promise<string>;
}
