/**
 * The municipalities' scenarios (issue 12): each municipal basis and each staff basis side by side.
 * A hand-checked example, then the property the issue asks for: every scenario equals a separate
 * run of the engine with that one setting changed (four municipal runs, three staff runs), over
 * random models.
 */
import fc from 'fast-check';
import { allocate } from '../../src/domain/allocate';
import { computeScenarios, MUNICIPAL_BASES, STAFF_BASES } from '../../src/domain/scenarios';
import type { InputModel } from '../../src/domain/types';
import { PARTIES, COST_KINDS } from '../../src/domain/types';
import { eur, model } from './support/modelBuilder';

describe('a hand-checked example', () => {
  // Municipalities A (population 3, jobseekers 1, agreed 50 %) and B (1, 1, 50 %).
  // Staff: TVA in A headcount 1, FTE 0,5; TVA in B headcount 2, FTE 1; HVA headcount 1, FTE 1 from 1.7.2025.
  // TA pool a 100,00 €, year 2025 (365 days), headcount basis and population in force.
  const m = () =>
    model({ year: 2025 })
      .municipality('A', { population: 3, jobseekers: 1, agreedPct: 50 })
      .municipality('B', { population: 1, jobseekers: 1, agreedPct: 50 })
      .staff('TVA', { municipality: 'A', headcount: 1, fte: '0.5' })
      .staff('TVA', { municipality: 'B', headcount: 2, fte: 1 })
      .staff('HVA', { headcount: 1, fte: 1, start: '2025-07-01' })
      .cost('TA', 'a', '100.00')
      .build();

  test('municipal bases: TVA 75,00 (headcount 3:1) over A and B', () => {
    const s = computeScenarios(m(), allocate(m()));
    // population 3:1 -> 56,25 / 18,75; jobseekers 1:1 -> 37,50 / 37,50; TVA staff (headcount) 1:2 -> 25,00 / 50,00; agreed 50:50 -> 37,50 / 37,50.
    expect(s.municipal.map((x) => [x.basis, x.inForce, ...x.totals.TA.map(eur)])).toEqual([
      ['population', true, '56.25', '18.75'],
      ['jobseekers', false, '37.50', '37.50'],
      ['staff', false, '25.00', '50.00'],
      ['agreed', false, '37.50', '37.50'],
    ]);
  });

  test('staff bases: the parties of pool a', () => {
    const s = computeScenarios(m(), allocate(m()));
    // headcount 3:1 -> 75,00 / 25,00. FTE 1,5:1 -> 60,00 / 40,00.
    // FTE by days: TVA 1,5 x 365 = 547,5, HVA 1 x 184 (1.7.-31.12.) = 184; 100 x 547,5 / 731,5 = 74,846206.. (74,84, rem 0,0062),
    // HVA 25,153793.. (25,15, rem 0,0037): one cent to TVA -> 74,85 / 25,15.
    expect(s.staff.map((x) => [x.basis, x.inForce, ...x.totals.TA.map(eur)])).toEqual([
      ['headcount', true, '75.00', '25.00', '0.00'],
      ['fte', false, '60.00', '40.00', '0.00'],
      ['fte-time-weighted', false, '74.85', '25.15', '0.00'],
    ]);
    expect(s.staff.map((x) => x.keys.TVA.toString())).toEqual(['3', '1.5', '1.5']);
  });

  test('a basis whose values are missing, or whose agreed shares do not sum to 100, is not available (not an error)', () => {
    const partial = model({ year: 2025 })
      .municipality('A', { population: 3, agreedPct: 60 })
      .municipality('B', { population: 1, agreedPct: 30 })
      .staff('TVA', { municipality: 'A' })
      .staff('HVA')
      .cost('TA', 'a', '100.00')
      .build();
    const s = computeScenarios(partial, allocate(partial));
    expect(s.municipal.map((x) => [x.basis, x.unavailable])).toEqual([
      ['population', null],
      ['jobseekers', 'missing-values'],
      ['staff', null],
      ['agreed', 'agreed-sum'],
    ]);
    expect(s.municipal[1].totals.TA.map(eur)).toEqual(['0.00', '0.00']);
  });
});

// ------------------------------------------------------------------ every scenario = a separate engine run

interface Spec {
  year: number;
  munis: { pop: number; jobs: number }[];
  agreedCuts: number[];
  staff: { party: 'TVA' | 'HVA' | 'KELA'; muni: number; headcount: number; fteTenths: number; startDay: number | null }[];
  regs: { event: number; person: number; party: 'TVA' | 'HVA' | 'KELA' }[];
  costs: { kind: 'TA' | 'TOT'; pool: 'a' | 'muu' | 'b'; event: number | null; cents: number }[];
  kelaPct: number;
}

