/**
 * Properties of the split (issue 2, "Tests"): parts sum to the whole at both levels, each part
 * within one cent of its exact share, sign symmetry, independence of row order, the documented
 * tie-break, and largest-remainder optimality. Exact shares are computed here with BigInt
 * rationals, independently of decimal.js and of the engine's key code.
 */
import fc from 'fast-check';
import { Decimal } from '../../src/domain/decimal';
import { largestRemainder, type ShareSpec, type Split } from '../../src/domain/largestRemainder';
import { allocate, type Allocation } from '../../src/domain/allocate';
import type { InputModel, MunicipalBasis, PartyCode, StaffBasis, CostKind, Pool } from '../../src/domain/types';
import { model } from './support/modelBuilder';

// ---------------------------------------------------------------- exact rationals (BigInt)

interface Q {
  n: bigint;
  d: bigint; // > 0
}

const babs = (x: bigint) => (x < 0n ? -x : x);
function gcd(a: bigint, b: bigint): bigint {
  a = babs(a);
  b = babs(b);
  while (b) [a, b] = [b, a % b];
  return a;
}
function q(n: bigint, d = 1n): Q {
  if (d === 0n) throw new Error('zero denominator');
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d) || 1n;
  return { n: n / g, d: d / g };
}
/** Parses a plain decimal string ("-12.340", "7", "0.5"). */
function qs(s: string): Q {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(s);
  if (!m) throw new Error(`not a plain decimal: ${s}`);
  const frac = m[3] ?? '';
  const n = BigInt(m[2] + frac) * (m[1] ? -1n : 1n);
  return q(n, 10n ** BigInt(frac.length));
}
const qd = (x: Decimal): Q => qs(x.toFixed());
const add = (a: Q, b: Q) => q(a.n * b.d + b.n * a.d, a.d * b.d);
const sub = (a: Q, b: Q) => q(a.n * b.d - b.n * a.d, a.d * b.d);
const mul = (a: Q, b: Q) => q(a.n * b.n, a.d * b.d);
const div = (a: Q, b: Q) => q(a.n * b.d, a.d * b.n);
const cmp = (a: Q, b: Q) => {
  const x = a.n * b.d - b.n * a.d;
  return x < 0n ? -1 : x > 0n ? 1 : 0;
};
const eq = (a: Q, b: Q) => cmp(a, b) === 0;
const ZERO: Q = q(0n);
const ONE: Q = q(1n);
const HUNDRED: Q = q(100n);
const CENT: Q = q(1n, 100n);
const HALF_CENT: Q = q(1n, 200n);
const sum = (xs: Q[]) => xs.reduce(add, ZERO);
const qabs = (a: Q) => q(babs(a.n), a.d);
const show = (a: Q) => `${a.n}/${a.d}`;

/**
 * The rule book's method, independently: floor each exact share |total| x f to cents, hand the
 * leftover cents to the largest remainders (compared exactly), ties to the earlier receiver,
 * then give every part the sign of the total.
 */
function hamilton(total: Q, fractions: Q[]): { amounts: Q[]; extra: boolean[] } {
  const cents = mul(qabs(total), HUNDRED);
  if (cents.d !== 1n) throw new Error('total is not whole cents');
  const T = cents.n;
  const parts = fractions.map((f) => {
    const x = T * f.n; // exact share in cents = x / f.d
    return { floor: x / f.d, rem: x % f.d, den: f.d };
  });
  const leftover = T - parts.reduce((a, p) => a + p.floor, 0n);
  const order = parts.map((_, i) => i);
  order.sort((i, j) => {
    const c = parts[j].rem * parts[i].den - parts[i].rem * parts[j].den; // > 0: j's remainder is larger
    return c > 0n ? 1 : c < 0n ? -1 : i - j;
  });
  const extra = parts.map(() => false);
  for (let k = 0; k < Number(leftover); k++) extra[order[k]] = true;
  const sign = total.n < 0n ? -1n : 1n;
  return { amounts: parts.map((p, i) => q(sign * (p.floor + (extra[i] ? 1n : 0n)), 100n)), extra };
}

