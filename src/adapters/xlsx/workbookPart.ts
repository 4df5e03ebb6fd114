/**
 * The workbook part of a spreadsheet package: its sheets (name, id, relationship, part), defined
 * names, date system, and the parts it relates to (styles, shared strings). Read only; the writer
 * (writeOutputs.ts) rewrites the blocks it must change and keeps the rest of the part as written.
 */
import { OpcPackage, parseOrDamaged, relType, UnreadableWorkbookError } from './opc';
import { attr, child, childrenNamed, prefixOf, relAttr, type XmlElement } from './xml';

export const NS = {
  transitional: {
    main: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
    rel: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  },
  strict: {
    main: 'http://purl.oclc.org/ooxml/spreadsheetml/main',
    rel: 'http://purl.oclc.org/ooxml/officeDocument/relationships',
  },
} as const;

const WORKBOOK_TYPES = new Set([
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
  'application/vnd.ms-excel.sheet.macroenabled.main+xml',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml',
  'application/vnd.ms-excel.template.macroenabled.main+xml',
]);

export interface SheetInfo {
  name: string;
  sheetId: number;
  relId: string;
  state?: string;
  /** Absolute part name (null when the relationship is missing). */
  part: string | null;
  /** Relationship type's last segment: "worksheet", "chartsheet", "dialogsheet", "xlMacrosheet", ... */
  kind: string;
}

export interface NameInfo {
  name: string;
  /** Index into `sheets` for a sheet-scoped name. */
  localSheetId?: number;
  /** The formula (reference) of the name. */
  text: string;
  /** Attributes as written. */
  attrs: Record<string, string>;
}

export interface WorkbookInfo {
  part: string;
  contentType: string;
  /** An .xlsm/.xltm package: its content type and parts are kept exactly. */
  macroEnabled: boolean;
  /** Strict OOXML (ISO/IEC 29500 strict namespaces). */
  strict: boolean;
  xml: string;
  root: XmlElement;
  /** Prefix of the main namespace in this part ("" or e.g. "x:"). */
  prefix: string;
  sheets: SheetInfo[];
  names: NameInfo[];
  date1904: boolean;
  stylesPart?: string;
  sharedStringsPart?: string;
}

/** Reads the workbook part; throws UnreadableWorkbookError when the package holds no spreadsheet. */
export async function readWorkbookInfo(pkg: OpcPackage): Promise<WorkbookInfo> {
  const main = (await pkg.rels('/')).find((r) => relType(r.type) === 'officeDocument' && r.part);
  if (!main?.part || !pkg.has(main.part)) throw new UnreadableWorkbookError('not-workbook', 'no main document part');
  const contentType = ((await pkg.contentType(main.part)) ?? '').toLowerCase();
  if (contentType.includes('sheet.binary')) throw new UnreadableWorkbookError('xlsb', contentType);
  if (!WORKBOOK_TYPES.has(contentType)) throw new UnreadableWorkbookError('not-workbook', contentType || 'unknown content type');
  const xml = await pkg.text(main.part);
  const root = parseOrDamaged(xml, main.part);
  if (root.local !== 'workbook') throw new UnreadableWorkbookError('not-workbook', `root element ${root.name}`);
  const rels = await pkg.rels(main.part);
  const byId = new Map(rels.map((r) => [r.id, r]));
  const sheetsEl = child(root, 'sheets');
  const sheets: SheetInfo[] = (sheetsEl ? childrenNamed(sheetsEl, 'sheet') : []).map((s) => {
    const relId = relAttr(s, 'id') ?? '';
    const rel = byId.get(relId);
    return {
      name: attr(s, 'name') ?? '',
      sheetId: Number(attr(s, 'sheetId') ?? 0),
      relId,
      state: attr(s, 'state'),
      part: rel?.part ?? null,
      kind: rel ? relType(rel.type) : 'missing',
    };
  });
  const namesEl = child(root, 'definedNames');
  const names: NameInfo[] = (namesEl ? childrenNamed(namesEl, 'definedName') : []).map((n) => {
    const local = attr(n, 'localSheetId');
    return { name: attr(n, 'name') ?? '', localSheetId: local === undefined ? undefined : Number(local), text: n.text, attrs: n.attrs };
  });
  const pr = child(root, 'workbookPr');
  const d1904 = pr ? (attr(pr, 'date1904') ?? '').toLowerCase() : '';
  const nsUri =
    Object.entries(root.attrs).find(([k]) => k === (prefixOf(root) ? `xmlns:${prefixOf(root).slice(0, -1)}` : 'xmlns'))?.[1] ?? '';
  return {
    part: main.part,
    contentType,
    macroEnabled: contentType.includes('macroenabled'),
    strict: nsUri === NS.strict.main,
    xml,
    root,
    prefix: prefixOf(root),
    sheets,
    names,
    date1904: d1904 === '1' || d1904 === 'true',
    stylesPart: rels.find((r) => relType(r.type) === 'styles')?.part ?? undefined,
    sharedStringsPart: rels.find((r) => relType(r.type) === 'sharedStrings')?.part ?? undefined,
  };
}

/** Sheet names compare case-insensitively in Excel. */
export const sameSheetName = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** The sheet a reference such as "'Tulokset 2025'!$A$1" points at, or null. */
export function sheetOfReference(formula: string): string | null {
  const m = /^=?(?:'((?:[^']|'')+)'|([^'!]+))!/.exec(formula.trim());
  if (!m) return null;
  return m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
}

/**
 * Indexes of the sheets that carry a sheet-scoped defined name `name` (the owner mark) pointing at
 * the sheet itself. Excel copies a sheet's scoped names with it, pointed at the copy, so a user's
 * copy of an output sheet is marked too; a mark that points at another sheet is no mark.
 */
export function sheetsWithScopedName(wb: WorkbookInfo, name: string): Set<number> {
  const key = name.toLowerCase();
  return new Set(
    wb.names
      .filter((n) => n.localSheetId !== undefined && n.name.toLowerCase() === key)
      .filter((n) => {
        const target = sheetOfReference(n.text);
        const sheet = wb.sheets[n.localSheetId!];
        return sheet !== undefined && target !== null && sameSheetName(target, sheet.name);
      })
      .map((n) => n.localSheetId!),
  );
}