const specArb: fc.Arbitrary<Spec> = fc.record({
  year: fc.constantFrom(2024, 2025),
  munis: fc.array(fc.record({ pop: fc.integer({ min: 0, max: 60_000 }), jobs: fc.integer({ min: 0, max: 3_000 }) }), {
    minLength: 1,
    maxLength: 6,
  }),
  agreedCuts: fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 5, maxLength: 5 }),
  staff: fc.array(
    fc.record({
      party: fc.constantFrom('TVA' as const, 'HVA' as const, 'KELA' as const),
      muni: fc.integer({ min: 0, max: 5 }),
      headcount: fc.integer({ min: 1, max: 4 }),
      fteTenths: fc.integer({ min: 1, max: 40 }),
      startDay: fc.option(fc.integer({ min: 0, max: 360 }), { nil: null }),
    }),
    { minLength: 1, maxLength: 12 },
  ),
  regs: fc.array(
    fc.record({
      event: fc.integer({ min: 0, max: 2 }),
      person: fc.integer({ min: 0, max: 9 }),
      party: fc.constantFrom('TVA' as const, 'HVA' as const, 'KELA' as const),
    }),
    {
      minLength: 1,
      maxLength: 20,
    },
  ),
  costs: fc.array(
    fc.record({
      kind: fc.constantFrom('TA' as const, 'TOT' as const),
      pool: fc.constantFrom('a' as const, 'muu' as const, 'b' as const),
      event: fc.option(fc.integer({ min: 0, max: 2 }), { nil: null }),
      cents: fc.integer({ min: -5_000_000, max: 50_000_000 }),
    }),
    { minLength: 1, maxLength: 8 },
  ),
  kelaPct: fc.constantFrom(0, 0, 5, 12.5),
});

function build(spec: Spec): InputModel {
  const b = model({ year: spec.year, kelaPct: spec.kelaPct });
  // Agreed percentages that sum to exactly 100: the gaps between sorted cut points.
  const cuts = [0, ...spec.agreedCuts.slice(0, spec.munis.length - 1).sort((x, y) => x - y), 100];
  spec.munis.forEach((m, i) =>
    b.municipality(`Kunta ${i + 1}`, { population: m.pop, jobseekers: m.jobs, agreedPct: cuts[i + 1] - cuts[i] }),
  );
  for (const s of spec.staff) {
    const start = s.startDay === null ? null : new Date(Date.UTC(spec.year, 0, 1 + s.startDay)).toISOString().slice(0, 10);
    b.staff(s.party, {
      municipality: s.party === 'TVA' ? `Kunta ${(s.muni % spec.munis.length) + 1}` : null,
      headcount: s.headcount,
      fte: s.fteTenths / 10,
      start,
    });
  }
  const events = new Set(spec.regs.map((r) => r.event));
  for (const r of spec.regs) b.registration(`Päivä ${r.event}`, `Henkilö ${r.person}`, r.party);
  for (const c of spec.costs) {
    const event = c.pool === 'b' && c.event !== null && events.has(c.event) ? `Päivä ${c.event}` : null;
    b.cost(c.kind, c.pool, (c.cents / 100).toFixed(2), { event });
  }
  return b.build();
}

/** The engine on the same model with one setting changed, or null when it refuses (a zero key). */
function run(m: InputModel) {
  try {
    return allocate(m);
  } catch {
    return null;
  }
}

describe('every scenario equals a separate run of the engine with that setting', () => {
  test('municipal bases: four runs; staff bases: three runs', () => {
    let compared = 0;
    fc.assert(
      fc.property(specArb, (spec) => {
        const m = build(spec);
        const alloc = run(m);
        fc.pre(alloc !== null);
        const s = computeScenarios(m, alloc!);
        for (const sc of s.municipal) {
          const other = run({ ...m, settings: { ...m.settings, municipalBasis: sc.basis } });
          if (sc.unavailable !== null) {
            expect(sc.unavailable).toBe('zero-total'); // every value is present and agreed sums to 100 here
            expect(other).toBeNull();
            continue;
          }
          for (const k of COST_KINDS)
            expect(sc.totals[k].map(eur)).toEqual(m.municipalities.map((x) => eur(other!.totals[k].get(x.name)!)));
          compared++;
        }
        for (const sc of s.staff) {
          const other = run({ ...m, settings: { ...m.settings, staffBasis: sc.basis } });
          if (sc.unavailable !== null) {
            expect(other).toBeNull();
            continue;
          }
          for (const k of COST_KINDS) expect(sc.totals[k].map(eur)).toEqual(PARTIES.map((p) => eur(other!.totals[k].get(p)!)));
          compared++;
        }
      }),
      { numRuns: 150, seed: 20261201 },
    );
    expect(compared).toBeGreaterThan(300);
  });

  test('the basis in force is the allocation itself', () => {
    fc.assert(
      fc.property(specArb, (spec) => {
        const m = build(spec);
        const alloc = run(m);
        fc.pre(alloc !== null);
        const s = computeScenarios(m, alloc!);
        const muni = s.municipal.find((x) => x.inForce)!;
        for (const k of COST_KINDS)
          expect(muni.totals[k].map(eur)).toEqual(m.municipalities.map((x) => eur(alloc!.totals[k].get(x.name)!)));
        const staff = s.staff.find((x) => x.inForce)!;
        for (const k of COST_KINDS) expect(staff.totals[k].map(eur)).toEqual(PARTIES.map((p) => eur(alloc!.totals[k].get(p)!)));
        expect(MUNICIPAL_BASES.filter((b) => b === m.settings.municipalBasis)).toHaveLength(1);
        expect(STAFF_BASES.filter((b) => b === m.settings.staffBasis)).toHaveLength(1);
      }),
      { numRuns: 50, seed: 7 },
    );
  });
});