// ---------------------------------------------------------------- generators

const pad2 = (n: number) => String(n).padStart(2, '0');
/** An integer number of cents as a euro string, e.g. -12345 -> "-123.45". */
function centsStr(c: number): string {
  const a = Math.abs(c);
  return `${c < 0 ? '-' : ''}${Math.floor(a / 100)}.${pad2(a % 100)}`;
}
/** n / 10^scale as a plain decimal string. */
function scaled(n: number, scale: number): string {
  if (scale === 0) return String(n);
  const s = String(n).padStart(scale + 1, '0');
  return `${s.slice(0, -scale)}.${s.slice(-scale)}`;
}

/** Cents up to 10^9 of either sign, with small amounts (where ties are common) well represented. */
const centsArb = fc.oneof(fc.integer({ min: -2_000, max: 2_000 }), fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }));

/** A non-negative key: small integers, populations, FTEs with 1–3 decimals. */
const keyArb = fc.oneof(
  fc.integer({ min: 0, max: 12 }).map(String),
  fc.integer({ min: 0, max: 10_000_000 }).map(String),
  fc.integer({ min: 0, max: 100_000 }).map((n) => scaled(n, 2)),
  fc.integer({ min: 0, max: 5_000 }).map((n) => scaled(n, 3)),
);
const keysArb = fc.array(keyArb, { minLength: 1, maxLength: 8 }).filter((ks) => ks.some((k) => qs(k).n > 0n));

function sharesOf(keys: string[]): ShareSpec[] {
  const den = keys.reduce((a, k) => a.plus(k), new Decimal(0));
  return keys.map((k, i) => ({ receiver: `R${i + 1}`, key: new Decimal(k), num: new Decimal(k), den }));
}
const fractionsOf = (keys: string[]): Q[] => {
  const total = sum(keys.map(qs));
  return keys.map((k) => div(qs(k), total));
};

// ---- whole models

const MUNICIPALITIES = ['Hyvinkää', 'Järvenpää', 'Mäntsälä', 'Nurmijärvi', 'Pornainen', 'Tuusula'];
const EVENTS = ['Kevätpäivä', 'Syyspäivä', 'Talvipäivä'];
/** Each person always registers for the same organisation (so "first row's organisation" is order-free). */
const PEOPLE: ReadonlyArray<readonly [string, PartyCode]> = [
  ['Liisa Virtanen', 'TVA'],
  ['Pekka Korhonen', 'HVA'],
  ['Anna Nieminen', 'KELA'],
  ['Olli Mäkinen', 'TVA'],
  ['Sari Laine', 'HVA'],
  ['Timo Heikkinen', 'TVA'],
  ['Eeva Aho', 'KELA'],
  ['Jari Koskinen', 'HVA'],
  ['Maija Mehiläinen', 'TVA'],
  ['Kari Järvinen', 'HVA'],
];
/** Spellings of one name that the workbook treats as the same person. */
const variant = (name: string, v: number) => [name, `  ${name.toUpperCase()} `, name.toLowerCase().replace(' ', '   ')][v];

interface StaffSpec {
  party: PartyCode;
  municipality: number | null;
  headcount: number;
  fte: string;
  start: number | null;
  end: number | null;
}
interface RegSpec {
  event: number;
  person: number;
  variant: number;
  cancelled: boolean;
  /** Day offset from 1.1. of the year (may fall in another year), or null = blank. */
  date: number | null;
}
interface CostSpec {
  kind: CostKind;
  pool: Pool;
  event: number | null;
  cents: number;
  /** Vuosi relative to the settings year; null = blank. */
  yearShift: number | null;
}
interface ModelSpec {
  year: number;
  staffBasis: StaffBasis;
  municipalBasis: MunicipalBasis;
  kelaPct: string;
  agreedTvaPct: string | null;
  municipalities: Array<{ population: number; jobseekers: number; agreed: string }>;
  staff: StaffSpec[];
  registrations: RegSpec[];
  costs: CostSpec[];
}

