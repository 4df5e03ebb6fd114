/**
 * The Open Packaging Conventions layer of an .xlsx/.xlsm: the zip, its part names, relationships and
 * content types. Part names are absolute ("/xl/workbook.xml") and compare case-insensitively, as the
 * OPC rules say; relationship targets may be relative to their source part (Excel, LibreOffice) or
 * absolute (openpyxl and so pandas write "/xl/worksheets/sheet1.xml"): both resolve to the same part.
 *
 * Files that are no workbook are recognised from their first bytes and refused with a reason
 * (UnreadableWorkbookError): Excel 97-2003 (.xls) and password-protected workbooks (both OLE2
 * compound files), OpenDocument (.ods), binary workbooks (.xlsb), other zips, and anything else.
 */
import JSZip from 'jszip';
import { attr, childrenNamed, parseXml, type XmlElement } from './xml';

export type UnreadableReason = 'empty' | 'not-zip' | 'xls' | 'encrypted' | 'ods' | 'xlsb' | 'not-workbook' | 'damaged';

/** A file that cannot be read as an Excel workbook, with the reason (for a message that says what to do). */
export class UnreadableWorkbookError extends Error {
  constructor(
    readonly reason: UnreadableReason,
    detail?: string,
  ) {
    super(`not a readable Excel workbook (${reason})${detail ? `: ${detail}` : ''}`);
    this.name = 'UnreadableWorkbookError';
  }
}

export interface Relationship {
  id: string;
  /** Type URI; compare with `relType` (transitional and Strict URIs end alike). */
  type: string;
  /** The target as written. */
  target: string;
  /** Absolute part name of an internal target (null for external targets). */
  part: string | null;
}

/** The last segment of a relationship type URI ("worksheet", "officeDocument", "table", ...). */
export function relType(type: string): string {
  return type.slice(type.lastIndexOf('/') + 1);
}

/** The relationships part of a source part: /xl/workbook.xml -> /xl/_rels/workbook.xml.rels; "/" -> /_rels/.rels. */
export function relsPartOf(source: string): string {
  if (source === '/') return '/_rels/.rels';
  const i = source.lastIndexOf('/');
  return `${source.slice(0, i)}/_rels/${source.slice(i + 1)}.rels`;
}

/** Folder of a part name ("/xl/worksheets/sheet1.xml" -> "/xl/worksheets/"). */
export function folderOf(part: string): string {
  return part.slice(0, part.lastIndexOf('/') + 1);
}

/** Resolves a relationship target against its source part to an absolute, normalised part name. */
export function resolveTarget(source: string, target: string): string {
  let t = target.split('#')[0].replace(/\\/g, '/');
  try {
    t = decodeURI(t);
  } catch {
    /* not percent-encoded */
  }
  const joined = t.startsWith('/') ? t : folderOf(source === '/' ? '/' : source) + t;
  const out: string[] = [];
  for (const seg of joined.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return '/' + out.join('/');
}

/** A target for a part written from `source`, relative as Excel writes it. */
export function relativeTarget(source: string, part: string): string {
  const from = folderOf(source).split('/').filter(Boolean);
  const to = part.split('/').filter(Boolean);
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => '..'), ...to.slice(i)].join('/');
}

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, sig: number[]): boolean {
  return sig.every((b, i) => bytes[i] === b);
}

/** True when the bytes contain `text` in UTF-16LE (directory entry names of an OLE2 file). */
function hasUtf16(bytes: Uint8Array, text: string): boolean {
  const pattern = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) pattern[2 * i] = text.charCodeAt(i);
  outer: for (let i = 0; i + pattern.length <= bytes.length; i++) {
    for (let j = 0; j < pattern.length; j++) if (bytes[i + j] !== pattern[j]) continue outer;
    return true;
  }
  return false;
}

/** Why bytes that are not a zip cannot be read. */
function notZipReason(bytes: Uint8Array): UnreadableReason {
  if (bytes.length === 0) return 'empty';
  if (startsWith(bytes, OLE2)) return hasUtf16(bytes, 'EncryptedPackage') || hasUtf16(bytes, 'EncryptionInfo') ? 'encrypted' : 'xls';
  return 'not-zip';
}

/** JSZip's internal stream (documented as StreamHelper; missing from its typings). */
interface InternalStream {
  on(event: 'data', cb: (chunk: string) => void): InternalStream;
  on(event: 'error', cb: (e: Error) => void): InternalStream;
  on(event: 'end', cb: () => void): InternalStream;
  resume(): InternalStream;
}

export const CONTENT_TYPES_PART = '/[Content_Types].xml';

export class OpcPackage {
  /** Lower-cased part name -> zip entry name. */
  private readonly entries = new Map<string, string>();
  private readonly relsCache = new Map<string, Relationship[]>();
  private contentTypes?: { defaults: Map<string, string>; overrides: Map<string, string> };

  private constructor(readonly zip: JSZip) {
    this.reindex();
  }

