/**
 * The workbook part after a write: its sheet list (the old own sheets out, the new ones where the
 * first of them was), its defined names (the user's kept, sheet-scoped ones following their sheet's
 * new index; ours added: owner marks, print titles, SheetSpec.names), full recalculation on load and
 * the active tab kept. Only these blocks are rewritten; the rest of the part stays as written.
 */
import { OWNER_NAME, type SheetSpec } from '../../workbook/sheetSpec';
import { colLetters } from '../../workbook/formula';
import type { NameInfo, SheetInfo, WorkbookInfo } from './workbookPart';
import { escapeAttr, escapeText } from './xml';

/** Sheet name as written in a reference: always quoted, quotes doubled. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** The sheet names a defined name's formula refers to ('Quoted'!A1, Plain!A1). */
function sheetsReferenced(formula: string): string[] {
  const out: string[] = [];
  for (const m of formula.matchAll(/'((?:[^']|'')+)'!|([A-Za-z_\u00c0-\uffff][\w.\u00c0-\uffff]*)!/g))
    out.push(m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2]);
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
const AFTER_DEFINED_NAMES = [
  'calcPr',
  'oleSize',
  'customWorkbookViews',
  'pivotCaches',
  'smartTagPr',
  'smartTagTypes',
  'webPublishing',
  'fileRecoveryPr',
  'webPublishObjects',
  'extLst',
];

function setAttr(tag: string, key: string, value: string): string {
  const re = new RegExp(`(\\s${key}=")[^"]*(")`);
  if (re.test(tag)) return tag.replace(re, `$1${value}$2`);
  return tag.replace(/\s*(\/?)>$/, ` ${key}="${value}"$1>`);
}

function nameXml(p: string, n: NameInfo, changes: Record<string, string>): string {
  return elementXml(`${p}definedName`, { ...n.attrs, ...changes }, n.text);
}

export function editWorkbookXml(
  wb: WorkbookInfo,
  own: Set<number>,
  added: { spec: SheetSpec; relId: string }[],
  redefined: Set<string>,
  relNs: string,
): string {
  // The sheet list: the old own sheets out, the new ones where the first of them was.
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
  const newIndexOfName = (name: string) =>
    list.findIndex((x) => (x.kind === 'new' ? x.name : x.s.name).toLowerCase() === name.toLowerCase());

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
  const relNsDecl = `xmlns:${relPrefix}` in wb.root.attrs ? '' : ` xmlns:${relPrefix}="${relNs}"`;
  const sheetsXml =
    `<${p}sheets>` +
    list
      .map((x) =>
        x.kind === 'old'
          ? elementXml(
              `${p}sheet`,
              oldSheetEls[x.old]?.attrs ?? { name: x.s.name, sheetId: String(x.s.sheetId), [`${relPrefix}:id`]: x.s.relId },
            )
          : elementXml(`${p}sheet`, {
              name: x.name,
              sheetId: String(x.sheetId),
              ...(relNsDecl ? { [`xmlns:${relPrefix}`]: relNs } : {}),
              [`${relPrefix}:id`]: x.relId,
            }),
      )
      .join('') +
    `</${p}sheets>`;

  // Defined names: the user's kept (sheet-scoped ones follow their sheet's new index); names of
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
    // An input sheet the run adds (SheetSpec.input) is the user's from now on: no owner mark.
    if (!a.spec.input) names.push(elementXml(`${p}definedName`, { name: OWNER_NAME, localSheetId: String(j) }, `${q}!$A$1`));
    if (a.spec.print?.repeatRows)
      names.push(
        elementXml(`${p}definedName`, { name: '_xlnm.Print_Titles', localSheetId: String(j) }, `${q}!$1:$${a.spec.print.repeatRows}`),
      );
    for (const n of a.spec.names ?? []) {
      const rows = n.rows ?? 1;
      const cols = n.cols ?? 1;
      const tl = `$${colLetters(n.col)}$${n.row + 1}`;
      const ref = rows === 1 && cols === 1 ? tl : `${tl}:$${colLetters(n.col + cols - 1)}$${n.row + rows}`;
      names.push(elementXml(`${p}definedName`, { name: n.name, ...(n.comment ? { comment: n.comment } : {}) }, `${q}!${ref}`));
    }
  }
  const definedNamesXml = names.length ? `<${p}definedNames>${names.join('')}</${p}definedNames>` : '';

  // The part: the blocks above, full recalculation on load, the active tab kept.
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
  return xml;
}