const pctArb = fc.oneof(
  fc.constant('0'),
  fc.integer({ min: 0, max: 100 }).map(String),
  fc.integer({ min: 0, max: 10_000 }).map((n) => scaled(n, 2)),
);
const dayOffsetArb = fc.option(fc.integer({ min: -200, max: 560 }), { nil: null });

const modelSpecArb: fc.Arbitrary<ModelSpec> = fc.record({
  year: fc.constantFrom(2024, 2025),
  staffBasis: fc.constantFrom<StaffBasis>('headcount', 'fte', 'fte-time-weighted'),
  municipalBasis: fc.constantFrom<MunicipalBasis>('population', 'jobseekers', 'staff', 'agreed'),
  kelaPct: fc.oneof(fc.constant('0'), pctArb),
  agreedTvaPct: fc.option(pctArb, { nil: null, freq: 3 }),
  municipalities: fc.array(
    fc.record({
      population: fc.oneof(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 100_000 })),
      jobseekers: fc.integer({ min: 0, max: 5_000 }),
      agreed: fc.integer({ min: 0, max: 10_000 }).map((n) => scaled(n, 2)),
    }),
    { minLength: 1, maxLength: 6 },
  ),
  staff: fc.array(
    fc.record({
      party: fc.constantFrom<PartyCode>('TVA', 'HVA', 'KELA'),
      municipality: fc.option(fc.integer({ min: 0, max: 5 }), { nil: null }),
      headcount: fc.integer({ min: 0, max: 3 }),
      fte: fc.integer({ min: 0, max: 300 }).map((n) => scaled(n, 2)),
      start: dayOffsetArb,
      end: dayOffsetArb,
    }),
    { maxLength: 10 },
  ),
  registrations: fc.array(
    fc.record({
      event: fc.integer({ min: 0, max: EVENTS.length - 1 }),
      person: fc.integer({ min: 0, max: PEOPLE.length - 1 }),
      variant: fc.integer({ min: 0, max: 2 }),
      cancelled: fc.boolean(),
      date: fc.option(fc.integer({ min: -60, max: 420 }), { nil: null }),
    }),
    { maxLength: 16 },
  ),
  costs: fc.array(
    fc.record({
      kind: fc.constantFrom<CostKind>('TA', 'TOT'),
      pool: fc.constantFrom<Pool>('a', 'muu', 'b'),
      event: fc.option(fc.integer({ min: 0, max: EVENTS.length - 1 }), { nil: null }),
      cents: centsArb,
      yearShift: fc.option(fc.constantFrom(-1, 0, 1), { nil: null, freq: 2 }),
    }),
    { minLength: 1, maxLength: 10 },
  ),
});

function isoOf(year: number, offset: number): string {
  return new Date(Date.UTC(year, 0, 1 + offset)).toISOString().slice(0, 10);
}

