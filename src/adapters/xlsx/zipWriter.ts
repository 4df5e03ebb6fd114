/**
 * Writes a zip (the output package) straight to a file, for the command line: the user's parts are
 * copied as they are stored in the input zip (their compressed bytes, never inflated and deflated
 * again), changed parts are deflated with Node's zlib, and the big output sheets stream through
 * zlib chunk by chunk. JSZip does the same in the browser (toBuffer); here it would deflate every
 * part in JavaScript and hold the output sheets whole.
 *
 * Node's modules are passed in by the caller (packageWorkbook.saveAs imports them lazily), so this
 * file holds no Node import and the browser bundle never needs one.
 */

type Zlib = typeof import('zlib');
type FsPromises = typeof import('fs').promises;

/** An entry of a zip as its central directory describes it. */
export interface StoredEntry {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** Where the compressed data starts in the source bytes. */
  dataOffset: number;
  flags: number;
  time: number;
  date: number;
}

/** The entries of a zip's central directory; null when the zip is one this reader does not handle (ZIP64). */
export function readCentralDirectory(zip: Uint8Array): Map<string, StoredEntry> | null {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  if (count === 0xffff || at === 0xffffffff) return null; // ZIP64
  const decoder = new TextDecoder();
  const out = new Map<string, StoredEntry>();
  for (let i = 0; i < count; i++) {
    if (view.getUint32(at, true) !== 0x02014b50) return null;
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const time = view.getUint16(at + 12, true);
    const date = view.getUint16(at + 14, true);
    const crc = view.getUint32(at + 16, true);
    const compressedSize = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLen = view.getUint16(at + 28, true);
    const extraLen = view.getUint16(at + 30, true);
    const commentLen = view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    if (compressedSize === 0xffffffff || size === 0xffffffff || local === 0xffffffff) return null;
    const name = decoder.decode(zip.subarray(at + 46, at + 46 + nameLen));
    if (view.getUint32(local, true) !== 0x04034b50) return null;
    const dataOffset = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    out.set(name, { name, method, crc, compressedSize, size, dataOffset, flags, time, date });
    at += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/** One entry to write: the stored bytes of an input entry, text, or text in chunks. */
export type ZipSource =
  | { kind: 'stored'; entry: StoredEntry; source: Uint8Array }
  | { kind: 'bytes'; data: Uint8Array }
  | { kind: 'chunks'; chunks: () => Iterable<string> };

/** DOS date and time of a moment (local time, as zip tools show it). */
function dosTime(d: Date): { time: number; date: number } {
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    date: ((d.getFullYear() - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

const MAX32 = 0xffffffff;

/** Writes the entries, in order, to an open file handle. */
export async function writeZip(
  handle: import('fs').promises.FileHandle,
  entries: { name: string; source: ZipSource }[],
  zlib: Zlib,
  _fs?: FsPromises,
): Promise<void> {
  const now = dosTime(new Date());
  const central: Buffer[] = [];
  let offset = 0;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  const flush = async () => {
    if (!pendingBytes) return;
    const buf = pending.length === 1 ? pending[0] : Buffer.concat(pending, pendingBytes);
    pending = [];
    pendingBytes = 0;
    await handle.write(buf);
  };
  const write = async (b: Uint8Array) => {
    const buf = Buffer.from(b.buffer, b.byteOffset, b.byteLength);
    pending.push(buf);
    pendingBytes += buf.length;
    offset += buf.length;
    if (pendingBytes >= 1 << 20) await flush();
  };

  for (const { name, source } of entries) {
    const nameBytes = Buffer.from(name, 'utf8');
    const start = offset;
    let method: number;
    let crc: number;
    let csize: number;
    let size: number;
    let flags = 0x0800; // UTF-8 names
    let time = now.time;
    let date = now.date;
    const local = (m: number, c: number, cs: number, s: number, f: number) => {
      const h = Buffer.alloc(30);
      h.writeUInt32LE(0x04034b50, 0);
      h.writeUInt16LE(20, 4);
      h.writeUInt16LE(f, 6);
      h.writeUInt16LE(m, 8);
      h.writeUInt16LE(time, 10);
      h.writeUInt16LE(date, 12);
      h.writeUInt32LE(c >>> 0, 14);
      h.writeUInt32LE(cs, 18);
      h.writeUInt32LE(s, 22);
      h.writeUInt16LE(nameBytes.length, 26);
      h.writeUInt16LE(0, 28);
      return Buffer.concat([h, nameBytes]);
    };
    if (source.kind === 'stored') {
      const e = source.entry;
      ({ method, crc, time, date } = e);
      csize = e.compressedSize;
      size = e.size;
      flags = e.flags & 0x0800;
      await write(local(method, crc, csize, size, flags));
      await write(source.source.subarray(e.dataOffset, e.dataOffset + csize));
    } else if (source.kind === 'bytes') {
      const data = Buffer.from(source.data.buffer, source.data.byteOffset, source.data.byteLength);
      const deflated = zlib.deflateRawSync(data, { level: 6 });
      method = 8;
      crc = zlib.crc32(data);
      csize = deflated.length;
      size = data.length;
      await write(local(method, crc, csize, size, flags));
      await write(deflated);
    } else {
      // Sizes and CRC follow the data (flag bit 3): the sheet is deflated as it is generated.
      method = 8;
      flags |= 0x0008;
      await write(local(method, 0, 0, 0, flags));
      crc = 0;
      size = 0;
      csize = 0;
      const deflate = zlib.createDeflateRaw({ level: 6 });
      const out: Buffer[] = [];
      deflate.on('data', (b: Buffer) => out.push(b));
      const drain = async () => {
        for (const b of out.splice(0)) {
          csize += b.length;
          await write(b);
        }
      };
      for (const chunk of source.chunks()) {
        const buf = Buffer.from(chunk, 'utf8');
        crc = zlib.crc32(buf, crc);
        size += buf.length;
        if (!deflate.write(buf)) await new Promise<void>((r) => deflate.once('drain', () => r()));
        await drain();
      }
      await new Promise<void>((resolve, reject) => {
        deflate.once('end', () => resolve());
        deflate.once('error', reject);
        deflate.end();
      });
      await drain();
      const dd = Buffer.alloc(16);
      dd.writeUInt32LE(0x08074b50, 0);
      dd.writeUInt32LE(crc >>> 0, 4);
      dd.writeUInt32LE(csize, 8);
      dd.writeUInt32LE(size, 12);
      await write(dd);
    }
    if (start > MAX32 || csize > MAX32 || size > MAX32) throw new Error(`zip entry ${name} beyond 4 GB (ZIP64 is not written)`);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(flags, 8);
    c.writeUInt16LE(method, 10);
    c.writeUInt16LE(time, 12);
    c.writeUInt16LE(date, 14);
    c.writeUInt32LE(crc >>> 0, 16);
    c.writeUInt32LE(csize, 20);
    c.writeUInt32LE(size, 24);
    c.writeUInt16LE(nameBytes.length, 28);
    c.writeUInt32LE(start, 42);
    central.push(Buffer.concat([c, nameBytes]));
  }
  if (entries.length > 0xfffe) throw new Error('too many zip entries (ZIP64 is not written)');
  const cdStart = offset;
  for (const c of central) await write(c);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(offset - cdStart, 12);
  end.writeUInt32LE(cdStart, 16);
  await write(end);
  await flush();
}
