/**
 * allocate(model): every rule of the rule book with hand-checked figures. Amounts in euros;
 * "r" = the remainder below the cent that decides who gets a leftover cent.
 */
import { allocate, type Allocation, type AllocationGroup } from '../../src/domain/allocate';
import { formatProblem, InputError } from '../../src/domain/problems';
import type { CostKind } from '../../src/domain/types';
import { eur, model } from './support/modelBuilder';

const E1 = 'Kehittämispäivä 1';
const E2 = 'Kehittämispäivä 2';

function group(a: Allocation, id: string): AllocationGroup {
  const g = a.groups.find((x) => x.id === id);
  if (!g) throw new Error(`no group ${id}; have ${a.groups.map((x) => x.id).join(', ')}`);
  return g;
}

/** Level-1 amounts of a group as [TVA, HVA, KELA]. */
const parties = (g: AllocationGroup) => g.parties.parts.map((p) => eur(p.amount));
/** Level-2 amounts as [[municipality, amount], ...] in Kunnat order. */
const munis = (g: AllocationGroup) => g.municipalities.parts.map((p) => [p.receiver, eur(p.amount)]);
const totals = (a: Allocation, kind: CostKind) => Object.fromEntries([...a.totals[kind].entries()].map(([k, v]) => [k, eur(v)]));

