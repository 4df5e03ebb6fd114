/**
 * Sample inputs: a realistic (fictional) year of the Keski-Uusimaa TYM cooperation for the demo, and
 * small random valid workbooks for property and formula tests (./random.ts). Deterministic for a seed. All personal
 * names are generated from first- and last-name lists; no real persons.
 */
import type { Workbook } from 'exceljs';
import { KESKI_UUSIMAA_MUNICIPALITIES, MONTH_WORDS } from '../domain/contract';
import type { CostKind, Pool } from '../domain/types';
import { buildInputWorkbook, type InputCell, type InputData } from '../adapters/exceljs/template';
import { Rng } from './prng';
import { NameSource, retyped } from './names';

export { randomInputData, randomValidWorkbook } from './random';

/** Registered jobseekers per municipality (approximate, for the sample only). */
const JOBSEEKERS: Record<string, number> = {
  Hyvinkää: 3_150,
  Järvenpää: 2_620,
  Mäntsälä: 1_010,
  Nurmijärvi: 1_880,
  Pornainen: 190,
  Tuusula: 1_930,
};

const TVA_UNITS = ['Työllisyyspalvelut', 'Yrityspalvelut', 'Osaamis- ja koulutuspalvelut', 'Nuorten palvelut'];
const TVA_TITLES = [
  'Työllisyysasiantuntija',
  'Työvalmentaja',
  'Palveluohjaaja',
  'Uraohjaaja',
  'Yrityskoordinaattori',
  'Työhönvalmentaja',
  'Palvelupäällikkö',
  'Asiakaspalvelusihteeri',
];
const HVA_UNITS = ['Aikuissosiaalityö', 'Työkykypalvelut', 'Kuntoutus', 'Mielenterveys- ja päihdepalvelut'];
const HVA_TITLES = [
  'Sosiaalityöntekijä',
  'Sosiaaliohjaaja',
  'Terveydenhoitaja',
  'Fysioterapeutti',
  'Psykiatrinen sairaanhoitaja',
  'Kuntoutusohjaaja',
  'Työkykykoordinaattori',
];
const KELA_TITLES = ['Etuuskäsittelijä', 'Kuntoutusasiantuntija', 'Palveluneuvoja'];

export interface SampleOptions {
  year?: number;
  seed?: number;
  /** Multiplies the row counts (1 = ~150 staff, ~400 registrations, ~60 cost lines). */
  scale?: number;
}

const date = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

interface Person {
  name: string;
  party: 'TVA' | 'HVA' | 'KELA';
}

