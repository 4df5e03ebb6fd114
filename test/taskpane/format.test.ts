import {
  barsOf,
  centsOf,
  formatAmount,
  formatCount,
  formatDateTime,
  formatDecimalText,
  formatEuro,
  formatIsoDate,
  parseTypedNumber,
  plainAmount,
} from '../../src/taskpane/format';

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

  test('numbers in messages: grouped from four digits, the separators of the language', () => {
    expect(formatDecimalText('1234.567', 'fi', true)).toBe(`1${NB}234,567`);
    expect(formatDecimalText('12345.67', 'sv', true)).toBe(`12${NB}345,67`);
    expect(formatDecimalText('12345.67', 'en', true)).toBe('12,345.67');
    expect(formatDecimalText('-999.5', 'fi', true)).toBe('\u2212999,5');
    expect(formatDecimalText('1e-7', 'fi', true)).toBe('1e-7');
    expect(formatCount(35, 'fi')).toBe('35');
    expect(formatCount(52821, 'fi')).toBe(`52${NB}821`);
    expect(formatCount(52821, 'en')).toBe('52,821');
  });

  test('amounts without the sign, and as a spreadsheet takes them pasted', () => {
    expect(formatAmount('-158640.31')).toBe(`\u2212158${NB}640,31`);
    expect(formatAmount('1750.31', 'en')).toBe('1,750.31');
    expect(formatAmount('-5.00', 'en')).toBe('-5.00');
    expect(plainAmount('-158640.31')).toBe('-158640,31');
    expect(plainAmount('1750.31', 'en')).toBe('1750.31');
  });

  test('dates and times the way of the language', () => {
    expect(formatIsoDate('2025-12-31')).toBe('31.12.2025');
    expect(formatIsoDate('2025-01-05', 'sv')).toBe('2025-01-05');
    expect(formatIsoDate('2025-01-05', 'en')).toBe('5 Jan 2025');
    // local time of the machine: build the ISO text from a local date so the test holds in any zone
    const t = new Date(2026, 11, 3, 9, 5).toISOString();
    expect(formatDateTime(t, 'fi')).toBe('3.12.2026 klo 9.05');
    expect(formatDateTime(t, 'sv')).toBe('2026-12-03 kl. 09.05');
    expect(formatDateTime(t, 'en')).toBe('3 Dec 2026, 09:05');
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
