/**
 * Microsoft's own office.js client library (excel-web-16.00.js from @microsoft/office-js), loaded
 * into the test's global scope with the Office host replaced at its single boundary,
 * OSF.DDA.RichApi.executeRichApiRequestAsync. Whatever the adapter queues is checked and
 * serialized by Microsoft's code into the exact request Excel would receive (objects, actions,
 * queries, office.js's own splitting of large arrays); the stub host answers as Excel does on the
 * wire (results keyed by action id, _ReferenceId for objects made by methods, or an Office error
 * code such as 5104 for a response over 5 MB, which office.js maps to its error codes).
 * It is not Excel: the host stub computes nothing, so tests use it for what the client library
 * decides (request shape and size, error mapping), and the fake object model for behaviour.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { RawWorkbook } from '../../src/domain/raw';

export interface RichApiAction {
  Id: number;
  ActionType: number;
  Name: string;
  ObjectPathId: number;
  ArgumentInfo?: { Arguments?: unknown[] };
  QueryInfo?: { Select?: string[]; Expand?: string[] };
}

export interface RichApiObjectPath {
  Id: number;
  ObjectPathType: number;
  Name: string;
  ParentObjectPathId?: number;
  ArgumentInfo?: { Arguments?: unknown[] };
}

export interface RichApiRequest {
  Actions: RichApiAction[];
  ObjectPaths: Record<string, RichApiObjectPath>;
}

/**
 * What the host answers to one request: action results (with the error of the action that failed,
 * if one did), or an Office error code for the whole request (5103/5104 = payload limits).
 */
export type HostAnswer =
  { results: { ActionId: number; Value: unknown }[]; error?: { code: string; message: string } } | { errorCode: number; message: string };

export interface CapturedRequest {
  body: RichApiRequest;
  /** UTF-8 bytes of the serialized request body, as sent to the host. */
  bytes: number;
  /** The request flags office.js sends beside the body (64: wait while a cell is edited, from Excel.run's delayForCellEdit). */
  flags: number;
}

/** The request flag office.js sets for Excel.run({ delayForCellEdit: true }) (onBeforeExcelRun in excel-web-16.00.js). */
export const DELAY_FOR_CELL_EDIT_FLAG = 64;

/** Action and object path types of the RichApi protocol, as office.js numbers them. */
export const ACTION = { instantiate: 1, query: 2, method: 3, setProperty: 4 } as const;
export const PATH = { global: 1, newObject: 2, method: 3, property: 4, indexer: 5, referenceId: 6 } as const;

let loaded = false;
let host: (request: CapturedRequest) => HostAnswer | Promise<HostAnswer> = () => ({ results: [] });

/** The global scope as the browser-shaped library sees it (the DOM types say more than node has). */
type Globals = Record<string, unknown>;

/** Loads the library once per test file (jest gives each file its own global scope). */
export function loadRealOfficeJs(): void {
  if (loaded) return;
  const g = globalThis as unknown as Globals;
  g.window = g;
  g.navigator = { userAgent: 'node' };
  g.document = {
    getElementsByTagName: () => [],
    createElement: () => ({ setAttribute() {} }),
    addEventListener() {},
    readyState: 'complete',
    cookie: '',
  };
  g.location = { href: 'https://localhost/', protocol: 'https:', search: '', hash: '' };
  const file = path.join(path.dirname(require.resolve('@microsoft/office-js/package.json')), 'dist', 'excel-web-16.00.debug.js');
  // Indirect eval: the library defines Excel, OfficeExtension and OSF as globals, as in a browser.
  (0, eval)(fs.readFileSync(file, 'utf8'));
  const osf = g.OSF as { DDA: { RichApi?: unknown } };
  osf.DDA.RichApi = {
    executeRichApiRequestAsync(message: unknown[], callback: (result: unknown) => void) {
      // The message is office.js's safe array: [customData, method, path, headers, body, permission, flags, ...].
      const text = String(message[4]);
      void Promise.resolve(
        host({ body: JSON.parse(text) as RichApiRequest, bytes: Buffer.byteLength(text), flags: Number(message[6]) || 0 }),
      ).then((answer) =>
        setTimeout(() => {
          if ('errorCode' in answer) callback({ status: 'failed', error: { code: answer.errorCode, message: answer.message } });
          else {
            const error = answer.error ? { Error: { Code: answer.error.code, Message: answer.error.message, HttpStatusCode: 400 } } : {};
            callback({ status: 'succeeded', value: { data: [200, [], JSON.stringify({ Results: answer.results, ...error })] } });
          }
        }, 0),
      );
    },
  };
  loaded = true;
}

