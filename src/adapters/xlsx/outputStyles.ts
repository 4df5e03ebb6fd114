/**
 * The look of the output cells (one style per CellStyle of the layout, the same look the office.js
 * adapter draws), appended to the user's styles.xml: our fonts, fills, borders, number formats,
 * cell formats (xf) and the two differential formats of the check cells are added at the end of
 * their lists, and every index the output sheets use is remapped to where ours landed. The user's
 * styles keep their indexes, so nothing of theirs changes. A rerun finds our elements already
 * there (they are written in one canonical form) and reuses them instead of adding copies.
 */
import type { CellStyle } from '../../workbook/sheetSpec';
import { NUMBER_FORMATS } from '../../workbook/numberFormats';
import { escapeAttr, XML_DECLARATION } from './xml';

interface Look {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  color?: string;
  fill?: string;
  border?: 'header' | 'total';
  align?: { horizontal?: string; vertical?: string; wrapText?: boolean };
}

const LOOKS: Record<CellStyle, Look> = {
  title: { bold: true, size: 14 },
  subtitle: { bold: true, size: 12 },
  header: { bold: true, fill: 'FFD9E1F2', border: 'header', align: { wrapText: true, vertical: 'bottom' } },
  label: { bold: true },
  text: {},
  integer: {},
  money: {},
  moneyTotal: { bold: true, border: 'total' },
  decimal: {},
  fraction: {},
  percent: {},
  date: {},
  check: { bold: true, align: { horizontal: 'center' } },
  note: { italic: true, color: 'FF595959' },
};

export const STYLE_ORDER = Object.keys(LOOKS) as CellStyle[];

/** Built-in number formats (no numFmt element needed). */
const BUILTIN_IDS: Record<string, number> = { General: 0, '0': 1, '0.00': 2, '#,##0': 3, '#,##0.00': 4, '0%': 9, '0.00%': 10 };

/** Where each list of styles.xml sits (schema order of CT_Stylesheet) and the element of its items. */
const LISTS = [
  ['numFmts', 'numFmt'],
  ['fonts', 'font'],
  ['fills', 'fill'],
  ['borders', 'border'],
  ['cellStyleXfs', 'xf'],
  ['cellXfs', 'xf'],
  ['cellStyles', 'cellStyle'],
  ['dxfs', 'dxf'],
  ['tableStyles', 'tableStyle'],
  ['colors', ''],
  ['extLst', ''],
] as const;

type ListName = (typeof LISTS)[number][0];

const GRAY = 'FF7F7F7F';

/** Children of the user's default font (font 0) that our fonts keep: its name, family, scheme, charset. */
const FONT_ORDER = [
  'b',
  'i',
  'strike',
  'condense',
  'extend',
  'outline',
  'shadow',
  'u',
  'vertAlign',
  'sz',
  'color',
  'name',
  'family',
  'charset',
  'scheme',
];

export interface AppendedStyles {
  /** The new styles.xml. */
  xml: string;
  /** xf index of each CellStyle. */
  xf: Record<CellStyle, number>;
  /** dxf indexes of the check cells' conditional formats. */
  dxfTrue: number;
  dxfFalse: number;
}

/** A minimal styles.xml for a package without one (every package we write needs cell styles). */
export function emptyStyles(mainNs: string): string {
  return (
    XML_DECLARATION +
    `<styleSheet xmlns="${mainNs}">` +
    '<fonts count="1"><font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font></fonts>' +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
    '<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
    '</styleSheet>'
  );
}

/** Splits the items of one list out of styles.xml (items of these lists never nest in themselves). */
function itemsOf(inner: string, p: string, item: string): string[] {
  const re = new RegExp(`<${p}${item}(?=[\\s/>])(?:[^>]*?/>|[^>]*?>[\\s\\S]*?</${p}${item}>)`, 'g');
  return inner.match(re) ?? [];
}

