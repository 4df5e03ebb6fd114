/**
 * The budget-time key of pool b (issue 12, rule book "Before the year"): a budget (TA) line of the
 * development days is keyed by the participant plan, else by the year's registrations, else by the
 * previous year's registrations with a warning; actual (TOT) lines by the year's registrations.
 * Every figure is worked out by hand in the comment beside it.
 */
import { allocate, modelOfYear, type Allocation, type AllocationGroup } from '../../src/domain/allocate';
import { formatProblem, InputError } from '../../src/domain/problems';
import { eur, model } from './support/modelBuilder';

const group = (a: Allocation, id: string): AllocationGroup => {
  const g = a.groups.find((x) => x.id === id);
  if (!g) throw new Error(`no group ${id}: ${a.groups.map((x) => x.id).join(', ')}`);
  return g;
};
const parties = (g: AllocationGroup) => g.parties.parts.map((p) => [p.receiver, eur(p.amount)]);
const munis = (g: AllocationGroup) => g.municipalities.parts.map((p) => [p.receiver, eur(p.amount)]);

function inputError(f: () => unknown): InputError {
  try {
    f();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('expected an InputError');
}

/** Budget 2026 drafted in the autumn of 2025: no registration of 2026 exists. */
const budget2026 = () =>
  model({ year: 2026 })
    .populations([
      ['Hyvinkää', 60],
      ['Järvenpää', 40],
    ])
    .staff('TVA')
    .staff('HVA');

describe('a budget for a year with no registrations, from the participant plan', () => {
  // Plan for the year (Tilaisuus blank): TVA 11, HVA 7, Kela 3 = 21 participants.
  // TA pool b, no event, 10 000,00:
  //   TVA 10 000 x 11/21 = 5 238,095238.. -> 5 238,09 (remainder 0,005238)
  //   HVA 10 000 x  7/21 = 3 333,333333.. -> 3 333,33 (remainder 0,003333)
  //   Kela 10 000 x 3/21 = 1 428,571428.. -> 1 428,57 (remainder 0,001428)
  //   floors 9 999,99: one cent to the largest remainder, TVA -> 5 238,10 / 3 333,33 / 1 428,57.
  //   TVA 5 238,10 by population 60:40 -> Hyvinkää 3 142,86, Järvenpää 2 095,24 (both exact).
  const m = () => budget2026().plan(null, 'TVA', 11).plan(null, 'HVA', 7).plan(null, 'KELA', 3).cost('TA', 'b', '10000.00').build();

  test('splits by the planned participants, to the cent', () => {
    const a = allocate(m());
    const g = group(a, 'TA|b|');
    expect(parties(g)).toEqual([
      ['TVA', '5238.10'],
      ['HVA', '3333.33'],
      ['KELA', '1428.57'],
    ]);
    expect(munis(g)).toEqual([
      ['Hyvinkää', '3142.86'],
      ['Järvenpää', '2095.24'],
    ]);
    expect(g.keySource).toBe('plan');
    expect(g.parties.parts.map((p) => p.key.toNumber())).toEqual([11, 7, 3]);
  });

  test('without a warning: the plan is the intended budget key', () => {
    expect(allocate(m()).warnings).toEqual([]);
  });
});

describe('a plan per event and for the year', () => {
  // Plan: Kevätpäivä TVA 5, HVA 4; Syyspäivä TVA 2, Kela 2; the year (blank) HVA 3;
  // and a row of 2025 (HVA 100) that is not this year's plan.
  // TA b Kevätpäivä 3 000,00 by 5:4 -> TVA 1 666,666.. (1 666,66, rem 0,00666), HVA 1 333,333.. (1 333,33, rem 0,00333);
  //   one cent left -> TVA: 1 666,67 / 1 333,33 / 0,00.
  // TA b no event 1 000,00 by every plan row of the year: TVA 5+2 = 7, HVA 4+3 = 7, Kela 2 (16)
  //   -> 437,50 / 437,50 / 125,00 (exact).
  const m = () =>
    budget2026()
      .plan('Kevätpäivä', 'TVA', 5)
      .plan('Kevätpäivä', 'HVA', 4)
      .plan('Syyspäivä', 'TVA', 2)
      .plan('Syyspäivä', 'KELA', 2)
      .plan(null, 'HVA', 3)
      .plan(null, 'HVA', 100, { year: 2025 })
      .cost('TA', 'b', '3000.00', { event: 'Kevätpäivä' })
      .cost('TA', 'b', '1000.00')
      .build();

  test("an event's line takes the event's plan rows", () => {
    expect(parties(group(allocate(m()), 'TA|b|kevätpäivä'))).toEqual([
      ['TVA', '1666.67'],
      ['HVA', '1333.33'],
      ['KELA', '0.00'],
    ]);
  });

  test("a line with no event takes every plan row of the year, not another year's", () => {
    expect(parties(group(allocate(m()), 'TA|b|'))).toEqual([
      ['TVA', '437.50'],
      ['HVA', '437.50'],
      ['KELA', '125.00'],
    ]);
  });
});

describe("a budget for a year with no registrations, from the previous year's registrations", () => {
  // Registrations dated 2025 (the year before the budget year 2026):
  //   Kevätpäivä: TVA A, TVA B, HVA C, HVA C again (counts once), Kela D cancelled (does not count)
  //   Syyspäivä: Kela E
  // and one of 2024 (TVA F, Kevätpäivä), which is not the previous year.
  // Previous year: Kevätpäivä TVA 2, HVA 1; Syyspäivä Kela 1; the year TVA 2, HVA 1, Kela 1.
  // TA b no event 900,00 by 2:1:1 -> 450,00 / 225,00 / 225,00.
  // TA b Kevätpäivä 100,00 by 2:1 -> 66,666.. (66,66, rem 0,00666), 33,333.. (33,33, rem 0,00333) -> TVA 66,67, HVA 33,33.
  const m = () =>
    budget2026()
      .registration('Kevätpäivä', 'A', 'TVA', { date: '2025-04-02' })
      .registration('Kevätpäivä', 'B', 'TVA', { date: '2025-04-02' })
      .registration('Kevätpäivä', 'C', 'HVA', { date: '2025-04-02' })
      .registration('Kevätpäivä', ' c ', 'HVA', { date: '2025-04-03' })
      .registration('Kevätpäivä', 'D', 'KELA', { date: '2025-04-02', cancelled: true })
      .registration('Syyspäivä', 'E', 'KELA', { date: '2025-10-01' })
      .registration('Kevätpäivä', 'F', 'TVA', { date: '2024-04-02' })
      .cost('TA', 'b', '900.00')
      .cost('TA', 'b', '100.00', { event: 'Kevätpäivä' })
      .build();

  test("splits by the previous year's distinct active registrants", () => {
    const a = allocate(m());
    expect(parties(group(a, 'TA|b|'))).toEqual([
      ['TVA', '450.00'],
      ['HVA', '225.00'],
      ['KELA', '225.00'],
    ]);
    expect(parties(group(a, 'TA|b|kevätpäivä'))).toEqual([
      ['TVA', '66.67'],
      ['HVA', '33.33'],
      ['KELA', '0.00'],
    ]);
    expect(group(a, 'TA|b|').keySource).toBe('previous-year');
  });

  test('warns once per group, naming the source year and its counts', () => {
    const w = allocate(m()).warnings.filter((p) => p.code === 'budget-key-previous-year');
    expect(w.map((p) => [p.severity, p.where.row, p.params.previousYear, p.params.tva, p.params.hva, p.params.kela])).toEqual([
      ['warning', 3, 2025, 2, 1, 0],
      ['warning', 2, 2025, 2, 1, 1],
    ]);
    expect(formatProblem(w[1], 'fi')).toContain('vuoden 2025 ilmoittautumisten mukaan (TVA 2, HVA 1, Kela 1)');
    expect(formatProblem(w[1], 'sv')).toContain('anmälningarna år 2025');
    expect(formatProblem(w[1], 'en')).toContain('registrations of 2025');
  });

  test('a registration with a blank date belongs to the budget year, never to the previous year', () => {
    // Kevätpäivä 2025: TVA A, TVA B, HVA C (C twice) = TVA 2, HVA 1, plus a blank-dated TVA G (= 2026: not last year's).
    const withBlank = budget2026()
      .registration('Kevätpäivä', 'A', 'TVA', { date: '2025-04-02' })
      .registration('Kevätpäivä', 'B', 'TVA', { date: '2025-04-02' })
      .registration('Kevätpäivä', 'C', 'HVA', { date: '2025-04-02' })
      .registration('Syyspäivä', 'G', 'TVA')
      .cost('TA', 'b', '100.00', { event: 'Kevätpäivä' })
      .build();
    const a = allocate(withBlank);
    expect(a.poolB.previous.byEvent.get('syyspäivä')).toBeUndefined();
    expect(a.poolB.previous.year).toEqual({ TVA: 2, HVA: 1, KELA: 0 });
    expect(a.poolB.previousCount.counted).toEqual([true, true, true, false]);
    expect(a.poolB.registrations.year).toEqual({ TVA: 1, HVA: 0, KELA: 0 });
  });

  test("the previous year's duplicate is not reported again (it is last year's table, counted once)", () => {
    expect(allocate(m()).warnings.map((p) => p.code)).toEqual(['budget-key-previous-year', 'budget-key-previous-year']);
  });
});

describe('which source wins', () => {
  // 2026 registrations: TVA 1 (Kevätpäivä). Plan for the year: HVA 1.
  const m = () =>
    budget2026()
      .registration('Kevätpäivä', 'A', 'TVA', { date: '2026-04-01' })
      .registration('Kevätpäivä', 'B', 'KELA', { date: '2025-04-01' })
      .plan(null, 'HVA', 1)
      .cost('TA', 'b', '100.00')
      .cost('TOT', 'b', '80.00')
      .build();

  test('a budget line: the plan before early registrations (the advances do not move when registrations arrive)', () => {
    const g = group(allocate(m()), 'TA|b|');
    expect([g.keySource, ...parties(g).map((p) => p[1])]).toEqual(['plan', '0.00', '100.00', '0.00']);
  });

  test("an actual line: always the year's registrations, whatever the plan says", () => {
    const g = group(allocate(m()), 'TOT|b|');
    expect([g.keySource, ...parties(g).map((p) => p[1])]).toEqual(['registrations', '80.00', '0.00', '0.00']);
  });

  test("without a plan, a budget line takes the year's registrations before the previous year's", () => {
    const noPlan = budget2026()
      .registration('Kevätpäivä', 'A', 'TVA', { date: '2026-04-01' })
      .registration('Kevätpäivä', 'B', 'KELA', { date: '2025-04-01' })
      .cost('TA', 'b', '100.00')
      .build();
    const a = allocate(noPlan);
    expect([group(a, 'TA|b|').keySource, ...parties(group(a, 'TA|b|')).map((p) => p[1])]).toEqual([
      'registrations',
      '100.00',
      '0.00',
      '0.00',
    ]);
    expect(a.warnings).toEqual([]);
  });

  test('a plan whose rows for the event are all zero is no plan for it', () => {
    const zeroPlan = budget2026()
      .registration('Kevätpäivä', 'B', 'KELA', { date: '2025-04-01' })
      .plan('Kevätpäivä', 'TVA', 0)
      .cost('TA', 'b', '100.00', { event: 'Kevätpäivä' })
      .build();
    const g = group(allocate(zeroPlan), 'TA|b|kevätpäivä');
    expect([g.keySource, ...parties(g).map((p) => p[1])]).toEqual(['previous-year', '0.00', '0.00', '100.00']);
  });

  test('an event with none of the three is an error naming the cost line and what to add', () => {
    const none = budget2026().plan(null, 'TVA', 3).cost('TA', 'b', '100.00', { event: 'Talvipäivä' }).build();
    const e = inputError(() => allocate(none));
    expect(e.problems.map((p) => [p.code, p.where.row, p.where.column, p.params.event, p.params.previousYear])).toEqual([
      ['budget-event-without-key', 2, 'Tilaisuus', 'Talvipäivä', 2025],
    ]);
    expect(formatProblem(e.problems[0], 'fi')).toContain('Osallistujasuunnitelma');
  });
});

describe('another year of the cost lines (a year slot of the workbook): a blank Vuosi in the plan is the budget year', () => {
  // Budget 2026, with last year's budget line (Vuosi 2025) kept for comparison. The plan has one
  // row with Vuosi blank (= 2026): TVA 5. 2025 is seen through modelOfYear as its own budget year.
  // 2025's line of 100,00 must not take 2026's plan: no plan row of 2025, no registration of 2025,
  // and the registrations of 2024 (its previous year): HVA 1 -> HVA 100,00.
  // Before the fix a blank Vuosi counted for every year: TVA 100,00.
  const m = () =>
    budget2026()
      .registration('Syyspäivä', 'A', 'HVA', { date: '2024-10-01' })
      .plan(null, 'TVA', 5)
      .cost('TA', 'b', '100.00', { year: 2025 })
      .cost('TA', 'b', '300.00')
      .build();

  test('2025 keyed from 2024, 2026 from the plan', () => {
    const budget = allocate(m());
    // 2026: the plan, TVA 5 of 5 -> 300,00 to TVA.
    expect([group(budget, 'TA|b|').keySource, ...parties(group(budget, 'TA|b|')).map((p) => p[1])]).toEqual([
      'plan',
      '300.00',
      '0.00',
      '0.00',
    ]);
    const last = allocate(modelOfYear(m(), 2025));
    expect([group(last, 'TA|b|').keySource, ...parties(group(last, 'TA|b|')).map((p) => p[1])]).toEqual([
      'previous-year',
      '0.00',
      '100.00',
      '0.00',
    ]);
  });
});
