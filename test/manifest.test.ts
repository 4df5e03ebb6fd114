/**
 * Structural check of manifest.xml, since the online validator is unreachable here: schema order of
 * the top-level elements, resids, https URLs, icon files, locales and string lengths.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '..');
const MANIFEST = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { rewriteManifest } = require('../scripts/build-manifest.js') as { rewriteManifest: (xml: string, base?: string) => string };

interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (s: string) =>
  s.replace(/&(#x?[0-9a-fA-F]+|\w+);/g, (_m, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : (ENTITIES[e] ?? `&${e};`),
  );

/** A minimal XML parser: elements, attributes, text; skips the declaration and comments; checks nesting. */
function parseXml(xml: string): XmlElement {
  const root: XmlElement = { name: '#document', attrs: {}, children: [], text: '' };
  const stack = [root];
  const token =
    /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[([\s\S]*?)\]\]>|<\/([\w:.-]+)\s*>|<([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)/g;
  let m: RegExpExecArray | null;
  let consumed = 0;
  while ((m = token.exec(xml))) {
    if (m.index !== consumed) throw new Error(`unparsed XML at ${consumed}: ${xml.slice(consumed, consumed + 40)}`);
    consumed = token.lastIndex;
    const top = stack[stack.length - 1];
    if (m[2]) {
      if (top.name !== m[2]) throw new Error(`</${m[2]}> closes <${top.name}>`);
      stack.pop();
    } else if (m[3]) {
      const attrs: Record<string, string> = {};
      for (const a of m[4].matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
        if (a[1] in attrs) throw new Error(`duplicate attribute ${a[1]} on <${m[3]}>`);
        attrs[a[1]] = decode(a[2] ?? a[3]);
      }
      const el: XmlElement = { name: m[3], attrs, children: [], text: '' };
      top.children.push(el);
      if (!m[5]) stack.push(el);
    } else if (m[1] !== undefined) top.text += m[1];
    else if (m[6] !== undefined) top.text += decode(m[6]);
  }
  if (consumed !== xml.length) throw new Error('trailing XML');
  if (stack.length !== 1) throw new Error(`unclosed <${stack[stack.length - 1].name}>`);
  const elements = root.children;
  if (elements.length !== 1) throw new Error('expected one root element');
  return elements[0];
}

function all(el: XmlElement, pred: (e: XmlElement) => boolean, out: XmlElement[] = []): XmlElement[] {
  if (pred(el)) out.push(el);
  for (const c of el.children) all(c, pred, out);
  return out;
}
const local = (name: string) => name.replace(/^.*:/, '');
const child = (el: XmlElement, name: string) => el.children.find((c) => local(c.name) === name);

const doc = parseXml(MANIFEST);

