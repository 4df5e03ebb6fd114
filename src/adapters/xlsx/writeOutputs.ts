/**
 * Writing the output sheets into a package by adding, never by rewriting: every part of the user's
 * file (sheets, charts, drawings, images, comments, pivot tables and caches, slicers, macros, custom
 * XML, external links) stays byte-identical. Added: the output sheets' SheetML and table parts.
 * Changed, because they must reference the new parts: the workbook part (its sheet list, defined
 * names, calculation properties and active tab; the rest of it as written), its relationships,
 * [Content_Types].xml (one Override per new part; the package's own content types, e.g. .xlsm's,
 * kept) and styles.xml (our styles appended; the user's keep their indexes).
 *
 * A rerun removes the add-in's previous output sheets (those with the owner mark) and the parts that
 * only they reached (their tables, a comment a user put there), and the calculation chain (a cache
 * of formula cells by sheet that Excel rebuilds; left alone it would name deleted sheets).
 *
 * `planOutputs` only computes: what to put and what to remove. Nothing changes until every part is
 * planned; the caller applies the plan in one step.
 */
import { OWNER_MARK, type SheetSpec } from '../../workbook/sheetSpec';
import { SheetConflictError, TableNameConflictError } from '../../workbook/port';
import { appendOutputStyles, emptyStyles } from './outputStyles';
import { CONTENT_TYPES_PART, OpcPackage, relativeTarget, relsPartOf, relType } from './opc';
import { sheetXmlChunks } from './sheetXml';
import { tablePartXml, type TablePart } from './tableParts';
import { NS, sameSheetName, sheetsWithScopedName, type NameInfo, type SheetInfo, type WorkbookInfo } from './workbookPart';
import { escapeAttr, escapeText, XML_DECLARATION } from './xml';

/** Name of the sheet-scoped defined name that marks an output sheet as the add-in's own. */
export const OWNER_NAME = OWNER_MARK.replace(/[^A-Za-z0-9_.]/g, '_');

export const CT = {
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  table: 'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
};

/** Contents of a part to write: text, or text produced in chunks when the package is generated. */
export type PartContent = string | (() => Iterable<string>);

export interface OutputPlan {
  put: Map<string, PartContent>;
  remove: Set<string>;
}

export interface Loaded {
  pkg: OpcPackage;
  wb: WorkbookInfo;
  tables: TablePart[];
}

/** Sheet name as written in a reference: always quoted, quotes doubled. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** The sheet names a defined name's formula refers to ('Quoted'!A1, Plain!A1). */
function sheetsReferenced(formula: string): string[] {
  const out: string[] = [];
  for (const m of formula.matchAll(/'((?:[^']|'')+)'!|([A-Za-z_\u00c0-\uffff][\w.\u00c0-\uffff]*)!/g)) out.push(m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2]);
  return out;
}

function elementXml(name: string, attrs: Record<string, string>, text?: string): string {
  const a = Object.entries(attrs)
    .map(([k, v]) => ` ${k}="${escapeAttr(v)}"`)
    .join('');
  return text === undefined ? `<${name}${a}/>` : `<${name}${a}>${escapeText(text)}</${name}>`;
}

/** Replaces a block of the workbook part (e.g. <sheets>...</sheets>) or inserts it before the first of `before`. */
function replaceBlock(xml: string, p: string, local: string, content: string, before: string[]): string {
  const re = new RegExp(`<${p}${local}(?=[\\s/>])[^>]*?(?:/>|>[\\s\\S]*?</${p}${local}>)`);
  if (re.test(xml)) return xml.replace(re, () => content);
  if (!content) return xml;
  for (const b of before) {
    const i = xml.search(new RegExp(`<${p}${b}(?=[\\s/>])`));
    if (i >= 0) return xml.slice(0, i) + content + xml.slice(i);
  }
  const end = xml.lastIndexOf(`</${p}workbook>`);
  return xml.slice(0, end) + content + xml.slice(end);
}

/** Children of CT_Workbook after definedNames, in schema order (where a missing block is inserted). */
const AFTER_DEFINED_NAMES = ['calcPr', 'oleSize', 'customWorkbookViews', 'pivotCaches', 'smartTagPr', 'smartTagTypes', 'webPublishing', 'fileRecoveryPr', 'webPublishObjects', 'extLst'];