  /** Opens a package; throws UnreadableWorkbookError when the bytes are no zip or no spreadsheet package. */
  static async open(data: Uint8Array | ArrayBuffer): Promise<OpcPackage> {
    const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
    if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) throw new UnreadableWorkbookError(notZipReason(bytes));
    let zip: JSZip;
    try {
      zip = await JSZip.loadAsync(bytes);
    } catch (e) {
      throw new UnreadableWorkbookError('damaged', (e as Error).message);
    }
    const pkg = new OpcPackage(zip);
    if (pkg.has('/mimetype')) {
      const mime = (await pkg.text('/mimetype')).trim();
      if (mime.startsWith('application/vnd.oasis.opendocument')) throw new UnreadableWorkbookError('ods', mime);
    }
    if (!pkg.has(CONTENT_TYPES_PART)) throw new UnreadableWorkbookError('not-workbook', 'no [Content_Types].xml');
    return pkg;
  }

  /** Rebuilds the case-insensitive index after entries were added or removed. */
  reindex(): void {
    this.entries.clear();
    this.relsCache.clear();
    this.contentTypes = undefined;
    this.zip.forEach((name, file) => {
      if (file.dir) return;
      const part = '/' + name.replace(/\\/g, '/');
      this.entries.set(part.toLowerCase(), name);
      try {
        const decoded = decodeURI(part).toLowerCase();
        if (!this.entries.has(decoded)) this.entries.set(decoded, name);
      } catch {
        /* keep the raw name */
      }
    });
  }

  /** The zip entry name of a part, or undefined. */
  entryName(part: string): string | undefined {
    return this.entries.get(part.toLowerCase());
  }

  has(part: string): boolean {
    return this.entryName(part) !== undefined;
  }

  /** Every part name (absolute, as stored). */
  partNames(): string[] {
    const out: string[] = [];
    this.zip.forEach((name, file) => {
      if (!file.dir) out.push('/' + name);
    });
    return out;
  }

  async text(part: string): Promise<string> {
    const name = this.entryName(part);
    if (name === undefined) throw new UnreadableWorkbookError('damaged', `part ${part} missing`);
    try {
      return await this.zip.file(name)!.async('string');
    } catch (e) {
      throw new UnreadableWorkbookError('damaged', `${part}: ${(e as Error).message}`);
    }
  }

  async bytes(part: string): Promise<Uint8Array> {
    const name = this.entryName(part);
    if (name === undefined) throw new UnreadableWorkbookError('damaged', `part ${part} missing`);
    return this.zip.file(name)!.async('uint8array');
  }

  /** Streams a part's text in chunks (decompressed as it goes); resolves when all chunks were given. */
  stream(part: string, onChunk: (text: string) => void): Promise<void> {
    const name = this.entryName(part);
    if (name === undefined) return Promise.reject(new UnreadableWorkbookError('damaged', `part ${part} missing`));
    return new Promise((resolve, reject) => {
      let failed = false;
      const fail = (e: unknown) => {
        if (failed) return;
        failed = true;
        reject(e instanceof UnreadableWorkbookError ? e : new UnreadableWorkbookError('damaged', `${part}: ${(e as Error).message}`));
      };
      (this.zip.file(name) as unknown as { internalStream(type: 'string'): InternalStream })
        .internalStream('string')
        .on('data', (chunk: string) => {
          if (failed) return;
          try {
            onChunk(chunk);
          } catch (e) {
            fail(e);
          }
        })
        .on('error', fail)
        .on('end', () => {
          if (!failed) resolve();
        })
        .resume();
    });
  }

  /** The relationships of a source part ("/" for the package), targets resolved. Missing rels part = none. */
  async rels(source: string): Promise<Relationship[]> {
    const relsPart = relsPartOf(source);
    const cached = this.relsCache.get(relsPart.toLowerCase());
    if (cached) return cached;
    let list: Relationship[] = [];
    if (this.has(relsPart)) {
      const root = parseOrDamaged(await this.text(relsPart), relsPart);
      list = childrenNamed(root, 'Relationship').map((r) => {
        const target = attr(r, 'Target') ?? '';
        const external = (attr(r, 'TargetMode') ?? '').toLowerCase() === 'external';
        return { id: attr(r, 'Id') ?? '', type: attr(r, 'Type') ?? '', target, part: external ? null : resolveTarget(source, target) };
      });
    }
    this.relsCache.set(relsPart.toLowerCase(), list);
    return list;
  }

  /** Content type of a part: its Override, else the Default of its extension. */
  async contentType(part: string): Promise<string | undefined> {
    const ct = await this.loadContentTypes();
    const o = ct.overrides.get(part.toLowerCase());
    if (o) return o;
    const ext = part.slice(part.lastIndexOf('.') + 1).toLowerCase();
    return ct.defaults.get(ext);
  }

  private async loadContentTypes() {
    if (this.contentTypes) return this.contentTypes;
    const root = parseOrDamaged(await this.text(CONTENT_TYPES_PART), CONTENT_TYPES_PART);
    const defaults = new Map<string, string>();
    const overrides = new Map<string, string>();
    for (const d of childrenNamed(root, 'Default')) defaults.set((attr(d, 'Extension') ?? '').toLowerCase(), attr(d, 'ContentType') ?? '');
    for (const o of childrenNamed(root, 'Override')) {
      const name = attr(o, 'PartName') ?? '';
      let key = name.toLowerCase();
      try {
        key = decodeURI(name).toLowerCase();
      } catch {
        /* keep */
      }
      overrides.set(key, attr(o, 'ContentType') ?? '');
    }
    this.contentTypes = { defaults, overrides };
    return this.contentTypes;
  }
}

export function parseOrDamaged(text: string, part: string): XmlElement {
  try {
    return parseXml(text);
  } catch (e) {
    throw new UnreadableWorkbookError('damaged', `${part}: ${(e as Error).message}`);
  }
}
