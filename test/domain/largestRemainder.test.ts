/**
 * largestRemainder(total, shares): docs/allocation-rules.md §4.2-§4.3, checked against figures
 * worked out by hand (arithmetic in the comments; amounts in euros, "r" = remainder below the cent).
 */
import { Decimal } from '../../src/domain/decimal';
import { largestRemainder, type ShareSpec } from '../../src/domain/largestRemainder';
import { eur } from './support/modelBuilder';

/** Shares num = key, den = sum of keys, receivers named by `names` (default R1, R2, ...). */
function byKeys(keys: Array<string | number>, names?: string[]): ShareSpec[] {
  const ds = keys.map((k) => new Decimal(k));
  const total = ds.reduce((a, b) => a.plus(b), new Decimal(0));
  return ds.map((k, i) => ({ receiver: names?.[i] ?? `R${i + 1}`, key: k, num: k, den: total }));
}

function split(total: string, keys: Array<string | number>, names?: string[]) {
  return largestRemainder(new Decimal(total), byKeys(keys, names));
}

const amounts = (s: ReturnType<typeof split>) => s.parts.map((p) => eur(p.amount));

describe('largestRemainder: the rule book worked example', () => {
  it('splits 100 000,00 € by staff 7 : 5 into 58 333,33 / 41 666,67', () => {
    const s = split('100000.00', [7, 5], ['TVA', 'HVA']);
    // exact TVA = 100000 x 7/12 = 58333.333..., HVA = 100000 x 5/12 = 41666.666...
    // floors 58333.33 + 41666.66 = 99999.99 -> 1 cent left; r: TVA 0.00333.., HVA 0.00666.. -> HVA
    expect(amounts(s)).toEqual(['58333.33', '41666.67']);
    expect(s.leftoverCents).toBe(1);
    expect(eur(s.parts[0].floor)).toBe('58333.33');
    expect(eur(s.parts[1].floor)).toBe('41666.66');
    expect(s.parts.map((p) => p.extraCent)).toEqual([false, true]);
    // HVA has the largest remainder (rank 1), TVA the second
    expect(s.parts.map((p) => p.rank)).toEqual([2, 1]);
    // fraction 7/12 = 0.58333..., exact to 20 places
    expect(s.parts[0].fraction.toDecimalPlaces(20).toString()).toBe('0.58333333333333333333');
    expect(s.parts[0].exact.toDecimalPlaces(10).toString()).toBe('58333.3333333333');
    expect(s.parts[1].remainder.toDecimalPlaces(10).toString()).toBe('0.0066666667');
  });

  it("gives the same figures with Kela listed third at key 0 (the engine's level-1 shape)", () => {
    const s = split('100000.00', [7, 5, 0], ['TVA', 'HVA', 'KELA']);
    // Kela exact 0 -> floor 0, remainder 0; the one leftover cent still goes to HVA (0.00666..)
    expect(amounts(s)).toEqual(['58333.33', '41666.67', '0.00']);
  });
});

describe('largestRemainder: ties go to the receiver listed first', () => {
  it('three-way tie of one leftover cent: 100,00 € by 1 : 1 : 1', () => {
    const s = split('100.00', [1, 1, 1]);
    // exact 33.333... each; floors 3 x 33.33 = 99.99 -> 1 cent; all r = 0.00333.. -> first listed
    expect(amounts(s)).toEqual(['33.34', '33.33', '33.33']);
    expect(s.parts.map((p) => p.rank)).toEqual([1, 2, 3]);
  });

  it('three-way tie of two leftover cents: 0,02 € by 1 : 1 : 1', () => {
    const s = split('0.02', [1, 1, 1]);
    // exact 0.00666.. each; floors 0; 2 cents left; all r equal -> first two listed
    expect(amounts(s)).toEqual(['0.01', '0.01', '0.00']);
  });

  it('the tie follows the order of the receivers, not their names or keys', () => {
    const s = split('100.00', [1, 1, 1], ['Tuusula', 'Hyvinkää', 'Järvenpää']);
    expect(s.parts.map((p) => [p.receiver, eur(p.amount)])).toEqual([
      ['Tuusula', '33.34'],
      ['Hyvinkää', '33.33'],
      ['Järvenpää', '33.33'],
    ]);
  });

  it('seven equal receivers share two leftover cents of 1,00 € with the first two', () => {
    const s = split('1.00', [1, 1, 1, 1, 1, 1, 1]);
    // exact 1/7 = 0.142857..; floors 7 x 0.14 = 0.98 -> 2 cents; all r equal -> receivers 1 and 2
    expect(amounts(s)).toEqual(['0.15', '0.15', '0.14', '0.14', '0.14', '0.14', '0.14']);
  });

  // Regression: remainders compared as rounded 60-digit decimals broke a true tie between shares
  // of different size by how many digits of the repeating fraction fit (0.00333..3 with 60 threes
  // beat one with 59), not by the receiver order. Equal remainders must compare equal exactly.
  it('tie of 1/3 cent between shares of different size: 3 000,00 € by 4 : 4 : 1', () => {
    const s = split('3000.00', [4, 4, 1], ['TVA', 'HVA', 'KELA']);
    // exact TVA = HVA = 3000 x 4/9 = 1333.333..., KELA = 3000 x 1/9 = 333.333...
    // floors 1333.33 + 1333.33 + 333.33 = 2999.99 -> 1 cent; all three r = 1/3 cent exactly
    // -> tie -> first listed (TVA)
    expect(amounts(s)).toEqual(['1333.34', '1333.33', '333.33']);
  });

  it('tie of 1/3 cent: 0,03 € by 4 : 4 : 1', () => {
    const s = split('0.03', [4, 4, 1]);
    // exact 0.01333.., 0.01333.., 0.00333..; floors 0.01 + 0.01 + 0 = 0.02 -> 1 cent; r all 1/3 cent
    expect(amounts(s)).toEqual(['0.02', '0.01', '0.00']);
  });

  it('tie of 2/3 cent with the smaller share listed first: 6,00 € by 1 : 4 : 4', () => {
    const s = split('6.00', [1, 4, 4]);
    // exact 6 x 1/9 = 0.666.., 6 x 4/9 = 2.666.. (twice); floors 0.66 + 2.66 + 2.66 = 5.98 -> 2 cents
    // r all 2/3 cent -> receivers 1 and 2
    expect(amounts(s)).toEqual(['0.67', '2.67', '2.66']);
  });
});