/** A part name not used yet, e.g. /xl/worksheets/sheet12.xml. */
function freePart(pkg: OpcPackage, taken: Set<string>, folder: string, stem: string): string {
  for (let n = 1; ; n++) {
    const name = `${folder}${stem}${n}.xml`;
    if (!pkg.has(name) && !taken.has(name.toLowerCase())) {
      taken.add(name.toLowerCase());
      return name;
    }
  }
}

/** Every part reachable from the package root through internal relationships, not entering `skip`. */
async function reachable(pkg: OpcPackage, skip: Set<string>): Promise<Set<string>> {
  const seen = new Set<string>();
  const queue = ['/'];
  while (queue.length) {
    const part = queue.pop()!;
    for (const r of await pkg.rels(part)) {
      if (!r.part) continue;
      const key = r.part.toLowerCase();
      if (seen.has(key) || skip.has(key)) continue;
      seen.add(key);
      if (pkg.has(r.part)) queue.push(r.part);
    }
  }
  return seen;
}

export async function planOutputs(loaded: Loaded, specs: SheetSpec[], beforeSheet?: (spec: SheetSpec, index: number) => void): Promise<OutputPlan> {
  const { pkg, wb, tables } = loaded;
  const own = sheetsWithScopedName(wb, OWNER_NAME);

  // 1. Refuse before planning anything.
  const seen = new Set<string>();
  for (const spec of specs) {
    const key = spec.name.toLowerCase();
    if (seen.has(key)) throw new Error(`Output sheet "${spec.name}" twice in one write`);
    seen.add(key);
    const i = wb.sheets.findIndex((s) => sameSheetName(s.name, spec.name));
    if (i >= 0 && !own.has(i)) throw new SheetConflictError(wb.sheets[i].name);
  }
  const redefined = new Set(specs.flatMap((s) => (s.names ?? []).map((n) => n.name.toLowerCase())));
  for (const t of specs.flatMap((s) => s.tables ?? [])) {
    const clash = tables.find((x) => !own.has(x.sheetIndex) && x.name.toLowerCase() === t.name.toLowerCase());
    if (clash) throw new TableNameConflictError(t.name, wb.sheets[clash.sheetIndex].name);
    // Table names and defined names share one namespace in Excel.
    const name = wb.names.find((n) => n.name.toLowerCase() === t.name.toLowerCase() && !redefined.has(n.name.toLowerCase()));
    if (name) throw new TableNameConflictError(t.name, name.localSheetId === undefined ? 'Nimien hallinta / Name Manager' : wb.sheets[name.localSheetId]?.name ?? '');
  }

  const strict = wb.strict;
  const ns = strict ? NS.strict : NS.transitional;
  const relTypeUri = (kind: string) => `${strict ? 'http://purl.oclc.org/ooxml/officeDocument/relationships' : 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'}/${kind}`;
  const put = new Map<string, PartContent>();
  const remove = new Set<string>();
  const taken = new Set<string>();

  // 2. Styles: ours appended to the user's (a package without styles gets a minimal one first).
  const wbRels = await pkg.rels(wb.part);
  let stylesPart = wb.stylesPart && pkg.has(wb.stylesPart) ? wb.stylesPart : undefined;
  const newRels: { id: string; type: string; target: string }[] = [];
  let relNo = Math.max(0, ...wbRels.map((r) => Number(/^rId(\d+)$/.exec(r.id)?.[1] ?? 0))) + 1;
  const nextRelId = () => `rId${relNo++}`;
  const newOverrides: [string, string][] = [];
  let stylesXml: string;
  if (stylesPart) stylesXml = await pkg.text(stylesPart);
  else {
    stylesPart = freePart(pkg, taken, wb.part.slice(0, wb.part.lastIndexOf('/') + 1), 'styles');
    stylesXml = emptyStyles(ns.main);
    newRels.push({ id: nextRelId(), type: relTypeUri('styles'), target: relativeTarget(wb.part, stylesPart) });
    newOverrides.push([stylesPart, CT.styles]);
  }
  const styles = appendOutputStyles(stylesXml);
  put.set(stylesPart, styles.xml);

  // 3. The new sheets and their tables.
  const xlFolder = wb.part.slice(0, wb.part.lastIndexOf('/') + 1);
  let tableId = Math.max(0, ...tables.filter((t) => !own.has(t.sheetIndex)).map((t) => t.id)) + 1;
  const added: { spec: SheetSpec; part: string; relId: string }[] = [];
  specs.forEach((spec, i) => {
    beforeSheet?.(spec, i);
    const part = freePart(pkg, taken, `${xlFolder}worksheets/`, 'sheet');
    const relId = nextRelId();
    newRels.push({ id: relId, type: relTypeUri('worksheet'), target: relativeTarget(wb.part, part) });
    newOverrides.push([part, CT.worksheet]);
    const tableRels: string[] = [];
    const sheetRels: string[] = [];
    (spec.tables ?? []).forEach((t, j) => {
      const tablePart = freePart(pkg, taken, `${xlFolder}tables/`, 'table');
      put.set(tablePart, tablePartXml(t, tableId++, ns.main));
      newOverrides.push([tablePart, CT.table]);
      const id = `rId${j + 1}`;
      tableRels.push(id);
      sheetRels.push(`<Relationship Id="${id}" Type="${relTypeUri('table')}" Target="${escapeAttr(relativeTarget(part, tablePart))}"/>`);
    });
    if (sheetRels.length) put.set(relsPartOf(part), `${XML_DECLARATION}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheetRels.join('')}</Relationships>`);
    const ctx = { mainNs: ns.main, relNs: ns.rel, xf: styles.xf, dxfTrue: styles.dxfTrue, dxfFalse: styles.dxfFalse, tableRelIds: tableRels };
    put.set(part, () => sheetXmlChunks(spec, ctx));
    added.push({ spec, part, relId });
  });

  // 4. The workbook's sheet list: the old own sheets out, the new ones where the first of them was.
  const oldSheets = wb.sheets;
  const kept = oldSheets.map((s, i) => ({ s, i })).filter(({ i }) => !own.has(i));
  const firstOwn = oldSheets.findIndex((_, i) => own.has(i));
  const insertAt = firstOwn < 0 ? kept.length : kept.filter(({ i }) => i < firstOwn).length;
  let sheetId = Math.max(0, ...oldSheets.map((s) => s.sheetId)) + 1;
  type NewSheet = { kind: 'old'; s: SheetInfo; old: number } | { kind: 'new'; name: string; sheetId: number; relId: string };
  const list: NewSheet[] = kept.map(({ s, i }) => ({ kind: 'old', s, old: i }));
  list.splice(insertAt, 0, ...added.map((a) => ({ kind: 'new' as const, name: a.spec.name, sheetId: sheetId++, relId: a.relId })));
  const newIndexOfOld = new Map<number, number>();
  list.forEach((x, j) => x.kind === 'old' && newIndexOfOld.set(x.old, j));
  const newIndexOfName = (name: string) => list.findIndex((x) => (x.kind === 'new' ? x.name : x.s.name).toLowerCase() === name.toLowerCase());

  const p = wb.prefix;
  const sheetsEl = wb.root.children.find((c) => c.local === 'sheets');
  const oldSheetEls = sheetsEl ? sheetsEl.children.filter((c) => c.local === 'sheet') : [];
  const relPrefix = (() => {
    const el = oldSheetEls[0];
    const k = el ? Object.keys(el.attrs).find((a) => a.includes(':') && a.endsWith(':id') && !a.startsWith('xmlns')) : undefined;
    return k ? k.slice(0, k.indexOf(':')) : 'r';
  })();
  // The prefix must be in scope for our elements: declared on the root (openpyxl declares it on each
  // <sheet> instead), else on each new element.
  const relNsDecl = `xmlns:${relPrefix}` in wb.root.attrs ? '' : ` xmlns:${relPrefix}="${ns.rel}"`;
  const sheetsXml =
    `<${p}sheets>` +
    list
      .map((x) =>
        x.kind === 'old'
          ? elementXml(`${p}sheet`, oldSheetEls[x.old]?.attrs ?? { name: x.s.name, sheetId: String(x.s.sheetId), [`${relPrefix}:id`]: x.s.relId })
          : elementXml(`${p}sheet`, { name: x.name, sheetId: String(x.sheetId), ...(relNsDecl ? { [`xmlns:${relPrefix}`]: ns.rel } : {}), [`${relPrefix}:id`]: x.relId }),
      )
      .join('') +
    `</${p}sheets>`;

  // 5. Defined names: the user's kept (sheet-scoped ones follow their sheet's new index); names of
  //    the old own sheets and names the new sheets define again go; ours are added.
  const replacedNames = new Set([...own].map((i) => oldSheets[i].name.toLowerCase()));
  const stillThere = new Set(list.map((x) => (x.kind === 'new' ? x.name : x.s.name).toLowerCase()));
  const names: string[] = [];
  for (const n of wb.names) {
    if (n.localSheetId !== undefined) {
      const j = newIndexOfOld.get(n.localSheetId);
      if (j === undefined) continue; // scoped to a removed sheet: goes with it
      names.push(nameXml(p, n, { localSheetId: String(j) }));
      continue;
    }
    if (redefined.has(n.name.toLowerCase())) continue;
    const refs = sheetsReferenced(n.text).map((s) => s.toLowerCase());
    // A name into our old sheets survives when the sheet is written again (same name), else it goes.
    if (refs.some((r) => replacedNames.has(r) && !stillThere.has(r))) continue;
    names.push(nameXml(p, n, {}));
  }
  for (const a of added) {
    const j = newIndexOfName(a.spec.name);
    const q = quoteSheet(a.spec.name);
    names.push(elementXml(`${p}definedName`, { name: OWNER_NAME, localSheetId: String(j) }, `${q}!$A$1`));
    if (a.spec.print?.repeatRows) names.push(elementXml(`${p}definedName`, { name: '_xlnm.Print_Titles', localSheetId: String(j) }, `${q}!$1:$${a.spec.print.repeatRows}`));
    for (const n of a.spec.names ?? []) {
      const rows = n.rows ?? 1;
      const cols = n.cols ?? 1;
      const tl = `$${colLetter(n.col)}$${n.row + 1}`;
      const ref = rows === 1 && cols === 1 ? tl : `${tl}:$${colLetter(n.col + cols - 1)}$${n.row + rows}`;
      names.push(elementXml(`${p}definedName`, { name: n.name, ...(n.comment ? { comment: n.comment } : {}) }, `${q}!${ref}`));
    }
  }
  const definedNamesXml = names.length ? `<${p}definedNames>${names.join('')}</${p}definedNames>` : '';

  // 6. The workbook part: the blocks above, full recalculation on load, the active tab kept.
  let xml = wb.xml;
  xml = replaceBlock(xml, p, 'sheets', sheetsXml, []);
  xml = replaceBlock(xml, p, 'definedNames', definedNamesXml, AFTER_DEFINED_NAMES);
  const calc = new RegExp(`<${p}calcPr(?=[\\s/>])[^>]*?(/?)>`);
  if (calc.test(xml)) xml = xml.replace(calc, (tag) => setAttr(tag, 'fullCalcOnLoad', '1'));
  else xml = replaceBlock(xml, p, 'calcPr', `<${p}calcPr fullCalcOnLoad="1"/>`, AFTER_DEFINED_NAMES.slice(1));
  xml = xml.replace(new RegExp(`<${p}workbookView(?=[\\s/>])[^>]*?/?>`, 'g'), (tag) => {
    let t = tag;
    for (const key of ['activeTab', 'firstSheet']) {
      const m = new RegExp(`\\s${key}="(\\d+)"`).exec(t);
      if (!m) continue;
      const old = Number(m[1]);
      let j = newIndexOfOld.get(old);
      if (j === undefined) j = own.has(old) ? Math.max(0, newIndexOfName(oldSheets[old].name)) : 0;
      t = setAttr(t, key, String(Math.max(0, j)));
    }
    return t;
  });
  put.set(wb.part, xml);

  // 7. Parts only the old own sheets reached go (and the calculation chain, which names sheets by id).
  const removedSheetParts = [...own].map((i) => oldSheets[i].part).filter((x): x is string => x !== null);
  const dropRelIds = new Set([...own].map((i) => oldSheets[i].relId));
  if (removedSheetParts.length) {
    const roots = [...removedSheetParts];
    const calcChain = wbRels.find((r) => relType(r.type) === 'calcChain');
    if (calcChain?.part && pkg.has(calcChain.part)) {
      roots.push(calcChain.part);
      dropRelIds.add(calcChain.id);
    }
    const live = await reachable(pkg, new Set(roots.map((x) => x.toLowerCase())));
    for (const part of await closure(pkg, roots)) {
      if (live.has(part.toLowerCase()) || !pkg.has(part)) continue;
      remove.add(part);
      if (pkg.has(relsPartOf(part))) remove.add(relsPartOf(part));
    }
  }

  // 8. The workbook's relationships and the content types.
  put.set(relsPartOf(wb.part), await workbookRelsXml(pkg, wb, dropRelIds, newRels));
  put.set(CONTENT_TYPES_PART, await contentTypesXml(pkg, remove, newOverrides));
  return { put, remove };
}

