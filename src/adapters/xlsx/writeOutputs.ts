/**
 * Writing the output sheets into a package by adding, never by rewriting: every part of the user's
 * file (sheets, charts, drawings, images, comments, pivot tables and caches, slicers, macros, custom
 * XML, external links) stays byte-identical. Added: the output sheets' SheetML and table parts.
 * Changed, because they must reference the new parts: the workbook part (its sheet list, defined
 * names, calculation properties and active tab; the rest of it as written), its relationships,
 * [Content_Types].xml (one Override per new part; the package's own content types, e.g. .xlsm's,
 * kept), styles.xml (our styles appended; the user's keep their indexes) and, when it lists the
 * sheet names, docProps/app.xml.
 *
 * A rerun removes the add-in's previous output sheets (those with the owner mark) and the parts that
 * only they reached (their tables, a comment a user put there), and the calculation chain (a cache
 * of formula cells by sheet that Excel rebuilds; left alone it would name deleted sheets).
 *
 * `planOutputs` only computes: what to put and what to remove. Nothing changes until every part is
 * planned; the caller applies the plan in one step.
 */
import { OWNER_NAME, type SheetSpec } from '../../workbook/sheetSpec';
import { OUTPUT_SHEET_NAMES } from '../../workbook/layout';
import { SheetConflictError, TableNameConflictError } from '../../workbook/port';
import { appendOutputStyles, emptyStyles } from './outputStyles';
import { CONTENT_TYPES_PART, OpcPackage, relativeTarget, relsPartOf, relType } from './opc';
import { appPropertiesXml, closure, contentTypesXml, reachable, workbookRelsXml } from './packageEdit';
import { sheetXmlChunks } from './sheetXml';
import { tablePartXml, type TablePart } from './tableParts';
import { editWorkbookXml } from './workbookEdit';
import { NS, sameSheetName, sheetsWithScopedName, type WorkbookInfo } from './workbookPart';
import { attr, escapeAttr, parseXml, XML_DECLARATION } from './xml';

export { quoteSheet } from './workbookEdit';

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
  /** Marked sheets that are not output sheets (a user's copies): kept. */
  otherMarkedSheets: string[];
}

export interface Loaded {
  pkg: OpcPackage;
  wb: WorkbookInfo;
  tables: TablePart[];
}

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

export async function planOutputs(
  loaded: Loaded,
  specs: SheetSpec[],
  beforeSheet?: (spec: SheetSpec, index: number) => void,
): Promise<OutputPlan> {
  const { pkg, wb, tables } = loaded;
  // Replaced: the marked sheets named as an output sheet. Other marked sheets (a user's copy of an
  // output sheet, which Excel marks too) are kept and named in the outcome.
  const marked = sheetsWithScopedName(wb, OWNER_NAME);
  const outputNames = new Set([...OUTPUT_SHEET_NAMES, ...specs.filter((s) => !s.input).map((s) => s.name)].map((n) => n.toLowerCase()));
  const own = new Set([...marked].filter((i) => outputNames.has(wb.sheets[i].name.toLowerCase())));
  const otherMarkedSheets = [...marked].filter((i) => !own.has(i)).map((i) => wb.sheets[i].name);

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
    if (name)
      throw new TableNameConflictError(
        t.name,
        name.localSheetId === undefined ? 'Nimien hallinta / Name Manager' : (wb.sheets[name.localSheetId]?.name ?? ''),
      );
  }

  const strict = wb.strict;
  const ns = strict ? NS.strict : NS.transitional;
  const relTypeUri = (kind: string) =>
    `${strict ? 'http://purl.oclc.org/ooxml/officeDocument/relationships' : 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'}/${kind}`;
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
    if (sheetRels.length)
      put.set(
        relsPartOf(part),
        `${XML_DECLARATION}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheetRels.join('')}</Relationships>`,
      );
    const ctx = {
      mainNs: ns.main,
      relNs: ns.rel,
      xf: styles.xf,
      dxfTrue: styles.dxfTrue,
      dxfFalse: styles.dxfFalse,
      tableRelIds: tableRels,
    };
    put.set(part, () => sheetXmlChunks(spec, ctx));
    added.push({ spec, part, relId });
  });

  // 4-6. The workbook part: its sheet list, defined names, calculation flag and active tab.
  const workbookXml = editWorkbookXml(wb, own, added, redefined, ns.rel);
  put.set(wb.part, workbookXml);
  // The sheet titles of docProps/app.xml follow, when its list is recognisable.
  const appRel = (await pkg.rels('/')).find((r) => relType(r.type) === 'extended-properties');
  if (appRel?.part && pkg.has(appRel.part)) {
    const kinds = new Map(wb.sheets.map((x) => [x.name.toLowerCase(), x.kind]));
    const ours = new Set(specs.map((x) => x.name.toLowerCase()));
    const sheetsEl = parseXml(workbookXml).children.find((c) => c.local === 'sheets');
    const newNames = (sheetsEl?.children ?? []).map((c) => attr(c, 'name') ?? '');
    const worksheets = newNames.filter((n) => ours.has(n.toLowerCase()) || kinds.get(n.toLowerCase()) === 'worksheet');
    const app = appPropertiesXml(
      await pkg.text(appRel.part),
      wb.sheets.filter((x) => x.kind === 'worksheet').map((x) => x.name),
      worksheets,
    );
    if (app !== null) put.set(appRel.part, app);
  }
  const oldSheets = wb.sheets;

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
  return { put, remove, otherMarkedSheets };
}
