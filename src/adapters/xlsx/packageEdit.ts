/**
 * The package-level parts a write changes: the parts only the removed sheets reached (they go with
 * them), the workbook's relationships and [Content_Types].xml. Textual edits: every element kept
 * stays as written.
 */
import { CONTENT_TYPES_PART, OpcPackage, relsPartOf } from './opc';
import type { WorkbookInfo } from './workbookPart';
import { escapeAttr, XML_DECLARATION } from './xml';

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

export async function workbookRelsXml(pkg: OpcPackage, wb: WorkbookInfo, drop: Set<string>, add: { id: string; type: string; target: string }[]): Promise<string> {
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