/** Deterministic shuffle (a seeded LCG), so a failing case can be replayed from its seed. */
function shuffle<T>(xs: readonly T[], seed: number): T[] {
  const out = [...xs];
  let s = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * A valid model from a spec: guaranteed rows make every key total positive (one full-year TVA
 * person placed in the first municipality, one registrant per event, the first municipality
 * with positive population, jobseekers and agreed share) and the first cost line in the year.
 */
function buildModel(spec: ModelSpec, sign: 1 | -1 = 1): InputModel {
  const names = MUNICIPALITIES.slice(0, spec.municipalities.length);
  const b = model({
    year: spec.year,
    staffBasis: spec.staffBasis,
    municipalBasis: spec.municipalBasis,
    kelaPct: spec.kelaPct,
    agreedTvaPct: spec.agreedTvaPct,
  });
  spec.municipalities.forEach((m, i) =>
    b.municipality(names[i], {
      population: i === 0 ? Math.max(1, m.population) : m.population,
      jobseekers: i === 0 ? Math.max(1, m.jobseekers) : m.jobseekers,
      agreedPct: i === 0 && qs(m.agreed).n === 0n ? '1' : m.agreed,
    }),
  );
  b.staff('TVA', { municipality: names[0], headcount: 1, fte: '1' });
  for (const s of spec.staff) {
    let [start, end] = [s.start, s.end];
    if (start !== null && end !== null && start > end) [start, end] = [end, start];
    b.staff(s.party, {
      municipality: s.municipality === null ? null : names[s.municipality % names.length],
      headcount: s.headcount,
      fte: s.fte,
      start: start === null ? null : isoOf(spec.year, start),
      end: end === null ? null : isoOf(spec.year, end),
    });
  }
  EVENTS.forEach((e, i) => b.registration(e, `Perus ${i}`, (['TVA', 'HVA', 'KELA'] as const)[i]));
  for (const r of spec.registrations) {
    const [name, party] = PEOPLE[r.person];
    b.registration(r.variant === 1 ? ` ${EVENTS[r.event].toUpperCase()}` : EVENTS[r.event], variant(name, r.variant), party, {
      cancelled: r.cancelled,
      date: r.date === null ? null : isoOf(spec.year, r.date),
    });
  }
  spec.costs.forEach((c, i) =>
    b.cost(c.kind, c.pool, centsStr(sign * c.cents), {
      event: c.pool === 'b' && c.event !== null ? EVENTS[c.event] : null,
      year: i === 0 || c.yearShift === null ? null : spec.year + c.yearShift,
    }),
  );
  return b.build();
}

// ---------------------------------------------------------------- independent keys

function dayNo(y: number, m: number, d: number): number {
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

/** Exact staff key of one row: headcount, FTE, or FTE x days in the year (the common /days cancels). */
function staffKeyQ(m: InputModel, row: InputModel['staff'][number]): Q {
  const y = m.settings.year;
  const s = Math.max(row.start ?? dayNo(y, 1, 1), dayNo(y, 1, 1));
  const e = Math.min(row.end ?? dayNo(y, 12, 31), dayNo(y, 12, 31));
  const days = Math.max(0, e - s + 1);
  if (days === 0) return ZERO;
  if (m.settings.staffBasis === 'headcount') return qd(row.headcount);
  if (m.settings.staffBasis === 'fte') return qd(row.fte);
  return mul(qd(row.fte), q(BigInt(days)));
}

/** Distinct active in-year registrants per event and party, first row's party. */
function registrantCounts(m: InputModel): Map<string, Record<PartyCode, bigint>> {
  const seen = new Set<string>();
  const out = new Map<string, Record<PartyCode, bigint>>();
  for (const r of m.registrations) {
    if (r.cancelled) continue;
    if (r.date !== null && new Date(r.date * 86_400_000).getUTCFullYear() !== m.settings.year) continue;
    const id = JSON.stringify([r.eventKey, r.personKey]);
    if (seen.has(id)) continue;
    seen.add(id);
    const c = out.get(r.eventKey) ?? { TVA: 0n, HVA: 0n, KELA: 0n };
    c[r.party] += 1n;
    out.set(r.eventKey, c);
  }
  return out;
}

interface Expected {
  /** group id -> amount and exact level-1 fractions [TVA, HVA, KELA] */
  groups: Map<string, { amount: Q; fractions: Q[] }>;
  /** exact level-2 fractions in Kunnat order */
  municipal: Q[];
}

function expected(m: InputModel): Expected {
  const k = div(qd(m.settings.kelaPct), HUNDRED);
  const rest = sub(ONE, k);
  let staffFr: Q[];
  if (m.settings.agreedTvaPct !== null) {
    const p = div(qd(m.settings.agreedTvaPct), HUNDRED);
    staffFr = [mul(rest, p), mul(rest, sub(ONE, p)), k];
  } else {
    const t = sum(m.staff.filter((s) => s.party === 'TVA').map((s) => staffKeyQ(m, s)));
    const h = sum(m.staff.filter((s) => s.party === 'HVA').map((s) => staffKeyQ(m, s)));
    staffFr = [mul(rest, div(t, add(t, h))), mul(rest, div(h, add(t, h))), k];
  }
  const counts = registrantCounts(m);
  const year: Record<PartyCode, bigint> = { TVA: 0n, HVA: 0n, KELA: 0n };
  for (const c of counts.values()) for (const p of ['TVA', 'HVA', 'KELA'] as const) year[p] += c[p];
  const regFr = (c: Record<PartyCode, bigint>) => {
    const n = c.TVA + c.HVA + c.KELA;
    return [q(c.TVA, n), q(c.HVA, n), q(c.KELA, n)];
  };

  const groups = new Map<string, { amount: Q; fractions: Q[] }>();
  for (const c of m.costs) {
    if (c.year !== null && c.year !== m.settings.year) continue;
    const id = c.pool === 'b' ? `${c.kind}|b|${c.eventKey ?? ''}` : `${c.kind}|${c.pool}`;
    const fractions = c.pool !== 'b' ? staffFr : regFr(c.eventKey === null ? year : counts.get(c.eventKey)!);
    const g = groups.get(id) ?? { amount: ZERO, fractions };
    g.amount = add(g.amount, qd(c.amount));
    groups.set(id, g);
  }

  const basis = m.settings.municipalBasis;
  const muniKeys = m.municipalities.map((mu) => {
    if (basis === 'population') return mu.population ? qd(mu.population) : ZERO;
    if (basis === 'jobseekers') return mu.jobseekers ? qd(mu.jobseekers) : ZERO;
    if (basis === 'agreed') return mu.agreedPct ? qd(mu.agreedPct) : ZERO;
    return sum(m.staff.filter((s) => s.party === 'TVA' && s.municipality === mu.name).map((s) => staffKeyQ(m, s)));
  });
  const muniTotal = sum(muniKeys);
  return { groups, municipal: muniKeys.map((x) => div(x, muniTotal)) };
}

// ---------------------------------------------------------------- checks

const amountsQ = (s: Split) => s.parts.map((p) => qd(p.amount));

/** Parts sum to the total exactly and each is within one cent of total x fraction. */
function checkSplit(s: Split, total: Q, fractions: Q[], label: string) {
  const parts = amountsQ(s);
  if (!eq(sum(parts), total)) throw new Error(`${label}: parts sum to ${show(sum(parts))}, not ${show(total)}`);
  parts.forEach((a, i) => {
    const exact = mul(total, fractions[i]);
    if (cmp(qabs(sub(a, exact)), CENT) >= 0) throw new Error(`${label}: part ${i} = ${show(a)} is a cent or more from ${show(exact)}`);
  });
}

/** No part can hand a cent to another and bring both closer to their exact shares. */
function checkOptimal(s: Split, total: Q, fractions: Q[], label: string) {
  const dev = amountsQ(s).map((a, i) => sub(a, mul(total, fractions[i])));
  const over = dev.findIndex((x) => cmp(x, HALF_CENT) > 0);
  const under = dev.findIndex((x) => cmp(x, q(-1n, 200n)) < 0);
  if (over >= 0 && under >= 0) throw new Error(`${label}: moving a cent from ${over} to ${under} improves both`);
}

function groupsById(a: Allocation) {
  return new Map(a.groups.map((g) => [g.id, g]));
}

function totalsText(a: Allocation) {
  return (['TA', 'TOT'] as const).map((k) => [...a.totals[k].entries()].map(([r, v]) => `${k} ${r} ${v.toFixed(2)}`)).flat();
}

const RUNS = 200;

// ---------------------------------------------------------------- properties: one split

describe('properties of largestRemainder', () => {
  it('parts sum to the total exactly and each is within one cent of total x key / key total', () => {
    fc.assert(
      fc.property(centsArb, keysArb, (cents, keys) => {
        const total = qs(centsStr(cents));
        checkSplit(largestRemainder(new Decimal(centsStr(cents)), sharesOf(keys)), total, fractionsOf(keys), 'split');
      }),
      { seed: 11, numRuns: RUNS },
    );
  });

  it('sign symmetry: split(-x) = -split(x), part by part', () => {
    fc.assert(
      fc.property(centsArb, keysArb, (cents, keys) => {
        const pos = largestRemainder(new Decimal(centsStr(cents)), sharesOf(keys));
        const neg = largestRemainder(new Decimal(centsStr(-cents)), sharesOf(keys));
        pos.parts.forEach((p, i) => {
          if (!p.amount.neg().eq(neg.parts[i].amount)) throw new Error(`part ${i}: ${p.amount} vs ${neg.parts[i].amount}`);
        });
      }),
      { seed: 12, numRuns: RUNS },
    );
  });

  it('optimality: no part can move a cent to another and get closer to both exact shares', () => {
    fc.assert(
      fc.property(centsArb, keysArb, (cents, keys) => {
        const total = qs(centsStr(cents));
        checkOptimal(largestRemainder(new Decimal(centsStr(cents)), sharesOf(keys)), total, fractionsOf(keys), 'split');
      }),
      { seed: 13, numRuns: RUNS },
    );
  });

  // Small keys and small amounts make exact ties frequent. With remainders compared as rounded
  // decimals this failed (e.g. -0,27 € by 8 : 4 : 1 : 8 gave the tied cent to receiver 3).
  it('tie-break: leftover cents go to the largest exact remainders, ties to the earlier receiver', () => {
    // Keys from a few small values and amounts under a euro: about one case in 70 is a tie
    // between shares of different size (e.g. 0,03 € by 4 : 4 : 1).
    const smallKeys = fc
      .array(fc.constantFrom('0', '1', '2', '4', '5', '8'), { minLength: 2, maxLength: 5 })
      .filter((ks) => ks.some((k) => k !== '0'));
    fc.assert(
      fc.property(fc.integer({ min: -99, max: 99 }), smallKeys, (cents, keys) => {
        const s = largestRemainder(new Decimal(centsStr(cents)), sharesOf(keys));
        const ref = hamilton(qs(centsStr(cents)), fractionsOf(keys));
        const got = s.parts.map((p) => p.extraCent);
        if (got.join() !== ref.extra.join()) throw new Error(`extra cents ${got.join()} but the rule gives ${ref.extra.join()}`);
      }),
      { seed: 14, numRuns: RUNS },
    );
  });
});

// ---------------------------------------------------------------- properties: whole allocations

describe('properties of allocate', () => {
  it('both levels: parts sum to the whole to the cent, each within one cent of its exact share', () => {
    fc.assert(
      fc.property(modelSpecArb, (spec) => {
        const m = buildModel(spec);
        const a = allocate(m);
        const ex = expected(m);
        if (
          [...ex.groups.keys()].sort().join() !==
          a.groups
            .map((g) => g.id)
            .sort()
            .join()
        ) {
          throw new Error(`groups ${a.groups.map((g) => g.id).join()} vs ${[...ex.groups.keys()].join()}`);
        }
        for (const g of a.groups) {
          const e = ex.groups.get(g.id)!;
          if (!eq(qd(g.amount), e.amount)) throw new Error(`${g.id}: amount ${g.amount} vs ${show(e.amount)}`);
          checkSplit(g.parties, e.amount, e.fractions, `${g.id} parties`);
          checkOptimal(g.parties, e.amount, e.fractions, `${g.id} parties`);
          const tva = qd(g.parties.parts[0].amount);
          checkSplit(g.municipalities, tva, ex.municipal, `${g.id} municipalities`);
          checkOptimal(g.municipalities, tva, ex.municipal, `${g.id} municipalities`);
        }
        // Totals: each receiver's total is the sum of its rounded group shares; all add up to the cost total.
        for (const kind of ['TA', 'TOT'] as const) {
          const byReceiver = new Map<string, Q>();
          let costs = ZERO;
          for (const g of a.groups.filter((x) => x.kind === kind)) {
            costs = add(costs, qd(g.amount));
            for (const p of [...g.parties.parts, ...g.municipalities.parts])
              byReceiver.set(p.receiver, add(byReceiver.get(p.receiver) ?? ZERO, qd(p.amount)));
          }
          for (const [r, v] of a.totals[kind]) if (!eq(qd(v), byReceiver.get(r) ?? ZERO)) throw new Error(`${kind} total of ${r}`);
          if (!eq(qd(a.costTotals[kind]), costs)) throw new Error(`${kind} cost total`);
          const parties = ['TVA', 'HVA', 'KELA'].map((p) => qd(a.totals[kind].get(p)!));
          if (!eq(sum(parties), costs)) throw new Error(`${kind}: party totals do not add up to the costs`);
          const munis = m.municipalities.map((mu) => qd(a.totals[kind].get(mu.name)!));
          if (!eq(sum(munis), parties[0])) throw new Error(`${kind}: municipal totals do not add up to TVA`);
        }
      }),
      { seed: 21, numRuns: RUNS },
    );
  });

  it('sign symmetry: negating every cost line negates every share', () => {
    fc.assert(
      fc.property(modelSpecArb, (spec) => {
        const pos = allocate(buildModel(spec, 1));
        const neg = groupsById(allocate(buildModel(spec, -1)));
        for (const g of pos.groups) {
          const n = neg.get(g.id)!;
          [...g.parties.parts, ...g.municipalities.parts].forEach((p, i) => {
            const other = [...n.parties.parts, ...n.municipalities.parts][i];
            if (!p.amount.neg().eq(other.amount)) throw new Error(`${g.id} ${p.receiver}: ${p.amount} vs ${other.amount}`);
          });
        }
      }),
      { seed: 22, numRuns: RUNS },
    );
  });

  it('the result does not depend on the order of staff, registration or cost rows', () => {
    fc.assert(
      fc.property(modelSpecArb, fc.integer(), (spec, seed) => {
        const m = buildModel(spec);
        const shuffled: InputModel = {
          ...m,
          staff: shuffle(m.staff, seed),
          registrations: shuffle(m.registrations, seed + 1),
          costs: shuffle(m.costs, seed + 2),
        };
        const a = allocate(m);
        const b = allocate(shuffled);
        if (totalsText(a).join('\n') !== totalsText(b).join('\n')) throw new Error('totals differ');
        const bg = groupsById(b);
        for (const g of a.groups) {
          const h = bg.get(g.id);
          if (!h) throw new Error(`group ${g.id} missing after shuffling`);
          const x = [...g.parties.parts, ...g.municipalities.parts].map((p) => `${p.receiver} ${p.amount.toFixed(2)}`).join();
          const y = [...h.parties.parts, ...h.municipalities.parts].map((p) => `${p.receiver} ${p.amount.toFixed(2)}`).join();
          if (x !== y) throw new Error(`${g.id}: ${x} vs ${y}`);
        }
      }),
      { seed: 23, numRuns: RUNS },
    );
  });

  it('each split equals the documented method exactly (largest exact remainders, ties in receiver order)', () => {
    fc.assert(
      fc.property(modelSpecArb, (spec) => {
        const m = buildModel(spec);
        const a = allocate(m);
        const ex = expected(m);
        for (const g of a.groups) {
          const e = ex.groups.get(g.id)!;
          const ref1 = hamilton(e.amount, e.fractions).amounts;
          amountsQ(g.parties).forEach((x, i) => {
            if (!eq(x, ref1[i])) throw new Error(`${g.id} party ${i}: ${show(x)} vs ${show(ref1[i])}`);
          });
          const ref2 = hamilton(qd(g.parties.parts[0].amount), ex.municipal).amounts;
          amountsQ(g.municipalities).forEach((x, i) => {
            if (!eq(x, ref2[i])) throw new Error(`${g.id} ${g.municipalities.parts[i].receiver}: ${show(x)} vs ${show(ref2[i])}`);
          });
        }
      }),
      { seed: 24, numRuns: RUNS },
    );
  });
});