/** The data of a realistic sample year (also used by the workbook builder). */
export function sampleInputData(opts: SampleOptions = {}): InputData {
  const year = opts.year ?? 2026;
  const rng = new Rng(opts.seed ?? 20260101);
  const scale = Math.max(0.01, opts.scale ?? 1);
  const munis = KESKI_UUSIMAA_MUNICIPALITIES;

  // Staff: TVA placed in the municipalities by population, HVA social and health units, Kela.
  const staffCount = Math.max(6, Math.round(150 * scale));
  const staff: InputCell[][] = [];
  const people: Person[] = [];
  const names = new NameSource(rng);
  for (let i = 0; i < staffCount; i++) {
    const r = i / staffCount;
    const party = r < 0.62 ? 'TVA' : r < 0.92 ? 'HVA' : 'KELA';
    const fte = rng.weighted([1, 0.8, 0.6, 0.5], [80, 10, 6, 4]);
    let start: Date | null = null;
    let end: Date | null = null;
    if (rng.chance(0.05)) start = date(year, rng.int(2, 10), 1);
    else if (rng.chance(0.04)) end = date(year, rng.int(3, 11), rng.pick([15, 28]));
    if (party === 'TVA') {
      const m = rng.weighted(
        munis.map((x) => x.name),
        munis.map((x) => x.population),
      );
      staff.push(['TVA', m, `${rng.pick(TVA_UNITS)}, ${m}`, rng.pick(TVA_TITLES), 1, fte, start, end]);
    } else if (party === 'HVA') {
      staff.push([
        rng.chance(0.1) ? 'Hyvinvointialue' : 'HVA',
        null,
        `Keski-Uudenmaan hyvinvointialue, ${rng.pick(HVA_UNITS)}`,
        rng.pick(HVA_TITLES),
        1,
        fte,
        start,
        end,
      ]);
    } else {
      staff.push(['KELA', null, 'Kela, Keski-Uusimaa', rng.pick(KELA_TITLES), 1, fte, start, end]);
    }
    people.push({ name: names.next(), party });
  }

  // Registrations over four development days; a few cancellations and duplicates.
  const events = [
    { name: `Kehittämispäivä kevät ${year}`, date: date(year, 3, 12) },
    { name: 'Asiakaskokemuksen työpaja', date: date(year, 5, 20) },
    { name: `Kehittämispäivä syksy ${year}`, date: date(year, 10, 8) },
    { name: 'Teemapäivä: osaaminen ja työkyky', date: date(year, 11, 26) },
  ];
  const regTarget = Math.max(events.length * 2, Math.round(400 * scale));
  const registrations: InputCell[][] = [];
  const perEvent = Math.floor(regTarget / events.length);
  events.forEach((ev, e) => {
    const n = e === events.length - 1 ? regTarget - perEvent * (events.length - 1) : perEvent;
    const dupes = Math.max(1, Math.round(n * 0.01));
    const chosen = rng.shuffle([...people.keys()]).slice(0, Math.min(people.length, n - dupes));
    // Extra people (outside appendix 2 staff lists) when the event is larger than the staff.
    while (chosen.length < n - dupes) {
      people.push({ name: names.next(), party: rng.weighted(['TVA', 'HVA', 'KELA'] as const, [6, 3, 1]) });
      chosen.push(people.length - 1);
    }
    const rows: InputCell[][] = chosen.map((pi) => {
      const p = people[pi];
      const org = p.party === 'HVA' && rng.chance(0.1) ? 'Hyvinvointialue' : p.party === 'KELA' && rng.chance(0.3) ? 'Kela' : p.party;
      const status = rng.chance(0.06) ? 'peruttu' : rng.chance(0.1) ? null : 'ilmoittautunut';
      return [ev.name, ev.date, p.name, org, status];
    });
    // Duplicates: the same person again, typed differently.
    for (let d = 0; d < dupes; d++) {
      const p = people[rng.pick(chosen)];
      rows.push([ev.name, ev.date, retyped(p.name, rng), p.party, 'ilmoittautunut']);
    }
    for (const r of rows) registrations.push(r);
  });

  // Cost lines: budget (TA) and actual (TOT) of pools a, muu and b.
  const costs: InputCell[][] = [];
  const line = (kind: CostKind, pool: Pool, item: string, event: string | null, amount: number, payer: string | null = null) =>
    costs.push([kind, pool, item, event, Math.round(amount * 100) / 100, payer, null]);
  const salary = rng.euros(6_100, 6_600);
  line('TA', 'a', 'Johtavan henkilön palkka', null, Math.round(salary * 12.5 * 100) / 100);
  line('TA', 'a', 'Johtavan henkilön henkilösivukulut', null, Math.round(salary * 12.5 * 0.23 * 100) / 100);
  MONTH_WORDS.forEach((m, i) => {
    const pay = i === 6 ? salary * 1.5 : salary; // holiday bonus in July
    line('TOT', 'a', `Johtavan henkilön palkka, ${m}`, null, pay);
    line('TOT', 'a', `Johtavan henkilön henkilösivukulut, ${m}`, null, pay * rng.euros(0.225, 0.235));
  });
  line('TA', 'muu', 'ICT-lisenssit ja järjestelmät', null, 24_000);
  line('TA', 'muu', 'Toimitilat', null, 36_000);
  line('TA', 'muu', 'Matkat ja koulutus', null, 6_500);
  for (let q = 1; q <= 4; q++) {
    line('TOT', 'muu', `ICT-lisenssit, Q${q}`, null, rng.euros(5_600, 6_300));
    line('TOT', 'muu', `Toimitilavuokra, Q${q}`, null, rng.euros(8_800, 9_200));
  }
  for (let t = 0; t < 5; t++) line('TOT', 'muu', `Matkakulut, erä ${t + 1}`, null, rng.euros(400, 1_900));
  line('TOT', 'muu', 'Verkostotapaamisen kulut', null, rng.euros(900, 1_500), 'HVA');
  events.forEach((ev, e) => {
    line('TA', 'b', `${ev.name}: tila, tarjoilu ja puhujat`, ev.name, 4_000 + 500 * e);
    line('TOT', 'b', `${ev.name}: tilavuokra`, ev.name, rng.euros(900, 2_400));
    line('TOT', 'b', `${ev.name}: tarjoilu`, ev.name, rng.euros(1_200, 3_100));
    line('TOT', 'b', `${ev.name}: puhujapalkkiot`, ev.name, rng.euros(600, 2_200));
  });
  line('TOT', 'b', `${events[0].name}: hyvityslasku, tarjoilu`, events[0].name, -rng.euros(250, 450));
  line('TA', 'b', 'Kehittämispäivien yhteinen viestintä', null, 2_000);
  line('TOT', 'b', 'Kehittämispäivien yhteinen viestintä', null, rng.euros(1_500, 2_300));
  // Last year's actual joint costs (Vuosi = year - 1), so the year comparison has something to compare.
  costs.push([
    'TOT',
    'a',
    'Johtavan henkilön palkka ja sivukulut',
    null,
    Math.round(salary * 0.97 * 12.5 * 1.23 * 100) / 100,
    null,
    year - 1,
  ]);
  costs.push(['TOT', 'muu', 'Toimintakulut yhteensä', null, rng.euros(14_000, 17_000), null, year - 1]);
  // More actual lines for larger scales (benchmarks).
  const costTarget = Math.round(60 * scale);
  while (costs.length < costTarget) {
    const pool = rng.pick(['a', 'muu', 'b'] as const);
    const ev = pool === 'b' && rng.chance(0.8) ? rng.pick(events).name : null;
    line('TOT', pool, `Lisäerä ${costs.length + 1}`, ev, rng.euros(10, 900));
  }

  const municipalities = munis.map((m) => [m.name, m.population, JOBSEEKERS[m.name] ?? null, null] as InputCell[]);
  // Quarterly advance invoices; a customer estimate for the staff sufficiency figures.
  const settings: InputData['settings'] = { billingPeriod: 'neljännes', customerEstimate: Math.round(1_900 * scale) };
  return { year, settings, municipalities, staff, registrations, costs };
}

/** The bundled realistic sample year as an input workbook. */
export async function buildSampleInputs(opts: SampleOptions = {}): Promise<Workbook> {
  return buildInputWorkbook(sampleInputData(opts));
}
