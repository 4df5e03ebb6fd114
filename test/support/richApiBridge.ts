/**
 * A stub Excel host that executes the real office.js client's requests on the fake object model:
 * each RichApi request (object paths and actions, as Microsoft's library serialized them) is
 * replayed as the same calls on ./fakeExcel.ts's proxies, synced once, and answered in the wire
 * format office.js reads (results by action id, _ReferenceId for objects made by methods, null for
 * a null object, the failing action's error code). So the adapter runs under the real Excel.run,
 * proxies, load parsing, object lifetimes and array slicing, against a workbook the tests can see.
 */
import { FakeError, type FakeWorkbook } from './fakeExcel';
import {
  ACTION,
  type CapturedRequest,
  DELAY_FOR_CELL_EDIT_FLAG,
  type HostAnswer,
  PATH,
  type RichApiAction,
  type RichApiObjectPath,
} from './realOfficeJs';

/** The host's code for a request it cannot run now (ooeInvalidApiCallInContext): the user is editing a cell. */
const CELL_EDIT_ERROR_CODE = 5004;

type Obj = Record<string, unknown> & { load?: (props?: string) => unknown };

/** Calls office.js makes for its own bookkeeping that have no effect on cells. */
const CLIENT_ONLY_METHODS = new Set(['_ValidateArraySize', '_RemoveReference', '_KeepReference']);

const camel = (name: string) => name.charAt(0).toLowerCase() + name.slice(1);
const pascal = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

function isCollection(obj: unknown): obj is { items: Obj[] } {
  return typeof obj === 'object' && obj !== null && 'items' in obj;
}

/** The answer to a query: the selected properties, PascalCase, collections as _Items with an Id per item. */
function extract(obj: unknown, select: string[]): unknown {
  if (obj === null || obj === undefined) return null;
  if (isCollection(obj)) {
    return {
      _Items: obj.items.map((item) => {
        const out = extract(item, select) as Record<string, unknown>;
        try {
          // Worksheets and tables are addressed by name in the fake (Excel uses ids).
          if (typeof item.name === 'string') out.Id = item.name;
        } catch {
          /* name not loaded: no id */
        }
        return out;
      }),
    };
  }
  const groups = new Map<string, string[]>();
  for (const path of select) {
    const [head, ...rest] = path.split('/');
    const list = groups.get(head) ?? [];
    if (rest.length > 0) list.push(rest.join('/'));
    groups.set(head, list);
  }
  const out: Record<string, unknown> = {};
  for (const [head, rest] of groups) {
    const value = (obj as Obj)[camel(head)];
    out[pascal(head)] = rest.length > 0 ? extract(value, rest) : value;
  }
  return out;
}

export function richApiBridge(book: FakeWorkbook): (request: CapturedRequest) => Promise<HostAnswer> {
  const refs = new Map<string, unknown>();
  let nextRef = 0;
  // One fake context for the whole session: objects Excel handed out reference ids for are fake
  // proxies bound to it, and later requests queue their calls on them.
  const ctx = book.context();
  return async ({ body, flags }) => {
    // Excel in cell-edit mode: a request with the delay flag waits for the edit to end, one without fails.
    if (book.cellEditing) {
      if (!(flags & DELAY_FOR_CELL_EDIT_FLAG))
        return { errorCode: CELL_EDIT_ERROR_CODE, message: 'The operation is not allowed in cell-edit mode.' };
      await book.waitForCellEdit();
    }
    const objects = new Map<number, unknown>();
    const pathOf = (id: number): RichApiObjectPath => body.ObjectPaths[String(id)];
    const argsOf = (info: { Arguments?: unknown[]; ReferencedObjectPathIds?: number[] } | undefined) =>
      (info?.Arguments ?? []).map((a, i) => {
        const ref = info?.ReferencedObjectPathIds?.[i];
        return ref ? resolve(ref) : a;
      });
    const resolve = (id: number): unknown => {
      if (objects.has(id)) return objects.get(id);
      const p = pathOf(id);
      if (!p) throw new Error(`unknown object path ${id}`);
      const parent = p.ParentObjectPathId !== undefined ? (resolve(p.ParentObjectPathId) as Obj) : null;
      let obj: unknown;
      if (p.ObjectPathType === PATH.global) obj = ctx.workbook;
      else if (p.ObjectPathType === PATH.property) obj = parent![camel(p.Name)];
      else if (p.ObjectPathType === PATH.method)
        obj = (parent![camel(p.Name)] as (...a: unknown[]) => unknown)(...argsOf(p.ArgumentInfo as never));
      else if (p.ObjectPathType === PATH.indexer) obj = (parent!.getItem as (k: unknown) => unknown)(argsOf(p.ArgumentInfo as never)[0]);
      else if (p.ObjectPathType === PATH.referenceId) {
        if (!refs.has(p.Name)) throw new Error(`unknown reference ${p.Name}`);
        obj = refs.get(p.Name);
      } else throw new Error(`object path type ${p.ObjectPathType} not bridged`);
      objects.set(id, obj);
      return obj;
    };

    const queries: { action: RichApiAction; obj: unknown }[] = [];
    const made: { action: RichApiAction; obj: unknown; orNull: boolean }[] = [];
    for (const action of body.Actions) {
      const obj = resolve(action.ObjectPathId) as Obj;
      const p = pathOf(action.ObjectPathId);
      if (action.ActionType === ACTION.instantiate) {
        if (p.ObjectPathType === PATH.method) {
          const orNull = p.Name.endsWith('OrNullObject');
          // Learn whether a *OrNullObject is null (the host answers null for it).
          if (orNull) obj.load?.(p.Name === 'GetMergedAreasOrNullObject' ? 'areas' : 'rowIndex');
          made.push({ action, obj, orNull });
        }
      } else if (action.ActionType === ACTION.query) {
        obj.load!((action.QueryInfo?.Select ?? []).join(','));
        queries.push({ action, obj });
      } else if (action.ActionType === ACTION.method) {
        if (!CLIENT_ONLY_METHODS.has(action.Name))
          (obj[camel(action.Name)] as (...a: unknown[]) => unknown)(...argsOf(action.ArgumentInfo as never));
      } else if (action.ActionType === ACTION.setProperty) {
        obj[camel(action.Name)] = argsOf(action.ArgumentInfo as never)[0];
      } else throw new Error(`action type ${action.ActionType} not bridged`);
    }
    try {
      await ctx.sync();
    } catch (error) {
      if (error instanceof FakeError) return { results: [], error: { code: error.code, message: error.message } };
      throw error;
    }
    const results: { ActionId: number; Value: unknown }[] = [];
    for (const { action, obj, orNull } of made) {
      if (orNull && (obj as { isNullObject: boolean }).isNullObject) results.push({ ActionId: action.Id, Value: null });
      else {
        const ref = `fake${++nextRef}`;
        refs.set(ref, obj);
        results.push({ ActionId: action.Id, Value: { _ReferenceId: ref } });
      }
    }
    for (const { action, obj } of queries) {
      const isNull = (obj as { isNullObject?: boolean }).isNullObject === true;
      results.push({ ActionId: action.Id, Value: isNull ? null : extract(obj, action.QueryInfo?.Select ?? []) });
    }
    return { results };
  };
}