export function appendOutputStyles(stylesXml: string): AppendedStyles {
  const rootMatch = /<([A-Za-z_][\w.-]*:)?styleSheet[\s>]/.exec(stylesXml);
  if (!rootMatch) throw new Error('styles.xml has no styleSheet element');
  const p = rootMatch[1] ?? '';
  let xml = stylesXml;

  /** The list block: its items and where it is; a missing list is created at its schema place. */
  const block = (list: ListName) => {
    const re = new RegExp(`<${p}${list}(\\s[^>]*)?(/>|>([\\s\\S]*?)</${p}${list}>)`);
    const m = re.exec(xml);
    if (m) return { start: m.index, end: m.index + m[0].length, attrs: m[1] ?? '', inner: m[3] ?? '', found: true };
    // Insert before the first list that comes after it in the schema, else before </styleSheet>.
    const after = LISTS.slice(LISTS.findIndex(([n]) => n === list) + 1).map(([n]) => n);
    let at = xml.lastIndexOf(`</${p}styleSheet>`);
    for (const n of after) {
      const i = xml.search(new RegExp(`<${p}${n}[\\s/>]`));
      if (i >= 0) {
        at = i;
        break;
      }
    }
    return { start: at, end: at, attrs: '', inner: '', found: false };
  };

  /** Items a list must start with when a package has none (indexes 0 and 1 are reserved there). */
  const defaults: Partial<Record<ListName, string[]>> = {
    fonts: [`<${p}font><${p}sz val="11"/><${p}name val="Calibri"/></${p}font>`],
    fills: [`<${p}fill><${p}patternFill patternType="none"/></${p}fill>`, `<${p}fill><${p}patternFill patternType="gray125"/></${p}fill>`],
    borders: [`<${p}border><${p}left/><${p}right/><${p}top/><${p}bottom/><${p}diagonal/></${p}border>`],
    cellStyleXfs: [`<${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>`],
    cellXfs: [`<${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`],
  };

  /** Adds items to a list (reusing identical ones); returns each item's index. */
  const add = (list: ListName, item: string, wanted: string[]): number[] => {
    const b = block(list);
    if (!b.found) b.inner = (defaults[list] ?? []).join('');
    const existing = itemsOf(b.inner, p, item);
    const indexes: number[] = [];
    const added: string[] = [];
    for (const w of wanted) {
      const at = [...existing, ...added].indexOf(w);
      if (at >= 0) indexes.push(at);
      else {
        added.push(w);
        indexes.push(existing.length + added.length - 1);
      }
    }
    if (added.length || !b.found) {
      const count = existing.length + added.length;
      const attrs = /\scount="/.test(b.attrs) ? b.attrs.replace(/\scount="\d*"/, ` count="${count}"`) : `${b.attrs} count="${count}"`;
      xml = `${xml.slice(0, b.start)}<${p}${list}${attrs}>${b.inner}${added.join('')}</${p}${list}>${xml.slice(b.end)}`;
    }
    return indexes;
  };

  // Number formats: built-in ids need no element; custom ones reuse an existing id of the same code.
  const numFmtId: Record<string, number> = {};
  {
    const b = block('numFmts');
    const existing = itemsOf(b.inner, p, 'numFmt').map((el) => ({
      id: Number(/numFmtId="(\d+)"/.exec(el)?.[1] ?? 0),
      code: decodeAttr(/formatCode="([^"]*)"/.exec(el)?.[1] ?? ''),
    }));
    let next = Math.max(163, ...existing.map((e) => e.id)) + 1;
    const fresh: string[] = [];
    for (const code of new Set(Object.values(NUMBER_FORMATS))) {
      if (code in BUILTIN_IDS) numFmtId[code] = BUILTIN_IDS[code];
      else {
        const hit = existing.find((e) => e.code === code);
        if (hit) numFmtId[code] = hit.id;
        else {
          numFmtId[code] = next;
          fresh.push(`<${p}numFmt numFmtId="${next}" formatCode="${escapeAttr(code)}"/>`);
          next++;
        }
      }
    }
    if (fresh.length) add('numFmts', 'numFmt', fresh);
  }

  // Fonts: the user's default font with our weight, slant, size and colour.
  const fontBlock = block('fonts');
  const font0 = itemsOf(fontBlock.inner, p, 'font')[0] ?? defaults.fonts![0];
  const fontInner = font0.replace(new RegExp(`^<${p}font\\b[^>]*?(/?)>`), '').replace(new RegExp(`</${p}font>$`), '');
  const baseParts = new Map<string, string>();
  for (const m of fontInner.matchAll(new RegExp(`<${p}(\\w+)(?=[\\s/>])[^>]*?(?:/>|>[\\s\\S]*?</${p}\\1>)`, 'g')))
    baseParts.set(m[1], m[0]);
  const fontOf = (look: Look) => {
    const parts = new Map(baseParts);
    parts.delete('b');
    parts.delete('i');
    if (look.bold) parts.set('b', `<${p}b/>`);
    if (look.italic) parts.set('i', `<${p}i/>`);
    if (look.size) parts.set('sz', `<${p}sz val="${look.size}"/>`);
    if (look.color) parts.set('color', `<${p}color rgb="${look.color}"/>`);
    return `<${p}font>${FONT_ORDER.filter((k) => parts.has(k))
      .map((k) => parts.get(k))
      .join('')}</${p}font>`;
  };
  const fillOf = (look: Look) =>
    look.fill
      ? `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${look.fill}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`
      : null;
  const side = (name: string, style?: string) =>
    style ? `<${p}${name} style="${style}"><${p}color rgb="${GRAY}"/></${p}${name}>` : `<${p}${name}/>`;
  const borderOf = (look: Look) => {
    if (look.border === 'header')
      return `<${p}border>${side('left')}${side('right')}${side('top')}${side('bottom', 'thin')}${side('diagonal')}</${p}border>`;
    if (look.border === 'total')
      return `<${p}border>${side('left')}${side('right')}${side('top', 'thin')}${side('bottom', 'double')}${side('diagonal')}</${p}border>`;
    return null;
  };

  const fonts = add(
    'fonts',
    'font',
    STYLE_ORDER.map((s) => fontOf(LOOKS[s])),
  );
  const fillXml = STYLE_ORDER.map((s) => fillOf(LOOKS[s]));
  const fills = add(
    'fills',
    'fill',
    fillXml.filter((x): x is string => x !== null),
  );
  const borderXml = STYLE_ORDER.map((s) => borderOf(LOOKS[s]));
  const borders = add(
    'borders',
    'border',
    borderXml.filter((x): x is string => x !== null),
  );

  let fi = 0;
  let bi = 0;
  const xfXml = STYLE_ORDER.map((s, i) => {
    const look = LOOKS[s];
    const code = NUMBER_FORMATS[s];
    const numFmt = code === undefined ? 0 : numFmtId[code];
    const fillId = fillXml[i] === null ? 0 : fills[fi++];
    const borderId = borderXml[i] === null ? 0 : borders[bi++];
    const a = look.align;
    const align = a
      ? `<${p}alignment${a.horizontal ? ` horizontal="${a.horizontal}"` : ''}${a.vertical ? ` vertical="${a.vertical}"` : ''}${a.wrapText ? ' wrapText="1"' : ''}/>`
      : '';
    const applies = `${numFmt ? ' applyNumberFormat="1"' : ''} applyFont="1"${fillId ? ' applyFill="1"' : ''}${borderId ? ' applyBorder="1"' : ''}${align ? ' applyAlignment="1"' : ''}`;
    return `<${p}xf numFmtId="${numFmt}" fontId="${fonts[i]}" fillId="${fillId}" borderId="${borderId}" xfId="0"${applies}${align ? `>${align}</${p}xf>` : '/>'}`;
  });
  const xfs = add('cellXfs', 'xf', xfXml);

  const dxf = (font: string, fill: string) =>
    `<${p}dxf><${p}font><${p}color rgb="${font}"/></${p}font><${p}fill><${p}patternFill patternType="solid"><${p}bgColor rgb="${fill}"/></${p}patternFill></${p}fill></${p}dxf>`;
  const [dxfTrue, dxfFalse] = add('dxfs', 'dxf', [dxf('FF006100', 'FFC6EFCE'), dxf('FF9C0006', 'FFFFC7CE')]);

  return { xml, xf: Object.fromEntries(STYLE_ORDER.map((s, i) => [s, xfs[i]])) as Record<CellStyle, number>, dxfTrue, dxfFalse };
}

function decodeAttr(s: string): string {
  return s
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
