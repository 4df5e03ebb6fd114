/**
 * Fingerprints of the input tables: a SHA-256 of each table's values in a canonical form, so the
 * run log can record what a result was computed from without keeping any value (personal names
 * included) in clear text, and `verify` and the task pane can tell later that the inputs changed.
 *
 * Pure and synchronous (no Web Crypto, no Node crypto): the same code runs in the engine, the
 * command line and the task pane, and both adapters give the same fingerprint for the same table
 * (dates count as Excel serial numbers, as office.js reports them).
 */
import type { RawTable, RawValue } from './raw';

const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be,
  0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa,
  0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85,
  0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3,
  0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f,
  0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

/**
 * SHA-256 (FIPS 180-4), fed in pieces: a table of 200,000 rows is hashed row by row, never as one
 * text or one byte array (as one, its bytes as a number array took 860 MB on the way).
 */
export class Sha256 {
  private readonly h = new Uint32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
  private readonly block = new Uint8Array(64);
  private readonly view = new DataView(this.block.buffer);
  private readonly w = new Uint32Array(64);
  private fill = 0;
  private length = 0;
  /** A reusable buffer for the UTF-8 bytes of text (updateText). */
  private readonly text = new Uint8Array(4096);

  update(bytes: Uint8Array, count = bytes.length): this {
    this.length += count;
    for (let i = 0; i < count; i++) {
      this.block[this.fill++] = bytes[i];
      if (this.fill === 64) this.compress();
    }
    return this;
  }

  /** The UTF-8 bytes of `s`, through a reusable buffer (see encodeUtf8). */
  updateText(s: string): this {
    encodeUtf8(s, this.text, (bytes, count) => this.update(bytes, count));
    return this;
  }

  /** The digest as 64 lower-case hex digits (the hash is spent afterwards). */
  hex(): string {
    const bitLength = this.length * 8;
    this.block[this.fill++] = 0x80;
    if (this.fill > 56) {
      this.block.fill(0, this.fill);
      this.compress();
    }
    this.block.fill(0, this.fill);
    // Message length in bits as a 64-bit big-endian integer (inputs stay far below 2^53 bits).
    this.view.setUint32(56, Math.floor(bitLength / 0x100000000));
    this.view.setUint32(60, bitLength >>> 0);
    this.compress();
    return Array.from(this.h, (x) => x.toString(16).padStart(8, '0')).join('');
  }

  private compress(): void {
    const { h, w, view } = this;
    this.fill = 0;
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(i * 4);
    for (let i = 16; i < 64; i++) {
      const a = w[i - 15];
      const b = w[i - 2];
      const s0 = ((a >>> 7) | (a << 25)) ^ ((a >>> 18) | (a << 14)) ^ (a >>> 3);
      const s1 = ((b >>> 17) | (b << 15)) ^ ((b >>> 19) | (b << 13)) ^ (b >>> 10);
      w[i] = (w[i - 16] + s0 + w[i - 7] + s1) >>> 0;
    }
    let [a, b, c, d, e, f, g, hh] = h;
    for (let i = 0; i < 64; i++) {
      const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      const ch = (e & f) ^ (~e & g);
      const t1 = (hh + S1 + ch + K[i] + w[i]) >>> 0;
      const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      const maj = (a & b) ^ (a & c) ^ (b & c);
      const t2 = (S0 + maj) >>> 0;
      hh = g;
      g = f;
      f = e;
      e = (d + t1) >>> 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) >>> 0;
    }
    h[0] += a;
    h[1] += b;
    h[2] += c;
    h[3] += d;
    h[4] += e;
    h[5] += f;
    h[6] += g;
    h[7] += hh;
  }
}

/** SHA-256 (FIPS 180-4) of bytes, as 64 lower-case hex digits. */
export function sha256Hex(bytes: Uint8Array): string {
  return new Sha256().update(bytes).hex();
}

/**
 * Encodes `s` as UTF-8 by code point (a lone surrogate as its own three bytes) into `buf`, handing
 * each filled part, and the rest at the end, to `emit`. The one encoder of utf8() and Sha256.
 */
function encodeUtf8(s: string, buf: Uint8Array, emit: (bytes: Uint8Array, count: number) => void): void {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    if (n > buf.length - 4) {
      emit(buf, n);
      n = 0;
    }
    let cp = s.charCodeAt(i);
    if (cp >= 0xd800 && cp < 0xdc00 && i + 1 < s.length) {
      const lo = s.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo < 0xe000) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
        i++;
      }
    }
    if (cp < 0x80) buf[n++] = cp;
    else if (cp < 0x800) {
      buf[n++] = 0xc0 | (cp >> 6);
      buf[n++] = 0x80 | (cp & 63);
    } else if (cp < 0x10000) {
      buf[n++] = 0xe0 | (cp >> 12);
      buf[n++] = 0x80 | ((cp >> 6) & 63);
      buf[n++] = 0x80 | (cp & 63);
    } else {
      buf[n++] = 0xf0 | (cp >> 18);
      buf[n++] = 0x80 | ((cp >> 12) & 63);
      buf[n++] = 0x80 | ((cp >> 6) & 63);
      buf[n++] = 0x80 | (cp & 63);
    }
  }
  emit(buf, n);
}

/** UTF-8 bytes of a string (TextEncoder exists in browsers and Node, but not in every test host). */
export function utf8(s: string): Uint8Array {
  const out = new Uint8Array(s.length * 3 + 4);
  let length = 0;
  // The buffer is as large as the whole text can need: encodeUtf8 emits it once.
  encodeUtf8(s, out, (_, count) => (length = count));
  return out.slice(0, length);
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** One value in the canonical form: type tag + text, so 1 and "1" and TRUE differ. */
function canonicalValue(v: RawValue): unknown {
  if (v === null) return null;
  if (v instanceof Date) return ['n', (v.getTime() - EXCEL_EPOCH_MS) / 86_400_000];
  if (typeof v === 'number') return ['n', v];
  if (typeof v === 'string') return v === '' ? null : ['s', v];
  if (typeof v === 'boolean') return ['b', v];
  return ['e', v.error];
}

/**
 * The fingerprint of one input table: SHA-256 over its headers and cell values in table order.
 * Formats, hidden rows and the table's position do not count; any change of a value, of the row
 * order or of the number of rows does.
 */
export function tableFingerprint(table: Pick<RawTable, 'headers' | 'rows'>): string {
  // The bytes of JSON.stringify([headers, rows as canonical values]), hashed a row at a time.
  const hash = new Sha256().updateText(`[${JSON.stringify(table.headers)},[`);
  table.rows.forEach((r, i) => hash.updateText(`${i ? ',' : ''}${JSON.stringify(r.map((c) => canonicalValue(c.value)))}`));
  return hash.updateText(']]').hex();
}
