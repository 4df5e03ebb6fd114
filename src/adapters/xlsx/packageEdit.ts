/**
 * The package-level parts a write changes: the parts only the removed sheets reached (they go with
 * them), the workbook's relationships and [Content_Types].xml. Textual edits: every element kept
 * stays as written.
 */
import { CONTENT_TYPES_PART, OpcPackage, relsPartOf } from './opc';
import type { WorkbookInfo } from './workbookPart';
import { escapeAttr, escapeText, XML_DECLARATION } from './xml';

/** Every part reachable from the package root through internal relationships, not entering `skip`. */
export async function reachable(pkg: OpcPackage, skip: Set<string>): Promise<Set<string>> {
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

/** The given parts and every part reachable from them through internal relationships. */
export async function closure(pkg: OpcPackage, roots: string[]): Promise<string[]> {
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

export async function workbookRelsXml(
  pkg: OpcPackage,
  wb: WorkbookInfo,
  drop: Set<string>,
  add: { id: string; type: string; target: string }[],
): Promise<string> {
  const part = relsPartOf(wb.part);
  const added = add.map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${escapeAttr(r.target)}"/>`).join('');
  if (!pkg.has(part))
    return `${XML_DECLARATION}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${added}</Relationships>`;
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

export async function contentTypesXml(pkg: OpcPackage, removed: Set<string>, add: [string, string][]): Promise<string> {
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

const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/**
 * docProps/app.xml lists the sheet names (TitlesOfParts) by group (HeadingPairs: "Worksheets" 6,
 * "Named Ranges" 2, in the language of the Excel that saved it). The group whose titles are exactly
 * the old worksheet names gets the new ones; when no group is recognisably that (or the part has no
 * such lists, as LibreOffice's and openpyxl's), the part is left as it is: null.
 */
export function appPropertiesXml(xml: string, oldWorksheets: string[], newWorksheets: string[]): string | null {
  const pairs = /<(\w+:)?vector\b[^>]*baseType="variant"[^>]*>([\s\S]*?)<\/\1?vector>/.exec(xml.slice(xml.indexOf('HeadingPairs')));
  const titlesAt = xml.indexOf('TitlesOfParts');
  if (!pairs || titlesAt < 0) return null;
  const v = pairs[1] ?? '';
  const counts = [...pairs[2].matchAll(new RegExp(`<${v}i4>(\\d+)</${v}i4>`, 'g'))].map((m) => Number(m[1]));
  const titlesRe = new RegExp(`(<${v}vector\\b[^>]*baseType="lpstr"[^>]*>)([\\s\\S]*?)(</${v}vector>)`);
  const titlesMatch = titlesRe.exec(xml.slice(titlesAt));
  if (!titlesMatch) return null;
  const titles = [...titlesMatch[2].matchAll(new RegExp(`<${v}lpstr>([\\s\\S]*?)</${v}lpstr>`, 'g'))].map((m) => decode(m[1]));
  if (counts.reduce((a, b) => a + b, 0) !== titles.length) return null;
  let at = 0;
  let group = -1;
  counts.forEach((c, g) => {
    if (group < 0 && c === oldWorksheets.length && titles.slice(at, at + c).join('\n') === oldWorksheets.join('\n')) group = g;
    at += c;
  });
  if (group < 0) return null;
  const start = counts.slice(0, group).reduce((a, b) => a + b, 0);
  const nextTitles = [...titles.slice(0, start), ...newWorksheets, ...titles.slice(start + counts[group])];
  const vector = `${titlesMatch[1].replace(/\ssize="\d+"/, ` size="${nextTitles.length}"`)}${nextTitles.map((t) => `<${v}lpstr>${escapeText(t)}</${v}lpstr>`).join('')}${titlesMatch[3]}`;
  let out = xml.slice(0, titlesAt) + xml.slice(titlesAt).replace(titlesRe, () => vector);
  // The group's count: the (group+1)-th i4 inside HeadingPairs.
  const hpAt = out.indexOf('HeadingPairs');
  let k = -1;
  out =
    out.slice(0, hpAt) +
    out
      .slice(hpAt)
      .replace(new RegExp(`<${v}i4>(\\d+)</${v}i4>`, 'g'), (m) => (++k === group ? `<${v}i4>${newWorksheets.length}</${v}i4>` : m));
  return out;
}
