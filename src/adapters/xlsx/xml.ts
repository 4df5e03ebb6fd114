/**
 * XML for the package reader and writer: escaping, the OOXML string escapes (`_xHHHH_`), and a small
 * element tree for the package's small parts (workbook, relationships, content types, tables,
 * styles). Big parts (worksheets, shared strings) are streamed by their own readers instead.
 * Element and attribute names are matched by their local part, so a producer's prefixes
 * (`<x:sheet>`) and Strict OOXML's namespaces read the same as Excel's transitional files.
 */
import { SaxesParser } from 'saxes';

export interface XmlElement {
  /** Qualified name as written, e.g. "x:sheet" or "sheet". */
  name: string;
  /** Local part of the name, e.g. "sheet". */
  local: string;
  /** Attributes as written (qualified names), in document order. */
  attrs: Record<string, string>;
  children: XmlElement[];
  /** Text directly inside this element (all text nodes joined). */
  text: string;
}

export const localName = (qualified: string): string => {
  const i = qualified.indexOf(':');
  return i < 0 ? qualified : qualified.slice(i + 1);
};

/** An attribute by local name (`r:id` and `id` differ: pass the qualified name when it matters). */
export function attr(el: XmlElement, local: string): string | undefined {
  if (local in el.attrs) return el.attrs[local];
  for (const [k, v] of Object.entries(el.attrs)) if (k !== local && localName(k) === local && !k.startsWith('xmlns')) return v;
  return undefined;
}

/** The attribute in the relationships namespace (r:id in any prefix, transitional or Strict). */
export function relAttr(el: XmlElement, local = 'id'): string | undefined {
  for (const [k, v] of Object.entries(el.attrs)) if (k.includes(':') && localName(k) === local && !k.startsWith('xmlns')) return v;
  return undefined;
}

export function child(el: XmlElement, local: string): XmlElement | undefined {
  return el.children.find((c) => c.local === local);
}

export function childrenNamed(el: XmlElement, local: string): XmlElement[] {
  return el.children.filter((c) => c.local === local);
}

/** Parses a whole (small) XML document into an element tree. Throws on malformed XML. */
export function parseXml(text: string): XmlElement {
  const parser = new SaxesParser({ position: false });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  parser.on('opentag', (node) => {
    const el: XmlElement = {
      name: node.name,
      local: localName(node.name),
      attrs: node.attributes as Record<string, string>,
      children: [],
      text: '',
    };
    if (stack.length) stack[stack.length - 1].children.push(el);
    else root = el;
    stack.push(el);
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  const onText = (t: string) => {
    if (stack.length) stack[stack.length - 1].text += t;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.write(stripBom(text)).close();
  if (!root) throw new Error('empty XML document');
  return root;
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The prefix ("x:" or "") of a document's root element, for elements written into that document. */
export function prefixOf(root: XmlElement): string {
  const i = root.name.indexOf(':');
  return i < 0 ? '' : root.name.slice(0, i + 1);
}

export function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeAttr(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\r/g, '&#13;')
    .replace(/\n/g, '&#10;')
    .replace(/\t/g, '&#9;');
}

/**
 * A string as OOXML stores it in cell text (ST_Xstring): characters XML 1.0 cannot carry are written
 * `_xHHHH_`, and a literal `_xHHHH_` in the text is protected as `_x005F_xHHHH_`. Then XML-escaped.
 */
// eslint-disable-next-line no-control-regex -- the characters that need more than XML escaping
const NEEDS_OOXML_ESCAPE = /_x[0-9A-Fa-f]{4}_|[\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/;
const NEEDS_XML_ESCAPE = /[&<>]/;

// eslint-disable-next-line no-control-regex -- these are exactly the characters XML cannot carry
const XML_FORBIDDEN_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

export function encodeCellText(s: string): string {
  // Most text (every formula we write) needs nothing: one test instead of six replaces.
  if (!NEEDS_OOXML_ESCAPE.test(s)) return NEEDS_XML_ESCAPE.test(s) ? escapeText(s) : s;
  const protectedText = s
    .replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1')
    .replace(XML_FORBIDDEN_CHARS, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`)
    // A lone surrogate is not a character XML can hold either.
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
  return escapeText(protectedText);
}

/** Undoes the OOXML `_xHHHH_` escapes of cell text (Excel writes a carriage return as `_x000D_`). */
export function decodeCellText(s: string): string {
  if (s.indexOf('_x') < 0) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** An XML declaration for the parts we write. */
export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
