/**
 * Worksheet-scoped defined names for exceljs.
 *
 * exceljs 4.4 reads `<definedName localSheetId="n">` but then forgets the scope: on save a
 * sheet-scoped name turns into a workbook-level one (two sheets with the same scoped name collapse
 * into one invalid cross-sheet name). We carry the add-in's owner mark in a sheet-scoped name, so
 * this module keeps the scope: it wraps the instance's `definedNames.model` accessor (no deep
 * import, so it works with the Node build and the browser bundle alike), takes the scoped names
 * out when a file is loaded, binds each to its worksheet object (so renames and deletions follow
 * the sheet), and puts them back with the sheet's current index when the file is written.
 *
 * Limits (exceljs's, not ours): names whose value is not a cell range (constants, formulas) are
 * dropped by exceljs's parser before we see them.
 */
import type { Workbook, Worksheet } from 'exceljs';

interface ScopedName {
  name: string;
  sheet: Worksheet;
  /** Range texts; `null` sheet part = on the scope sheet itself (re-prefixed with its current name). */
  ranges: { sheetLocal: boolean; text: string }[];
}

interface NameModel {
  name: string;
  ranges: string[];
  localSheetId?: number;
}

const REGISTRY = Symbol('tymScopedNames');

type Patched = { [REGISTRY]?: ScopedName[] };

/** Sheet name as written in a reference: always quoted, quotes doubled. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

function unquote(s: string): string {
  return s.startsWith("'") && s.endsWith("'") ? s.slice(1, -1).replace(/''/g, "'") : s;
}

/** Splits "'My sheet'!$A$1" into sheet and local part. */
function splitRef(text: string): { sheet: string | null; local: string } {
  const i = text.lastIndexOf('!');
  return i < 0 ? { sheet: null, local: text } : { sheet: unquote(text.slice(0, i)), local: text.slice(i + 1) };
}

/**
 * Installs the scope-keeping accessor on a workbook. Must run before `xlsx.load` so the scoped names
 * of the file are captured. Idempotent.
 */
export function installScopedNames(wb: Workbook): void {
  const dn = wb.definedNames as unknown as Patched & object;
  if (dn[REGISTRY]) return;
  const registry: ScopedName[] = [];
  dn[REGISTRY] = registry;
  // The accessor lives on DefinedNames.prototype; find it up the chain.
  let proto: object | null = Object.getPrototypeOf(dn);
  let desc: PropertyDescriptor | undefined;
  while (proto && !(desc = Object.getOwnPropertyDescriptor(proto, 'model'))) proto = Object.getPrototypeOf(proto);
  if (!desc?.get || !desc.set) throw new Error('exceljs DefinedNames.model accessor not found (unsupported exceljs version)');
  const baseGet = desc.get;
  const baseSet = desc.set;
  Object.defineProperty(dn, 'model', {
    configurable: true,
    get(): NameModel[] {
      const base = baseGet.call(dn) as NameModel[];
      const sheets = wb.worksheets;
      const scoped: NameModel[] = [];
      for (const s of registry) {
        const index = sheets.indexOf(s.sheet);
        if (index < 0) continue; // the sheet was removed: its names go with it, as in Excel
        scoped.push({
          name: s.name,
          localSheetId: index,
          ranges: s.ranges.map((r) => (r.sheetLocal ? `${quoteSheet(s.sheet.name)}!${r.text}` : r.text)),
        });
      }
      return [...base, ...scoped];
    },
    set(value: NameModel[]) {
      const sheets = wb.worksheets;
      const global: NameModel[] = [];
      registry.length = 0;
      for (const d of value ?? []) {
        const sheet = d.localSheetId === undefined ? undefined : sheets[d.localSheetId];
        if (!sheet) {
          if (d.localSheetId === undefined) global.push(d);
          continue;
        }
        registry.push({
          name: d.name,
          sheet,
          ranges: d.ranges.map((text) => {
            const { sheet: on, local } = splitRef(text);
            return on === sheet.name ? { sheetLocal: true, text: local } : { sheetLocal: false, text };
          }),
        });
      }
      baseSet.call(dn, global);
    },
  });
}

function registryOf(wb: Workbook): ScopedName[] {
  installScopedNames(wb);
  return (wb.definedNames as unknown as Patched)[REGISTRY]!;
}

/** Adds (or replaces) a name scoped to `sheet` that refers to `localRange` (e.g. "$A$1") on that sheet. */
export function setScopedName(wb: Workbook, sheet: Worksheet, name: string, localRange: string): void {
  const reg = registryOf(wb);
  const key = name.toLowerCase();
  const i = reg.findIndex((s) => s.sheet === sheet && s.name.toLowerCase() === key);
  const entry: ScopedName = { name, sheet, ranges: [{ sheetLocal: true, text: localRange }] };
  if (i >= 0) reg[i] = entry;
  else reg.push(entry);
}

/** True when `sheet` carries a sheet-scoped name `name` (Excel names are case-insensitive). */
export function hasScopedName(wb: Workbook, sheet: Worksheet, name: string): boolean {
  const key = name.toLowerCase();
  return registryOf(wb).some((s) => s.sheet === sheet && s.name.toLowerCase() === key);
}

/** Drops the scoped names of sheets no longer in the workbook. */
export function pruneScopedNames(wb: Workbook): void {
  const reg = registryOf(wb);
  const live = new Set(wb.worksheets);
  for (let i = reg.length - 1; i >= 0; i--) if (!live.has(reg[i].sheet)) reg.splice(i, 1);
}
