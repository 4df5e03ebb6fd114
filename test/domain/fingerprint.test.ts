import { createHash } from 'crypto';
import fc from 'fast-check';
import { Sha256, sha256Hex, tableFingerprint, utf8 } from '../../src/domain/fingerprint';

const nodeSha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('sha256Hex', () => {
  it('gives the FIPS 180-4 test vectors', () => {
    expect(sha256Hex(utf8(''))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex(utf8('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex(utf8('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'))).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });

  it('agrees with Node crypto on any bytes, across block boundaries', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (b) => sha256Hex(b) === nodeSha(b)),
      { numRuns: 300 },
    );
  });

  it('fed in pieces (bytes or text) gives the digest of the whole, as Node crypto computes it', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 90 }), { maxLength: 12 }), fc.boolean(), (pieces, asBytes) => {
        const hash = new Sha256();
        for (const p of pieces) {
          if (asBytes) hash.update(Buffer.from(p, 'utf8'));
          else hash.updateText(p);
        }
        return hash.hex() === createHash('sha256').update(pieces.join(''), 'utf8').digest('hex');
      }),
      { numRuns: 300 },
    );
    // Longer than the text buffer (4096 bytes), with multi-byte letters across its end.
    const long = 'ä😀x'.repeat(3000);
    expect(new Sha256().updateText(long).hex()).toBe(createHash('sha256').update(long, 'utf8').digest('hex'));
  });

  it('encodes UTF-8 as Node does (Finnish letters, emoji)', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => Buffer.from(utf8(s)).equals(Buffer.from(s, 'utf8'))));
    expect(Buffer.from(utf8('Järvenpää 😀')).toString('utf8')).toBe('Järvenpää 😀');
  });
});

describe('tableFingerprint', () => {
  const table = (rows: unknown[][]) => ({ headers: ['Nimi', 'HTV'], rows: rows.map((r) => r.map((value) => ({ value }))) }) as never;

  it('changes with a value, the order of rows and the type of a value', () => {
    const base = tableFingerprint(
      table([
        ['A', 1],
        ['B', 0.5],
      ]),
    );
    expect(
      tableFingerprint(
        table([
          ['A', 1],
          ['B', 0.6],
        ]),
      ),
    ).not.toBe(base);
    expect(
      tableFingerprint(
        table([
          ['B', 0.5],
          ['A', 1],
        ]),
      ),
    ).not.toBe(base);
    expect(
      tableFingerprint(
        table([
          ['A', '1'],
          ['B', 0.5],
        ]),
      ),
    ).not.toBe(base);
    expect(tableFingerprint(table([['A', 1]]))).not.toBe(base);
  });

  it('is the same for equal values, whatever the formats, and for a date as Date or as serial', () => {
    const a = tableFingerprint(table([['A', new Date(Date.UTC(2026, 0, 1))]]));
    const b = tableFingerprint(table([['A', 46023]]));
    expect(a).toBe(b);
    const withFmt = { headers: ['Nimi', 'HTV'], rows: [[{ value: 'A' }, { value: 46023, numFmt: 'd.m.yyyy' }]] };
    expect(tableFingerprint(withFmt as never)).toBe(b);
  });

  it('is the SHA-256 of the table as one canonical JSON text (hashed row by row, as recorded by earlier runs)', () => {
    const value = fc.oneof(
      fc.constant(null),
      fc.string({ unit: 'grapheme', maxLength: 12 }),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.boolean(),
      fc.date({ min: new Date(Date.UTC(1990, 0, 1)), max: new Date(Date.UTC(2100, 0, 1)), noInvalidDate: true }),
      fc.constant({ error: '#N/A' }),
    );
    // The canonical form written out independently: type tag and value, '' as blank, dates as serials.
    const canonical = (v: unknown): unknown =>
      v === null || v === ''
        ? null
        : v instanceof Date
          ? ['n', (v.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000]
          : typeof v === 'number'
            ? ['n', v]
            : typeof v === 'string'
              ? ['s', v]
              : typeof v === 'boolean'
                ? ['b', v]
                : ['e', (v as { error: string }).error];
    fc.assert(
      fc.property(fc.array(fc.array(value, { minLength: 2, maxLength: 2 }), { maxLength: 40 }), (rows) => {
        const whole = JSON.stringify([['Nimi', 'HTV'], rows.map((r) => r.map(canonical))]);
        return tableFingerprint(table(rows)) === createHash('sha256').update(whole, 'utf8').digest('hex');
      }),
      { numRuns: 200 },
    );
  });

  it('treats an empty string as a blank cell, as both adapters do', () => {
    expect(tableFingerprint(table([['A', '']]))).toBe(tableFingerprint(table([['A', null]])));
  });
});