/** The given parts and every part reachable from them through internal relationships. */
async function closure(pkg: OpcPackage, roots: string[]): Promise<string[]> {
  const seen = new Map(roots.map((r) => [r.toLowerCase(), r]));
  const queue = [...roots];
  while (queue.length) {
    const part = queue.pop()!;
    if (!pkg.has(part)) continue;
    for (const r of await pkg.rels(part)) {
      if (!r.part || seen.has(r.part.toLowerCase())) continue;
      seen.set(r.part.toLowerCase(), r.part);
      queue.push(r.part);
    }
  }
  return [...seen.values()];
}

function colLetter(col0: number): string {
  let n = col0 + 1;
  let s = '';
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function setAttr(tag: string, key: string, value: string): string {
  const re = new RegExp(`(\\s${key}=")[^"]*(")`);
  if (re.test(tag)) return tag.replace(re, `$1${value}$2`);
  return tag.replace(/\s*(\/?)>$/, ` ${key}="${value}"$1>`);
}

function nameXml(p: string, n: NameInfo, changes: Record<string, string>): string {
  return elementXml(`${p}definedName`, { ...n.attrs, ...changes }, n.text);
}

async function workbookRelsXml(pkg: OpcPackage, wb: WorkbookInfo, drop: Set<string>, add: { id: string; type: string; target: string }[]): Promise<string> {
  const part = relsPartOf(wb.part);
  const added = add.map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${escapeAttr(r.target)}"/>`).join('');
  if (!pkg.has(part)) return `${XML_DECLARATION}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${added}</Relationships>`;
  let xml = await pkg.text(part);
  const prefix = /<([\w.-]+:)?Relationships[\s>]/.exec(xml)?.[1] ?? '';
  xml = xml.replace(new RegExp(`<${prefix}Relationship(?=[\\s/>])[^>]*?(?:/>|>[\\s\\S]*?</${prefix}Relationship>)`, 'g'), (el) => {
    const id = /\sId="([^"]*)"/.exec(el)?.[1];
    return id !== undefined && drop.has(id) ? '' : el;
  });
  const end = xml.lastIndexOf(`</${prefix}Relationships>`);
  const addedP = prefix ? added.replace(/<Relationship /g, `<${prefix}Relationship `) : added;
  return xml.slice(0, end) + addedP + xml.slice(end);
}

async function contentTypesXml(pkg: OpcPackage, removed: Set<string>, add: [string, string][]): Promise<string> {
  let xml = await pkg.text(CONTENT_TYPES_PART);
  const prefix = /<([\w.-]+:)?Types[\s>]/.exec(xml)?.[1] ?? '';
  const gone = new Set([...removed].map((x) => x.toLowerCase()));
  xml = xml.replace(new RegExp(`<${prefix}Override(?=[\\s/>])[^>]*?(?:/>|>[\\s\\S]*?</${prefix}Override>)`, 'g'), (el) => {
    const name = /\sPartName="([^"]*)"/.exec(el)?.[1] ?? '';
    let key = name.toLowerCase();
    try {
      key = decodeURI(name).toLowerCase();
    } catch {
      /* keep */
    }
    return gone.has(key) ? '' : el;
  });
  const end = xml.lastIndexOf(`</${prefix}Types>`);
  const added = add.map(([part, type]) => `<${prefix}Override PartName="${escapeAttr(part)}" ContentType="${type}"/>`).join('');
  return xml.slice(0, end) + added + xml.slice(end);
}