describe('manifest.xml', () => {
  test('the parser rejects broken XML (guards the tests below)', () => {
    expect(() => parseXml('<a><b></a></b>')).toThrow();
    expect(() => parseXml('<a x="1" x="2"/>')).toThrow();
    expect(parseXml('<a q="&amp;"><b/>t</a>')).toMatchObject({ name: 'a', attrs: { q: '&' }, text: 't' });
  });

  test('is a task pane add-in for Excel workbooks', () => {
    expect(doc.name).toBe('OfficeApp');
    expect(doc.attrs['xsi:type']).toBe('TaskPaneApp');
    expect(doc.attrs.xmlns).toBe('http://schemas.microsoft.com/office/appforoffice/1.1');
    expect(child(doc, 'Hosts')!.children.map((h) => h.attrs.Name)).toEqual(['Workbook']);
    expect(child(doc, 'Permissions')!.text).toBe('ReadWriteDocument');
  });

  test('top-level elements come in schema order', () => {
    // OfficeApp schema 1.1 sequence for a TaskPaneApp, restricted to the elements we use; ? = optional.
    const order = [
      'Id',
      'Version',
      'ProviderName',
      'DefaultLocale',
      'DisplayName',
      'Description',
      'IconUrl',
      'HighResolutionIconUrl',
      'SupportUrl',
      'AppDomains?',
      'Hosts',
      'Requirements',
      'DefaultSettings',
      'Permissions',
      'VersionOverrides',
    ];
    const names = doc.children.map((c) => c.name);
    let i = 0;
    for (const want of order) {
      const optional = want.endsWith('?');
      const n = want.replace('?', '');
      if (names[i] === n) i++;
      else if (!optional) throw new Error(`expected <${n}> at position ${i}, found <${names[i]}>`);
    }
    expect(names.slice(i)).toEqual([]);
  });

  test('has a GUID id, a four-part version and a Finnish default locale', () => {
    expect(child(doc, 'Id')!.text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(child(doc, 'Version')!.text).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(child(doc, 'DefaultLocale')!.text).toBe('fi-FI');
  });

  test('display name, description and every ribbon string have Swedish (Sweden and Finland) and English overrides', () => {
    // An override applies only to its exact locale, one override per area of a language ("Localization
    // for Office Add-ins"): Swedish-speaking Finns run Excel in sv-FI and need their own.
    const localized = [child(doc, 'DisplayName')!, child(doc, 'Description')!, ...all(doc, (e) => e.name === 'bt:String')];
    expect(localized.length).toBeGreaterThan(5);
    for (const el of localized) {
      const overrides = el.children.filter((c) => local(c.name) === 'Override');
      const locales = overrides.map((c) => c.attrs.Locale);
      expect({ id: el.attrs.id ?? el.name, locales: locales.sort() }).toEqual({
        id: el.attrs.id ?? el.name,
        locales: ['en-US', 'sv-FI', 'sv-SE'],
      });
      const value = (locale: string) => overrides.find((c) => c.attrs.Locale === locale)!.attrs.Value;
      expect(value('sv-FI')).toBe(value('sv-SE'));
    }
  });

  test('every Locale is a CultureName of the manifest schema, and none repeats the default locale', () => {
    // MS-OWEMXML 2.3.7 CultureName (appforoffice 1.1 schema).
    const cultureName =
      /^(?:[a-zA-Z]{2,3}-[a-zA-Z0-9]{3,8}(-[a-zA-Z]{2,3})?|[a-zA-Z]{2,3}(-[a-zA-Z]{2,3}(_tradnl|\.pseudo|-[a-zA-Z]{4,8})?)?)$/;
    const locales = all(doc, (e) => local(e.name) === 'Override' && 'Locale' in e.attrs).map((e) => e.attrs.Locale);
    expect(locales.length).toBeGreaterThan(20);
    for (const l of [child(doc, 'DefaultLocale')!.text, ...locales]) expect(l).toMatch(cultureName);
    expect(locales.map((l) => l.toLowerCase())).not.toContain(child(doc, 'DefaultLocale')!.text.toLowerCase());
  });

  test('strings fit the schema limits', () => {
    const values = (el: XmlElement) => [el.attrs.DefaultValue, ...el.children.map((c) => c.attrs.Value)];
    for (const v of values(child(doc, 'DisplayName')!)) expect(v.length).toBeLessThanOrEqual(125);
    for (const v of values(child(doc, 'Description')!)) expect(v.length).toBeLessThanOrEqual(250);
    const shortStrings = all(doc, (e) => e.name === 'bt:ShortStrings')[0];
    for (const s of shortStrings.children) for (const v of values(s)) expect(v.length).toBeLessThanOrEqual(125);
    const longStrings = all(doc, (e) => e.name === 'bt:LongStrings')[0];
    for (const s of longStrings.children) for (const v of values(s)) expect(v.length).toBeLessThanOrEqual(250);
  });

  test('every resid is defined once, and every defined resource is used', () => {
    const defined = all(doc, (e) => ['bt:Image', 'bt:Url', 'bt:String'].includes(e.name) && 'id' in e.attrs).map((e) => e.attrs.id);
    expect(new Set(defined).size).toBe(defined.length);
    const referenced = all(doc, (e) => 'resid' in e.attrs).map((e) => e.attrs.resid);
    expect(referenced.length).toBeGreaterThan(0);
    for (const r of referenced) {
      expect(defined).toContain(r);
      expect(r.length).toBeLessThanOrEqual(32);
    }
    expect([...new Set(referenced)].sort()).toEqual([...defined].sort());
  });

  test('the Home tab has a button that opens the task pane', () => {
    const tab = all(doc, (e) => e.name === 'OfficeTab')[0];
    expect(tab.attrs.id).toBe('TabHome');
    const action = all(tab, (e) => e.name === 'Action')[0];
    expect(action.attrs['xsi:type']).toBe('ShowTaskpane');
    expect(child(action, 'SourceLocation')!.attrs.resid).toBe('Taskpane.Url');
  });

  test('asks for the ExcelApi requirement set the adapter needs', () => {
    const set = all(doc, (e) => e.name === 'Set')[0];
    expect(set.attrs).toMatchObject({ Name: 'ExcelApi', MinVersion: '1.7' });
  });

  test('every URL is https', () => {
    const urls = [
      ...all(doc, () => true).flatMap((e) =>
        Object.values(e.attrs).filter(
          (v) => /^[a-z]+:\/\//i.test(v) && !v.startsWith('http://schemas.microsoft.com/') && !v.startsWith('http://www.w3.org/'),
        ),
      ),
      ...all(doc, (e) => e.name === 'AppDomain').map((e) => e.text),
    ];
    expect(urls.length).toBeGreaterThan(8);
    for (const u of urls) expect(u).toMatch(/^https:\/\//);
  });

  test('every icon exists in assets/ as a PNG of the declared size', () => {
    const images = all(doc, (e) => e.name === 'bt:Image' && 'DefaultValue' in e.attrs);
    const icons = [child(doc, 'IconUrl')!, child(doc, 'HighResolutionIconUrl')!, ...images];
    const sizeOf = (file: string) => {
      const png = fs.readFileSync(file);
      expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
      return [png.readUInt32BE(16), png.readUInt32BE(20)];
    };
    for (const el of icons) {
      const url = el.attrs.DefaultValue;
      const m = /^https:\/\/localhost:3000\/(assets\/[\w.-]+\.png)$/.exec(url);
      expect(m).not.toBeNull();
      const file = path.join(ROOT, m![1]);
      expect(fs.existsSync(file)).toBe(true);
      const expected = el.name === 'IconUrl' ? 32 : el.name === 'HighResolutionIconUrl' ? 64 : Number(/(\d+)x\d+/.exec(el.attrs.id)![1]);
      expect(sizeOf(file)).toEqual([expected, expected]);
    }
  });

  test('the build rewrites every dev URL to the production base URL', () => {
    const prod = rewriteManifest(MANIFEST, 'https://tym.example.fi/lisaosa');
    expect(prod).not.toContain('localhost');
    expect(prod).toContain('https://tym.example.fi/lisaosa/taskpane.html');
    expect(parseXml(prod).children.find((c) => c.name === 'AppDomains')!.children[0].text).toBe('https://tym.example.fi');
    expect(rewriteManifest(MANIFEST, undefined)).toBe(MANIFEST);
    expect(() => rewriteManifest(MANIFEST, 'http://insecure.example')).toThrow(/https/);
  });
});
