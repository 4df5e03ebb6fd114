/**
 * Random valid workbooks for property and formula tests: small, deterministic for a seed, valid by
 * the rules of the workbook contract.
 */
import type { Workbook } from 'exceljs';
import { ORGANISATION_WORDS } from '../domain/contract';
import { buildInputWorkbook, type InputCell, type InputData } from '../adapters/exceljs/template';
import { NameSource, retyped } from './names';
import { Rng } from './prng';

const SYLLABLES = ['ka', 'la', 'mä', 'nu', 'po', 'ri', 'sa', 'tu', 'va', 'jä', 'hy', 'ke', 'lo', 'mi', 'ne', 'ör'];

/** Whole hundredths that sum to 100.00, every part > 0. */
function percentParts(rng: Rng, n: number): number[] {
  const cuts = new Set<number>();
  while (cuts.size < n - 1) cuts.add(rng.int(1, 9_999));
  const sorted = [0, ...[...cuts].sort((a, b) => a - b), 10_000];
  return sorted.slice(1).map((c, i) => (c - sorted[i]) / 100);
}

/** The data of a small random workbook that is valid by the rules of the workbook contract. */
export function randomInputData(seed: number): InputData {
  const rng = new Rng(seed);
  const year = rng.int(2024, 2030);
  const staffBasis = rng.pick(['henkilömäärä', 'htv', 'htv-aikapainotettu']);
  const municipalBasis = rng.pick(['asukasluku', 'työttömät', 'henkilöstö', 'sovittu']);

  // Municipalities: 2-8 distinct random names.
  const nMun = rng.int(2, 8);
  const muniNames: string[] = [];
  while (muniNames.length < nMun) {
    const n = Array.from({ length: rng.int(2, 4) }, () => rng.pick(SYLLABLES)).join('');
    const name = n[0].toUpperCase() + n.slice(1) + (rng.chance(0.2) ? ' kunta' : '');
    // A municipality may not be named like a party (the parser rejects it: the results would mix them).
    const isPartyWord = ORGANISATION_WORDS.some(([w]) => w.toLowerCase() === name.toLowerCase());
    if (!isPartyWord && !muniNames.some((x) => x.toLowerCase() === name.toLowerCase())) muniNames.push(name);
  }
  const pct = percentParts(rng, nMun);
  const municipalities: InputCell[][] = muniNames.map((name, i) => [name, rng.int(800, 60_000), rng.int(20, 4_000), pct[i]]);

  // Staff: at least one TVA and one HVA present all year with a positive key; TVA always placed.
  const staff: InputCell[][] = [];
  const nStaff = rng.int(3, 20);
  for (let i = 0; i < nStaff; i++) {
    const party = i === 0 ? 'TVA' : i === 1 ? 'HVA' : rng.weighted(['TVA', 'HVA', 'KELA'], [5, 3, 1]);
    const headcount = rng.chance(0.15) ? 2 : rng.chance(0.1) ? null : 1;
    const fte = rng.chance(0.2) ? null : rng.int(1, 10_000 * (headcount ?? 1)) / 10_000;
    let start: Date | null = null;
    let end: Date | null = null;
    if (i > 1 && rng.chance(0.3)) {
      const s = rng.int(0, 300);
      start = new Date(Date.UTC(year, 0, 1 + s));
      if (rng.chance(0.5)) end = new Date(Date.UTC(year, 0, 1 + s + rng.int(0, 364 - s)));
    } else if (i > 1 && rng.chance(0.1)) {
      end = new Date(Date.UTC(year, rng.int(0, 11), 10));
    }
    const municipality = party === 'TVA' ? rng.pick(muniNames) : null;
    staff.push([
      party,
      municipality,
      `Yksikkö ${rng.int(1, 5)}`,
      rng.pick(['Asiantuntija', 'Ohjaaja', 'Esihenkilö']),
      headcount,
      fte,
      start,
      end,
    ]);
  }

  // Registrations: 1-3 events, each with at least one active registrant in the year.
  const events = Array.from({ length: rng.int(1, 3) }, (_, i) => `Tilaisuus ${i + 1} ${rng.pick(SYLLABLES)}${rng.pick(SYLLABLES)}`);
  const registrations: InputCell[][] = [];
  const names = new NameSource(rng);
  const pool = Array.from({ length: rng.int(3, 25) }, () => ({ name: names.next(), party: rng.pick(['TVA', 'HVA', 'KELA']) }));
  for (const ev of events) {
    const when = rng.chance(0.2) ? null : new Date(Date.UTC(year, rng.int(0, 11), rng.int(1, 28)));
    const first = rng.pick(pool);
    registrations.push([ev, when, first.name, first.party, 'ilmoittautunut']);
    const n = rng.int(0, 15);
    for (let i = 0; i < n; i++) {
      const p = rng.pick(pool);
      const name = rng.chance(0.15) ? retyped(p.name, rng) : p.name;
      const status = rng.chance(0.15) ? 'peruttu' : rng.chance(0.2) ? null : 'ilmoittautunut';
      registrations.push([ev, when, name, p.party, status]);
    }
    // Now and then a registration from another year, which does not count.
    if (rng.chance(0.2)) registrations.push([ev, new Date(Date.UTC(year - 1, 11, 1)), rng.pick(pool).name, 'HVA', null]);
  }
  rng.shuffle(registrations);

  // Costs: TA and TOT lines of every pool, some negative, some paid by others.
  const costs: InputCell[][] = [];
  const nCosts = rng.int(2, 14);
  const payers = [null, null, null, rng.pick(muniNames), 'HVA', 'KELA'];
  for (let i = 0; i < nCosts; i++) {
    const poolName = rng.pick(['a', 'muu', 'b']);
    const event = poolName === 'b' && rng.chance(0.7) ? rng.pick(events) : null;
    const amount = rng.chance(0.15) ? -rng.euros(0.01, 5_000) : rng.euros(0.01, 80_000);
    costs.push([rng.pick(['TA', 'TOT']), poolName, `Erä ${i + 1}`, event, amount, rng.pick(payers), rng.chance(0.1) ? year : null]);
  }
  if (rng.chance(0.2)) costs.push(['TOT', 'muu', 'Edellisen vuoden erä', null, rng.euros(1, 999), null, year - 1]);

  const settings: InputData['settings'] = {
    staffBasis,
    municipalBasis,
    agreedTvaPct: rng.chance(0.3) ? rng.int(1_000, 9_000) / 100 : null,
    kelaPct: rng.chance(0.3) ? rng.int(0, 2_000) / 100 : null,
    employer: rng.pick(muniNames),
    billingPeriod: rng.pick(['vuosi', 'puolivuosi', 'neljännes', 'kuukausi']),
  };
  return { year, settings, municipalities, staff, registrations, costs };
}

/** A small random valid input workbook (see randomInputData). */
export async function randomValidWorkbook(seed: number): Promise<Workbook> {
  return buildInputWorkbook(randomInputData(seed));
}