describe('largestRemainder: small, zero and negative amounts', () => {
  it('one cent goes to the largest remainder: 0,01 € by 7 : 5', () => {
    const s = split('0.01', [7, 5]);
    // exact 0.01 x 7/12 = 0.005833.., 0.01 x 5/12 = 0.004166..; floors 0; 1 cent -> first (larger r)
    expect(amounts(s)).toEqual(['0.01', '0.00']);
  });

  it('one cent by 5 : 7 goes to the second receiver (the larger remainder wins over order)', () => {
    const s = split('0.01', [5, 7]);
    // exact 0.004166.., 0.005833.. -> the second receiver
    expect(amounts(s)).toEqual(['0.00', '0.01']);
  });

  it('one cent by 1 : 1 : 1 goes to the first receiver', () => {
    expect(amounts(split('0.01', [1, 1, 1]))).toEqual(['0.01', '0.00', '0.00']);
  });

  it('zero amount splits into zeros with no leftover', () => {
    const s = split('0', [7, 5, 0]);
    expect(amounts(s)).toEqual(['0.00', '0.00', '0.00']);
    expect(s.leftoverCents).toBe(0);
    expect(s.parts.every((p) => !p.extraCent && !p.amount.isNegative())).toBe(true);
  });

  it('a negative amount mirrors the positive one: -100 000,00 € by 7 : 5', () => {
    const s = split('-100000.00', [7, 5]);
    // split |x| = 100000.00 -> 58333.33 / 41666.67, then negate
    expect(amounts(s)).toEqual(['-58333.33', '-41666.67']);
    expect(s.leftoverCents).toBe(1);
    expect(eur(s.total)).toBe('-100000.00');
  });

  it('a negative tie mirrors the positive tie (not floor towards minus infinity): -0,01 € by 1 : 1 : 1', () => {
    const s = split('-0.01', [1, 1, 1]);
    // |x| = 0.01 -> 0.01, 0, 0 -> -0.01, 0, 0
    expect(amounts(s)).toEqual(['-0.01', '0.00', '0.00']);
    // zero parts of a negative amount are plain zeros, not -0
    expect(s.parts[1].amount.isNegative()).toBe(false);
    expect(s.parts[2].amount.isNegative()).toBe(false);
  });

  it('a negative credit of 333,33 € by 2 : 1 mirrors +333,33 €', () => {
    const pos = split('333.33', [2, 1]);
    const neg = split('-333.33', [2, 1]);
    // exact 222.22, 111.11 -> no leftover
    expect(amounts(pos)).toEqual(['222.22', '111.11']);
    expect(amounts(neg)).toEqual(['-222.22', '-111.11']);
  });
});

describe('largestRemainder: decimal keys and exact shares', () => {
  it('FTE keys 2,5 : 1,5 split 1 000,00 € exactly', () => {
    // 1000 x 2.5/4 = 625, 1000 x 1.5/4 = 375, no leftover
    const s = split('1000.00', ['2.5', '1.5']);
    expect(amounts(s)).toEqual(['625.00', '375.00']);
    expect(s.leftoverCents).toBe(0);
  });

  it('FTE keys 0,8 : 0,6 : 1 split 100,00 €', () => {
    const s = split('100.00', ['0.8', '0.6', '1']);
    // den 2.4: exact 33.333.., 25, 41.666..; floors 33.33 + 25.00 + 41.66 = 99.99 -> 1 cent
    // r: 0.00333.., 0, 0.00666.. -> the third receiver
    expect(amounts(s)).toEqual(['33.33', '25.00', '41.67']);
  });

  it('an exact share never gets an extra cent: 0,10 € by 1 : 1 is 0,05 / 0,05', () => {
    expect(amounts(split('0.10', [1, 1]))).toEqual(['0.05', '0.05']);
  });

  it('two receivers tied at half a cent: 0,01 € by 1 : 1 -> the first', () => {
    // exact 0.005 each, r equal and exactly representable -> first listed
    expect(amounts(split('0.01', [1, 1]))).toEqual(['0.01', '0.00']);
  });
});

describe('largestRemainder: refuses what it cannot split', () => {
  it('an amount that is not whole cents', () => {
    expect(() => split('0.005', [1, 1])).toThrow(RangeError);
  });

  it('shares that do not sum to one', () => {
    const shares: ShareSpec[] = [
      { receiver: 'A', key: new Decimal(1), num: new Decimal(1), den: new Decimal(2) },
      { receiver: 'B', key: new Decimal(1), num: new Decimal(1), den: new Decimal(4) },
    ];
    // 1/2 + 1/4 = 3/4: floors of 100.00 are 50 + 25 = 75 -> 2500 cents "left over" for 2 receivers
    expect(() => largestRemainder(new Decimal('100.00'), shares)).toThrow(RangeError);
  });

  it('a zero denominator', () => {
    expect(() => split('1.00', [0, 0])).toThrow(RangeError);
  });
});