/** Sets how the stub host answers the requests that follow. */
export function setHost(answer: (request: CapturedRequest) => HostAnswer | Promise<HostAnswer>): void {
  host = answer;
}

/**
 * Excel's answer to a write: every object made by a method (worksheets.add, getRange, ...) gets a
 * reference id, so office.js can keep using it in later syncs of the same Excel.run (and releases
 * them in one request of its own when the run ends).
 */
export function writeResults(request: RichApiRequest, answerQuery: (action: RichApiAction) => unknown = () => undefined): HostAnswer {
  let n = 0;
  const results: { ActionId: number; Value: unknown }[] = [];
  for (const a of request.Actions) {
    const p = request.ObjectPaths[String(a.ObjectPathId)];
    if (a.ActionType === ACTION.instantiate && p?.ObjectPathType === PATH.method)
      results.push({ ActionId: a.Id, Value: { _ReferenceId: `ref${a.Id}_${++n}` } });
    if (a.ActionType === ACTION.query) {
      const value = answerQuery(a);
      if (value !== undefined) results.push({ ActionId: a.Id, Value: value });
    }
  }
  return { results };
}

/** The name chain of an object path, e.g. "Worksheets.Add" (for reading captured requests). */
export function pathName(request: RichApiRequest, id: number): string {
  const names: string[] = [];
  let p: RichApiObjectPath | undefined = request.ObjectPaths[String(id)];
  while (p) {
    if (p.ObjectPathType === PATH.indexer) names.unshift(`[${(p.ArgumentInfo?.Arguments ?? []).join(',')}]`);
    else if (p.Name) names.unshift(p.Name);
    p = p.ParentObjectPathId !== undefined ? request.ObjectPaths[String(p.ParentObjectPathId)] : undefined;
  }
  return names.join('.').replace(/\.\[/g, '[');
}

/** office.js's own clean-up at the end of Excel.run (releasing the references Excel handed out), not a sync of ours. */
export function isReferenceCleanup(request: CapturedRequest): boolean {
  return (
    request.body.Actions.some((a) => a.Name === '_RemoveReference') &&
    request.body.Actions.every((a) => a.Name === '_RemoveReference' || a.ActionType === ACTION.instantiate)
  );
}

/** Excel's answer to `worksheets.load(...)` for a workbook holding only these input sheets (none of them ours). */
export function sheetListAnswer(raw: RawWorkbook): unknown {
  return sheetsAnswer(raw.sheetNames.map((name) => ({ name, tables: raw.tables.filter((t) => t.sheet === name).map((t) => t.name) })));
}

/** Excel's answer to `worksheets.load(...)`: every sheet visible, with its tables and no names. */
export function sheetsAnswer(sheets: { name: string; tables: string[] }[]): unknown {
  return {
    _Items: sheets.map((s) => ({
      Name: s.name,
      Visibility: 'Visible',
      Names: { _Items: [] },
      Tables: { _Items: s.tables.map((Name) => ({ Name })) },
    })),
  };
}

/**
 * Excel's answers to the inventory's queries besides the sheets (the workbook's names, none; the
 * calculation mode, Automatic), by the query's object path; undefined for any other path.
 */
export function inventoryAnswer(path: string): unknown {
  if (path === 'Names') return { _Items: [] };
  if (path === 'Application') return { CalculationMode: 'Automatic' };
  return undefined;
}
