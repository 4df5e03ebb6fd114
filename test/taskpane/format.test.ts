import { barsOf, centsOf, formatDecimalText, formatEuro, parseTypedNumber } from '../../src/taskpane/format';

const NB = '\u00a0';

describe('formatEuro', () => {
  test('Finnish style: no-break space thousands, decimal comma, euro sign after', () => {
    expect(formatEuro('1234.50')).toBe(`1${NB}234,50${NB}€`);
    expect(formatEuro('0.00')).toBe(`0,00${NB}€`);
    expect(formatEuro('999.99')).toBe(`999,99${NB}€`);
    expect(formatEuro('1000.00')).toBe(`1${NB}000,00${NB}€`);
    expect(formatEuro('1234567.05')).toBe(`1${NB}234${NB}567,05${NB}€`);
    expect(formatEuro('58333.33', 'sv')).toBe(`58${NB}333,33${NB}€`);
  });

  test('negatives with a minus sign; minus zero is zero', () => {
    expect(formatEuro('-50.00')).toBe(`\u221250,00${NB}€`);
    expect(formatEuro('-0.00')).toBe(`0,00${NB}€`);
    expect(formatEuro('-1234.5', 'en')).toBe('-€1,234.50');
  });

  test('English style', () => {
    expect(formatEuro('1234.50', 'en')).toBe('€1,234.50');
  });

  test('exact for amounts a float would mangle', () => {
    // 2^53 + 1 cents is not representable as a double
    expect(formatEuro('90071992547409.93')).toBe(`90${NB}071${NB}992${NB}547${NB}409,93${NB}€`);
  });

  test('leaves non-numbers alone', () => {
    expect(formatEuro('abc')).toBe('abc');
    expect(formatEuro('1,5')).toBe('1,5');
  });
});

describe('numbers', () => {
  test('formatDecimalText', () => {
    expect(formatDecimalText('12.5')).toBe('12,5');
    expect(formatDecimalText('12.5', 'en')).toBe('12.5');
    expect(formatDecimalText('7')).toBe('7');
  });

  test('centsOf', () => {
    expect(centsOf('1234.50')).toBe(123450n);
    expect(centsOf('-0.05')).toBe(-5n);
    expect(centsOf('3')).toBe(300n);
    expect(centsOf('1.234')).toBeNull();
    expect(centsOf('x')).toBeNull();
  });

  test('parseTypedNumber takes comma or point, spaces, blank = clear', () => {
    expect(parseTypedNumber('12,5')).toEqual({ ok: true, value: 12.5 });
    expect(parseTypedNumber(' 1 000,25 ')).toEqual({ ok: true, value: 1000.25 });
    expect(parseTypedNumber('')).toEqual({ ok: true, value: null });
    expect(parseTypedNumber('\u22122')).toEqual({ ok: true, value: -2 });
    expect(parseTypedNumber('12,5', true)).toEqual({ ok: false });
    expect(parseTypedNumber('2026', true)).toEqual({ ok: true, value: 2026 });
    expect(parseTypedNumber('1,2,3')).toEqual({ ok: false });
    expect(parseTypedNumber('=1+1')).toEqual({ ok: false });
  });
});

describe('barsOf', () => {
  test('lengths relative to the largest absolute amount; credits flagged', () => {
    const bars = barsOf([
      { label: 'TVA', amount: '58333.33' },
      { label: 'HVA', amount: '41666.67' },
      { label: 'KELA', amount: '0.00' },
      { label: 'X', amount: '-29166.67' },
    ]);
    expect(bars.map((b) => b.percent)).toEqual([100, 71.4, 0, 50]);
    expect(bars.map((b) => b.negative)).toEqual([false, false, false, true]);
  });

  test('all zero gives empty bars, not NaN', () => {
    expect(barsOf([{ label: 'a', amount: '0.00' }]).map((b) => b.percent)).toEqual([0]);
  });
});