function inputError(f: () => unknown): InputError {
  try {
    f();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('expected an InputError');
}

/** The worked example's staff: TVA 7, HVA 5, Kela 2 (Kela is never in the staff key). */
const workedExample = (amount: string, kind: CostKind = 'TA') =>
  model()
    .staffMany('TVA', 7)
    .staffMany('HVA', 5)
    .staffMany('KELA', 2)
    .populations([
      ['Järvenpää', 45000],
      ['Tuusula', 40000],
      ['Pornainen', 5000],
    ])
    .cost(kind, 'a', amount)
    .build();

describe('pool a: the rule book worked example', () => {
  const a = allocate(workedExample('100000.00'));
  const g = group(a, 'TA|a');

  it('splits 100 000,00 € by staff 7 : 5 into TVA 58 333,33, HVA 41 666,67, Kela 0', () => {
    // exact 58333.333.. / 41666.666..; floors sum 99999.99; the cent goes to HVA (r 0.00666.. > 0.00333..)
    expect(parties(g)).toEqual(['58333.33', '41666.67', '0.00']);
    expect(g.parties.parts.map((p) => p.key.toString())).toEqual(['7', '5', '0']);
  });

  it("splits TVA's rounded 58 333,33 € by population 45 000 : 40 000 : 5 000", () => {
    // 58333.33 x 45/90 = 29166.665; x 40/90 = 25925.92444..; x 5/90 = 3240.74055..
    // floors 29166.66 + 25925.92 + 3240.74 = 58333.32 -> 1 cent; r .005 > .00444 > .00055 -> Järvenpää
    expect(munis(g)).toEqual([
      ['Järvenpää', '29166.67'],
      ['Tuusula', '25925.92'],
      ['Pornainen', '3240.74'],
    ]);
  });

  it('totals per receiver are the sums of the rounded shares; TOT is empty', () => {
    expect(totals(a, 'TA')).toEqual({
      TVA: '58333.33',
      HVA: '41666.67',
      KELA: '0.00',
      Järvenpää: '29166.67',
      Tuusula: '25925.92',
      Pornainen: '3240.74',
    });
    expect(eur(a.costTotals.TA)).toBe('100000.00');
    expect(eur(a.costTotals.TOT)).toBe('0.00');
    expect(Object.values(totals(a, 'TOT')).every((v) => v === '0.00')).toBe(true);
    expect(a.staffKeys.TVA.shown.toString()).toBe('7');
    expect(a.staffKeys.HVA.shown.toString()).toBe('5');
  });

  it('a credit of -100 000,00 € is the mirror image at both levels', () => {
    const n = group(allocate(workedExample('-100000.00', 'TOT')), 'TOT|a');
    expect(parties(n)).toEqual(['-58333.33', '-41666.67', '0.00']);
    expect(munis(n)).toEqual([
      ['Järvenpää', '-29166.67'],
      ['Tuusula', '-25925.92'],
      ['Pornainen', '-3240.74'],
    ]);
  });
});

describe('Kela percentage and agreed TVA percentage (staff-keyed pools)', () => {
  const base = (settings: Parameters<typeof model>[0]) =>
    model(settings)
      .staffMany('TVA', 7)
      .staffMany('HVA', 5)
      .populations([['Järvenpää', 1]]);

  it('Kela 10 % of 100 000,00 €: Kela 10 000,00, the rest 90 000,00 by 7 : 5', () => {
    const g = group(allocate(base({ kelaPct: 10 }).cost('TA', 'a', '100000.00').build()), 'TA|a');
    // 90000 x 7/12 = 52500, 90000 x 5/12 = 37500, exact
    expect(parties(g)).toEqual(['52500.00', '37500.00', '10000.00']);
    expect(g.parties.parts[2].key.toString()).toBe('10');
  });

  it('Kela 10 % of 100,01 € (pool muu) with one leftover cent', () => {
    const g = group(allocate(base({ kelaPct: 10 }).cost('TA', 'muu', '100.01').build()), 'TA|muu');
    // Kela 10.001; rest 90.009: TVA x 7/12 = 52.50525, HVA x 5/12 = 37.50375
    // floors 52.50 + 37.50 + 10.00 = 100.00 -> 1 cent; r .00525 > .00375 > .001 -> TVA
    expect(parties(g)).toEqual(['52.51', '37.50', '10.00']);
  });

  it('the Kela percentage does not touch pool b (registrants only)', () => {
    const m = base({ kelaPct: 10 }).registrants(E1, 'TVA', 1).registrants(E1, 'HVA', 1).cost('TA', 'b', '100.00', { event: E1 }).build();
    // 1 : 1 : 0 -> 50 / 50 / 0
    expect(parties(group(allocate(m), `TA|b|${E1.toLowerCase()}`))).toEqual(['50.00', '50.00', '0.00']);
  });

  it('agreed TVA 60 % replaces the staff key: 333,33 € -> 200,00 / 133,33', () => {
    const g = group(allocate(base({ agreedTvaPct: 60 }).cost('TA', 'a', '333.33').build()), 'TA|a');
    // TVA 333.33 x 0.6 = 199.998, HVA x 0.4 = 133.332; floors 199.99 + 133.33 = 333.32 -> 1 cent; r .008 > .002 -> TVA
    expect(parties(g)).toEqual(['200.00', '133.33', '0.00']);
    expect(g.parties.parts.map((p) => p.key.toString())).toEqual(['60', '40', '0']);
  });

  it('agreed TVA 60 % with Kela 10 %: Kela first, then 60 / 40 of the rest', () => {
    const g = group(allocate(base({ agreedTvaPct: 60, kelaPct: 10 }).cost('TOT', 'a', '1000.00').build()), 'TOT|a');
    // Kela 100.00; TVA 900 x 0.6 = 540.00; HVA 900 x 0.4 = 360.00
    expect(parties(g)).toEqual(['540.00', '360.00', '100.00']);
  });

  it('an agreed TVA percentage needs no staff at all', () => {
    const m = model({ agreedTvaPct: '62.5' })
      .populations([['Järvenpää', 1]])
      .cost('TA', 'a', '80.00')
      .build();
    // 80 x 0.625 = 50, 80 x 0.375 = 30
    expect(parties(group(allocate(m), 'TA|a'))).toEqual(['50.00', '30.00', '0.00']);
  });
});

describe('staff basis: headcount vs FTE vs FTE weighted by days', () => {
  // TVA: A full year FTE 1; B FTE 0.5 from 1.7. HVA: C full year FTE 1; D left the year before.
  const staff = (year: number, basis: 'headcount' | 'fte' | 'fte-time-weighted') =>
    model({ year, staffBasis: basis })
      .staff('TVA', { fte: '1' })
      .staff('TVA', { fte: '0.5', start: `${year}-07-01` })
      .staff('HVA', { fte: '1' })
      .staff('HVA', { fte: '1', end: `${year - 1}-12-31` })
      .populations([['Järvenpää', 1]])
      .cost('TA', 'a', '300.00')
      .build();

  it('headcount: TVA 2, HVA 1 (D outside the year) -> 200,00 / 100,00', () => {
    expect(parties(group(allocate(staff(2025, 'headcount')), 'TA|a'))).toEqual(['200.00', '100.00', '0.00']);
  });

  it('FTE: TVA 1 + 0,5 = 1,5, HVA 1 -> 300 x 1,5/2,5 = 180,00 / 120,00', () => {
    expect(parties(group(allocate(staff(2025, 'fte')), 'TA|a'))).toEqual(['180.00', '120.00', '0.00']);
  });

  it('FTE by days in 2025: TVA 365 + 0,5 x 184 = 457, HVA 365 day-FTEs', () => {
    const a = allocate(staff(2025, 'fte-time-weighted'));
    // 300 x 457/822 = 166.78832.., 300 x 365/822 = 133.21167..; floors 166.78 + 133.21 = 299.99
    // r .0083 > .0017 -> TVA
    expect(parties(group(a, 'TA|a'))).toEqual(['166.79', '133.21', '0.00']);
    // shown key: 457/365 = 1.2520547.., 365/365 = 1
    expect(a.staffKeys.TVA.shown.toDecimalPlaces(7).toString()).toBe('1.2520548');
    expect(a.staffKeys.HVA.shown.toString()).toBe('1');
  });

  it('FTE by days in the leap year 2024: TVA 366 + 0,5 x 184 = 458, HVA 366', () => {
    // 300 x 458/824 = 166.74757.., 300 x 366/824 = 133.25242..; floors 166.74 + 133.25 = 299.99
    // r .00757 > .00243 -> TVA
    expect(parties(group(allocate(staff(2024, 'fte-time-weighted')), 'TA|a'))).toEqual(['166.75', '133.25', '0.00']);
  });
});

describe('pool b: registrants per event, and the no-event line by the whole year', () => {
  const m = model({ year: 2025 })
    .populations([['Järvenpää', 1]])
    // E1: TVA "T 1".."T 3", HVA "H 1", "H 2", KELA "K 1" = 6 distinct; plus rows that must not count
    .registrants(E1, 'TVA', 3, 'T')
    .registrants(E1, 'HVA', 2, 'H')
    .registrants(E1, 'KELA', 1, 'K')
    .registration(E1, 'H 3', 'HVA', { cancelled: true })
    .registration(E1, '  t   1 ', 'HVA') // duplicate of "T 1" (case and spaces): counted once, for TVA
    .registration(E1, 'K 2', 'KELA', { date: '2024-10-01' }) // another year
    // E2: "T 1" again (a different event counts again) and "H 1"
    .registration(E2, 'T 1', 'TVA', { date: '2025-10-01' })
    .registration(E2, 'H 1', 'HVA')
    .cost('TOT', 'b', '600.00', { event: E1 })
    .cost('TOT', 'b', '100.01', { event: E2 })
    .cost('TOT', 'b', '80.00')
    .cost('TOT', 'b', '0.01', { event: `  ${E1.toUpperCase()} ` }) // same event written differently
    .build();
  const a = allocate(m);
  const e1 = `TOT|b|${E1.toLowerCase()}`;
  const e2 = `TOT|b|${E2.toLowerCase()}`;

  it('event 1: 600,01 € by 3 : 2 : 1', () => {
    // lines 600.00 + 0.01 = 600.01 (one group); exact 300.005, 200.00333.., 100.001666..
    // floors 300.00 + 200.00 + 100.00 = 600.00 -> 1 cent; r .005 > .0033 > .0017 -> TVA
    expect(eur(group(a, e1).amount)).toBe('600.01');
    expect(parties(group(a, e1))).toEqual(['300.01', '200.00', '100.00']);
    expect(group(a, e1).parties.parts.map((p) => p.key.toString())).toEqual(['3', '2', '1']);
  });

  it('event 2: 100,01 € by 1 : 1 : 0, the tied cent to TVA', () => {
    // exact 50.005 each; floors 100.00 -> 1 cent; r tie -> TVA (listed first)
    expect(parties(group(a, e2))).toEqual(['50.01', '50.00', '0.00']);
  });

  it('the no-event line: 80,00 € by the sum over events of distinct registrants, 4 : 3 : 1', () => {
    // TVA 3 + 1 = 4, HVA 2 + 1 = 3, KELA 1 + 0 = 1 -> 80 x 4/8, 3/8, 1/8 = 40, 30, 10
    const g = group(a, 'TOT|b|');
    expect(g.event).toBeNull();
    expect(parties(g)).toEqual(['40.00', '30.00', '10.00']);
    expect(g.parties.parts.map((p) => p.key.toString())).toEqual(['4', '3', '1']);
  });

  it('reports the duplicate as a warning and names no person', () => {
    expect(a.warnings.map((w) => [w.code, w.where.row])).toEqual([['duplicate-registration', 9]]);
    expect(JSON.stringify(a.warnings)).not.toMatch(/t +1/i);
  });

  it('TOT totals: TVA 300,01 + 50,01 + 40 = 390,02; HVA 280,00; KELA 110,00', () => {
    expect(totals(a, 'TOT')).toEqual({ TVA: '390.02', HVA: '280.00', KELA: '110.00', Järvenpää: '390.02' });
    // 600.01 + 100.01 + 80.00 = 780.02 = 390.02 + 280.00 + 110.00
    expect(eur(a.costTotals.TOT)).toBe('780.02');
  });
});

describe('municipal split of TVA share', () => {
  // TVA alone in the staff key, so TVA's share is the whole amount.
  const kunnat = (basis: 'population' | 'jobseekers' | 'agreed') =>
    model({ municipalBasis: basis })
      .staff('TVA')
      .municipality('Järvenpää', { population: 46000, jobseekers: 300, agreedPct: 70 })
      .municipality('Tuusula', { population: 40000, jobseekers: 100, agreedPct: 30 });

  it('by population 46 000 : 40 000: 100,00 € -> 53,49 / 46,51', () => {
    const g = group(allocate(kunnat('population').cost('TA', 'a', '100.00').build()), 'TA|a');
    // 100 x 46/86 = 53.48837.., 100 x 40/86 = 46.51162..; floors 53.48 + 46.51 = 99.99; r .0084 > .0016
    expect(munis(g)).toEqual([
      ['Järvenpää', '53.49'],
      ['Tuusula', '46.51'],
    ]);
    expect(g.municipalities.parts.map((p) => p.key.toString())).toEqual(['46000', '40000']);
  });

  it('by jobseekers 300 : 100: 100,00 € -> 75,00 / 25,00', () => {
    const g = group(allocate(kunnat('jobseekers').cost('TA', 'a', '100.00').build()), 'TA|a');
    expect(munis(g)).toEqual([
      ['Järvenpää', '75.00'],
      ['Tuusula', '25.00'],
    ]);
  });

  it('by agreed percentages 70 : 30: 0,05 € -> 0,04 / 0,01 (tie at half a cent to the first)', () => {
    const g = group(allocate(kunnat('agreed').cost('TA', 'a', '0.05').build()), 'TA|a');
    // 0.05 x 0.7 = 0.035, x 0.3 = 0.015; floors 0.03 + 0.01 = 0.04 -> 1 cent; r .005 = .005 -> Järvenpää
    expect(munis(g)).toEqual([
      ['Järvenpää', '0.04'],
      ['Tuusula', '0.01'],
    ]);
  });

  it('by TVA staff placed in each municipality (headcount): 400,00 € by 1 : 2', () => {
    const m = model({ municipalBasis: 'staff' })
      .staff('TVA', { municipality: 'Järvenpää' })
      .staffMany('TVA', 2, { municipality: 'Tuusula' })
      .staff('TVA') // not placed: in the party key, not in the municipal key
      .staff('HVA', { municipality: 'Järvenpää' }) // HVA staff never in the municipal key
      .populations([
        ['Järvenpää', 1],
        ['Tuusula', 1000],
      ])
      .cost('TA', 'a', '500.00')
      .build();
    const g = group(allocate(m), 'TA|a');
    // level 1: TVA 4, HVA 1 -> 400.00 / 100.00
    expect(parties(g)).toEqual(['400.00', '100.00', '0.00']);
    // level 2: 400 x 1/3 = 133.333.., 400 x 2/3 = 266.666..; floors 399.99 -> 1 cent; r .0067 > .0033 -> Tuusula
    expect(munis(g)).toEqual([
      ['Järvenpää', '133.33'],
      ['Tuusula', '266.67'],
    ]);
  });

  it('TVA staff placed in municipalities are counted on the staff basis in force (FTE by days)', () => {
    const m = model({ municipalBasis: 'staff', staffBasis: 'fte-time-weighted', year: 2025 })
      .staff('TVA', { municipality: 'Järvenpää' })
      .staff('TVA', { municipality: 'Tuusula', start: '2025-07-01' })
      .populations([
        ['Järvenpää', 1],
        ['Tuusula', 1],
      ])
      .cost('TA', 'a', '549.00')
      .build();
    // days 365 : 184 (sum 549) -> 549 x 365/549 = 365.00, 549 x 184/549 = 184.00
    expect(munis(group(allocate(m), 'TA|a'))).toEqual([
      ['Järvenpää', '365.00'],
      ['Tuusula', '184.00'],
    ]);
  });

  it('a tie goes to the municipality listed first in the Kunnat table', () => {
    const three = (order: string[]) =>
      model()
        .staff('TVA')
        .populations(order.map((n) => [n, 1000] as const))
        .cost('TA', 'a', '100.00')
        .build();
    // 100 x 1/3 = 33.333.. each; floors 99.99 -> 1 cent; all r equal -> first listed
    expect(munis(group(allocate(three(['Hyvinkää', 'Järvenpää', 'Tuusula'])), 'TA|a'))).toEqual([
      ['Hyvinkää', '33.34'],
      ['Järvenpää', '33.33'],
      ['Tuusula', '33.33'],
    ]);
    expect(munis(group(allocate(three(['Tuusula', 'Järvenpää', 'Hyvinkää'])), 'TA|a'))).toEqual([
      ['Tuusula', '33.34'],
      ['Järvenpää', '33.33'],
      ['Hyvinkää', '33.33'],
    ]);
  });

  it('a zero municipal key is an error naming the Kunnat table', () => {
    const m = model({ municipalBasis: 'jobseekers' })
      .staff('TVA')
      .populations([['Järvenpää', 100]])
      .cost('TA', 'a', '1.00')
      .build();
    const e = inputError(() => allocate(m));
    expect(e.problems.map((p) => [p.severity, p.code, p.where.table])).toEqual([['error', 'key-total-zero', 'Kunnat']]);
  });
});

describe('ties between shares of different size (regression: remainders must compare exactly)', () => {
  it('event of 3 000,00 € with registrants 4 : 4 : 1 gives the tied cent to TVA', () => {
    const m = model()
      .populations([['Järvenpää', 1]])
      .registrants(E1, 'TVA', 4)
      .registrants(E1, 'HVA', 4)
      .registrants(E1, 'KELA', 1)
      .cost('TA', 'b', '3000.00', { event: E1 })
      .build();
    // exact 1333.333.., 1333.333.., 333.333..; floors 1333.33 + 1333.33 + 333.33 = 2999.99 -> 1 cent
    // all three r are exactly 1/3 cent -> tie -> TVA (listed first)
    expect(parties(group(allocate(m), `TA|b|${E1.toLowerCase()}`))).toEqual(['1333.34', '1333.33', '333.33']);
  });

  it("TVA's 3 000,00 € over populations 36 000 : 36 000 : 9 000 gives the tied cent to the first municipality", () => {
    const m = model()
      .staff('TVA')
      .populations([
        ['Hyvinkää', 36000],
        ['Järvenpää', 36000],
        ['Pornainen', 9000],
      ])
      .cost('TA', 'a', '3000.00')
      .build();
    // 3000 x 4/9 = 1333.333.. (twice), 3000 x 1/9 = 333.333..; same tie as above -> Hyvinkää
    expect(munis(group(allocate(m), 'TA|a'))).toEqual([
      ['Hyvinkää', '1333.34'],
      ['Järvenpää', '1333.33'],
      ['Pornainen', '333.33'],
    ]);
  });
});

describe('which cost lines are split, in which groups and order', () => {
  it('ignores cost lines whose Vuosi is another year (blank Vuosi = the settings year)', () => {
    const m = model({ year: 2025 })
      .staff('TVA')
      .staff('HVA')
      .populations([['Järvenpää', 1]])
      .cost('TA', 'a', '1000.00') // row 2, blank Vuosi
      .cost('TA', 'a', '200.00', { year: 2025 }) // row 3
      .cost('TA', 'a', '5000.00', { year: 2024 }) // ignored
      .cost('TOT', 'a', '7.00', { year: 2026 }) // ignored
      .build();
    const a = allocate(m);
    expect(a.groups.map((g) => g.id)).toEqual(['TA|a']);
    // 1000 + 200 = 1200 -> 600 / 600
    expect(eur(a.groups[0].amount)).toBe('1200.00');
    expect(a.groups[0].lines.map((r) => r.sheetRow)).toEqual([2, 3]);
    expect(parties(a.groups[0])).toEqual(['600.00', '600.00', '0.00']);
    expect(eur(a.costTotals.TA)).toBe('1200.00');
    expect(eur(a.costTotals.TOT)).toBe('0.00');
  });

  it('no cost line in the year is an error', () => {
    const m = model({ year: 2025 })
      .staff('TVA')
      .populations([['Järvenpää', 1]])
      .cost('TA', 'a', '1.00', { year: 2024 })
      .build();
    expect(inputError(() => allocate(m)).problems.map((p) => [p.code, p.where.table])).toEqual([['no-cost-lines', 'Kustannukset']]);
  });

  it("splits a group's sum, not each line: two lines of 0,01 € by 1 : 1 are 0,01 / 0,01", () => {
    const m = model()
      .staff('TVA')
      .staff('HVA')
      .populations([['Järvenpää', 1]])
      .cost('TA', 'a', '0.01')
      .cost('TA', 'a', '0.01')
      .build();
    // group 0.02 -> 0.01 / 0.01 (line by line it would be 0.02 / 0.00)
    expect(parties(group(allocate(m), 'TA|a'))).toEqual(['0.01', '0.01', '0.00']);
  });

  it('a line and its correction cancel out in the group', () => {
    const m = model()
      .staff('TVA')
      .staff('HVA')
      .populations([['Järvenpää', 1]])
      .cost('TA', 'a', '0.01')
      .cost('TA', 'a', '-0.01')
      .build();
    expect(parties(group(allocate(m), 'TA|a'))).toEqual(['0.00', '0.00', '0.00']);
  });

  describe('group order and totals per kind', () => {
    const m = model()
      .staff('TVA')
      .staff('HVA')
      .populations([['Järvenpää', 1]])
      .registration(E1, 'A', 'TVA')
      .registration(E1, 'B', 'HVA')
      .registration(E2, 'C', 'KELA')
      .registration(E2, 'D', 'KELA')
      .cost('TOT', 'b', '-5.00', { event: E2 }) // row 2
      .cost('TA', 'muu', '40.00') // row 3
      .cost('TA', 'b', '4.00') // row 4: no event
      .cost('TA', 'b', '10.00', { event: E1 }) // row 5
      .cost('TA', 'a', '10.00') // row 6
      .cost('TOT', 'a', '100.00') // row 7
      .cost('TA', 'b', '9.99', { event: E2 }) // row 8
      .cost('TA', 'a', '20.01') // row 9
      .build();
    const a = allocate(m);
    const k1 = E1.toLowerCase();
    const k2 = E2.toLowerCase();

    it('orders groups per kind: a, muu, b events in order of first cost line, b without event', () => {
      expect(a.groups.map((g) => g.id)).toEqual(['TA|a', 'TA|muu', `TA|b|${k1}`, `TA|b|${k2}`, 'TA|b|', 'TOT|a', `TOT|b|${k2}`]);
      expect(group(a, 'TA|a').lines.map((r) => r.sheetRow)).toEqual([6, 9]);
      expect(group(a, `TA|b|${k1}`).event).toBe(E1);
    });

    it('splits each group', () => {
      // TA a: 10.00 + 20.01 = 30.01 by 1 : 1 -> 15.005 each -> tie -> TVA 15.01
      expect(parties(group(a, 'TA|a'))).toEqual(['15.01', '15.00', '0.00']);
      expect(parties(group(a, 'TA|muu'))).toEqual(['20.00', '20.00', '0.00']);
      expect(parties(group(a, `TA|b|${k1}`))).toEqual(['5.00', '5.00', '0.00']);
      expect(parties(group(a, `TA|b|${k2}`))).toEqual(['0.00', '0.00', '9.99']);
      // the year: TVA 1, HVA 1, KELA 2 -> 4.00 x 1/4, 1/4, 2/4
      expect(parties(group(a, 'TA|b|'))).toEqual(['1.00', '1.00', '2.00']);
      expect(parties(group(a, `TOT|b|${k2}`))).toEqual(['0.00', '0.00', '-5.00']);
    });

    it('totals TA and TOT separately', () => {
      // TA: TVA 15.01 + 20 + 5 + 0 + 1 = 41.01; HVA 15.00 + 20 + 5 + 0 + 1 = 41.00; KELA 9.99 + 2 = 11.99
      expect(totals(a, 'TA')).toEqual({ TVA: '41.01', HVA: '41.00', KELA: '11.99', Järvenpää: '41.01' });
      // 30.01 + 40 + 10 + 9.99 + 4 = 94.00 = 41.01 + 41.00 + 11.99
      expect(eur(a.costTotals.TA)).toBe('94.00');
      // TOT: a 100.00 -> 50 / 50; b E2 -5.00 -> Kela
      expect(totals(a, 'TOT')).toEqual({ TVA: '50.00', HVA: '50.00', KELA: '-5.00', Järvenpää: '50.00' });
      expect(eur(a.costTotals.TOT)).toBe('95.00');
    });
  });
});

describe('input errors', () => {
  it('a zero staff key is an InputError naming the Henkilosto table and the pool', () => {
    const m = model()
      .staffMany('KELA', 3)
      .populations([['Järvenpää', 1]])
      .cost('TA', 'a', '100.00')
      .build();
    const e = inputError(() => allocate(m));
    expect(e.problems).toHaveLength(1);
    const p = e.problems[0];
    expect([p.severity, p.code, p.where.sheet, p.where.table]).toEqual(['error', 'key-total-zero', 'Henkilosto', 'Henkilosto']);
    expect(String(p.params.group)).toMatch(/\bTA\b.*\ba\b/);
    expect(formatProblem(p, 'fi')).toContain('Henkilosto');
  });

  it('staff who are all outside the year make a zero key too', () => {
    const m = model({ year: 2025 })
      .staff('TVA', { end: '2024-12-31' })
      .staff('HVA', { start: '2026-01-01' })
      .populations([['Järvenpää', 1]])
      .cost('TOT', 'muu', '1.00')
      .build();
    expect(inputError(() => allocate(m)).problems.map((p) => [p.code, p.where.table])).toEqual([['key-total-zero', 'Henkilosto']]);
  });

  it('pool b alone needs no staff', () => {
    const m = model()
      .populations([['Järvenpää', 1]])
      .registrants(E1, 'HVA', 1)
      .cost('TA', 'b', '10.00', { event: E1 })
      .build();
    expect(parties(group(allocate(m), `TA|b|${E1.toLowerCase()}`))).toEqual(['0.00', '10.00', '0.00']);
  });

  it('an event with a cost but no registrants names the cost line row', () => {
    // Kustannukset header on sheet row 3, so data row 2 sits on sheet row 5.
    const m = model({ year: 2025 }, { kustannukset: 3 })
      .staff('TVA')
      .populations([['Järvenpää', 1]])
      .registration('Kevätpäivä', 'A', 'TVA', { cancelled: true })
      .registration('Kevätpäivä', 'B', 'HVA', { date: '2024-04-01' })
      .cost('TA', 'a', '1.00')
      .cost('TOT', 'b', '250.00', { event: 'Kevätpäivä' })
      .build();
    // An actual (TOT) line: the year's registrations only (a budget line would fall back to 2024's, issue 12).
    const e = inputError(() => allocate(m));
    expect(e.problems).toHaveLength(1);
    const p = e.problems[0];
    expect([p.severity, p.code]).toEqual(['error', 'event-without-registrants']);
    expect(p.where).toMatchObject({ sheet: 'Kustannukset', table: 'Kustannukset', row: 5 });
    expect(p.params).toMatchObject({ event: 'Kevätpäivä', year: 2025 });
    expect(formatProblem(p, 'fi')).toContain('rivi 5');
  });

  it('an event nobody registered for at all is the same error', () => {
    const m = model()
      .staff('TVA')
      .populations([['Järvenpää', 1]])
      .cost('TOT', 'b', '9.00', { event: 'Syyspäivä' })
      .build();
    expect(inputError(() => allocate(m)).problems.map((p) => [p.code, p.where.row, p.params.event])).toEqual([
      ['event-without-registrants', 2, 'Syyspäivä'],
    ]);
  });

  it('a no-event pool b actual line with no registrations in the year is a zero-key error', () => {
    const m = model()
      .staff('TVA')
      .populations([['Järvenpää', 1]])
      .cost('TOT', 'b', '9.00')
      .build();
    expect(inputError(() => allocate(m)).problems.map((p) => [p.code, p.where.row])).toEqual([['key-total-zero', 2]]);
  });

  it('a no-event pool b budget line with no plan and no registrations this year or the last is its own error', () => {
    const m = model()
      .staff('TVA')
      .populations([['Järvenpää', 1]])
      .cost('TA', 'b', '9.00')
      .build();
    expect(inputError(() => allocate(m)).problems.map((p) => [p.code, p.where.row])).toEqual([['budget-year-without-key', 2]]);
  });

  it('reports every problem at once', () => {
    const m = model()
      .populations([['Järvenpää', 1]])
      .cost('TA', 'a', '1.00')
      .cost('TOT', 'b', '2.00', { event: 'Syyspäivä' })
      .cost('TA', 'b', '3.00', { event: 'Syyspäivä' })
      .build();
    expect(inputError(() => allocate(m)).problems.map((p) => p.code)).toEqual([
      'key-total-zero',
      'budget-event-without-key',
      'event-without-registrants',
    ]);
  });
});
