/**
 * The keys block of TYM_Skenaariojako (issue 12): for the budget year (slot 1), every municipality's
 * key and whole-number numerator on each municipal basis (read from the municipalities block of
 * TYM_Parametrit: population, jobseekers, TVA staff, agreed %) with whether the value is given (a
 * blank is not a zero); the parties' staff keys and scaled units on each staff basis (TYM_Rivit);
 * per basis whether it can be computed, and the staff pools' numerators on each staff basis (the
 * same GCD-reduced steps as TYM_Parametrit's, with the staff basis changed).
 */
import { ZERO } from '../../domain/decimal';
import { KEY_SCALE, scaledKey, scaledUnits } from '../../domain/exactRange';
import { staffKeyByParty } from '../../domain/keys';
import { MUNICIPAL_BASES, STAFF_BASES, type Scenarios } from '../../domain/scenarios';
import { PARTIES, type InputModel, type Municipality, type MunicipalBasis, type StaffBasis } from '../../domain/types';
import { a1, range, tableCell } from '../formula';
import type { Grid } from '../grid';
import { Block, orFalse } from './block';
import { SHEETS, type Ctx } from './context';
import { NAMES } from './names';
import { MUNICIPAL_BASIS_CODE, STAFF_BASIS_CODE } from './settings';
import { partyUnitsOn, poolKeyShown, STAFF_POOL_COLS, staffPoolOf, staffPoolSteps } from './staffPool';

const S = SHEETS.scenarioSplits;
export const MUNICIPAL_BASIS_NAMES = ['Asukasluku', 'Työttömät', 'TVA:n henkilöstö', 'Sovittu %'];
export const STAFF_BASIS_NAMES = ['Henkilömäärä', 'HTV', 'HTV päivillä painotettuna'];
const K = MUNICIPAL_BASES.length;
const SB = STAFF_BASES.length;

export const withStaff = (model: InputModel, basis: StaffBasis): InputModel => ({
  ...model,
  settings: { ...model.settings, staffBasis: basis },
});

/** The engine's numerator of a municipality on a basis (as the formulas compute it). */
export function muniNumerator(model: InputModel, basis: MunicipalBasis, m: Municipality): number {
  if (basis === 'staff') {
    let u = 0n;
    for (const x of model.staff) if (x.party === 'TVA' && x.municipality === m.name) u += scaledUnits(model, x);
    return Number(u);
  }
  const v = basis === 'population' ? m.population : basis === 'jobseekers' ? m.jobseekers : m.agreedPct;
  return Number(scaledKey(v ?? ZERO) ?? 0n);
}

export interface ScenarioKeys {
  /** Municipal numerators block (rows: municipalities in Kunnat order). */
  munis: Block;
  /** Sheet-qualified ranges: per municipality the keys and numerators on each basis (K columns). */
  muniKeys: string;
  muniN: string;
  /** Per municipal basis (rows) whether it can be computed; per staff basis likewise. */
  muniAvail: string;
  staffAvail: string;
  /** Per staff basis (rows) and party (columns): the pool key shown and the numerator. */
  staffPoolKey: string;
  staffPoolN: string;
  next: number;
}

export function writeScenarioKeys(
  g: Grid,
  ctx: Ctx,
  sc: Scenarios,
  top: number,
  muniCol: (key: string) => string,
  staffKeyTypes: string,
): ScenarioKeys {
  const model = ctx.model;
  const kunnat = model.tables.kunnat;
  const M = model.municipalities.length;
  // Row above the headers: slot 1 (the budget year) and the party numbers the formulas pick.
  g.value(top - 2, 0, 'Kunnat: avain, osoittaja ja arvo annettu (1/0) kullakin kuntajaon perusteella, talousarviovuosi', 'subtitle');
  const m = new Block(
    S,
    top,
    0,
    [
      { key: 'no', header: 'Nro' },
      { key: 'row', header: 'Taulukon rivi' },
      { key: 'name', header: 'Kunta' },
      ...MUNICIPAL_BASIS_NAMES.map((n, i) => ({ key: `key${i + 1}`, header: `Avain: ${n}` })),
      ...MUNICIPAL_BASIS_NAMES.map((n, i) => ({ key: `n${i + 1}`, header: `Osoittaja: ${n}` })),
      ...MUNICIPAL_BASIS_NAMES.map((n, i) => ({ key: `has${i + 1}`, header: `Annettu: ${n}` })),
    ],
    M,
  );
  m.header(g);
  const keyCol = ['population', 'jobseekers', 'staff1', 'agreed'];
  const nCol = ['population', 'jobseekers', 'units1', 'agreed'];
  const presentCol = ['population', 'jobseekers', null, 'agreedPct'] as const;
  const sk = (x: string) => `ROUND(${x}*${NAMES.keyScale},0)`;
  model.municipalities.forEach((mu, i) => {
    const r = m.row(i);
    const n = m.col('row', r);
    g.value(r, m.c('no'), i + 1, 'integer');
    g.value(r, m.c('row'), mu.ref.index, 'integer');
    g.formula(r, m.c('name'), `INDEX(${NAMES.municipalities},${n})`, mu.name, 'text');
    MUNICIPAL_BASES.forEach((basis, k) => {
      g.formula(r, m.c(`key${k + 1}`), `INDEX(${muniCol(keyCol[k])},${n})`, sc.municipal[k].keys[i].toNumber(), 'decimal');
      const num = muniNumerator(model, basis, mu);
      if (basis === 'staff') g.formula(r, m.c(`n${k + 1}`), `INDEX(${muniCol(nCol[k])},${n})`, num, 'integer');
      else g.formula(r, m.c(`n${k + 1}`), sk(m.at(`key${k + 1}`, r)), num, 'integer');
      const pc = presentCol[k];
      const present = pc === null || mu[pc] !== null;
      if (pc === null) g.value(r, m.c(`has${k + 1}`), 1, 'integer');
      else if (kunnat.columns[pc] === undefined) g.value(r, m.c(`has${k + 1}`), 0, 'integer');
      else g.formula(r, m.c(`has${k + 1}`), `IF(TRIM(${tableCell(kunnat, pc, n)})="",0,1)`, present ? 1 : 0, 'integer');
    });
  });
  const span = (b: Block, from: string, cols: number) => `${S}!${range(b.first, b.c(from), b.last, b.c(from) + cols - 1)}`;
  const muniKeys = span(m, 'key1', K);
  const muniN = span(m, 'n1', K);
  const muniHas = span(m, 'has1', K);
  const names = `${S}!${m.localRange('name')}`;

  // Municipal bases: can each be computed?
  const t1 = m.last + 4;
  g.value(
    t1 - 1,
    0,
    'Kuntajaon perusteet: voiko jaon laskea (arvo kaikilla kunnilla, avain yhteensä > 0, sovitut yhteensä 100 %)',
    'subtitle',
  );
  const a = new Block(
    S,
    t1,
    0,
    [
      { key: 'code', header: 'Koodi' },
      { key: 'name', header: 'Peruste' },
      { key: 'present', header: 'Arvo annettu (kuntia)' },
      { key: 'total', header: 'Osoittajat yhteensä' },
      { key: 'sumOk', header: 'Sovitut = 100 %' },
      { key: 'avail', header: 'Laskettavissa' },
      { key: 'inForce', header: 'Voimassa' },
    ],
    K,
  );
  a.header(g);
  MUNICIPAL_BASES.forEach((basis, k) => {
    const r = a.row(k);
    const at = (key: string) => a.at(key, r);
    const s = sc.municipal[k];
    g.value(r, a.c('code'), MUNICIPAL_BASIS_CODE[basis], 'integer');
    g.value(r, a.c('name'), MUNICIPAL_BASIS_NAMES[k], 'label');
    const pc = presentCol[k];
    const present = pc === null ? M : kunnat.columns[pc] === undefined ? 0 : model.municipalities.filter((mu) => mu[pc] !== null).length;
    g.formula(r, a.c('present'), `SUM(INDEX(${muniHas},0,${at('code')}))`, present, 'integer');
    const total = model.municipalities.reduce((x, mu) => x + muniNumerator(model, basis, mu), 0);
    g.formula(r, a.c('total'), `SUM(INDEX(${muniN},0,${at('code')}))`, total, 'integer');
    g.formula(
      r,
      a.c('sumOk'),
      orFalse(`OR(${at('code')}<>${MUNICIPAL_BASIS_CODE.agreed},${at('total')}=100*${NAMES.keyScale})`),
      basis !== 'agreed' || total === 100 * KEY_SCALE,
      'check',
    );
    g.formula(
      r,
      a.c('avail'),
      orFalse(`AND(${at('present')}=ROWS(${names}),${at('total')}>0,${at('sumOk')})`),
      s.unavailable === null,
      'check',
    );
    g.formula(r, a.c('inForce'), `${at('code')}=${NAMES.municipalBasis}`, s.inForce, 'check');
  });

  // Parties: staff keys and scaled units on each staff basis (budget year).
  const t2 = a.last + 4;
  g.value(t2 - 2, 0, 'Osapuolet: henkilöstöavain ja yksiköt (× TYM_SKAALA) kullakin henkilöstöperusteella, talousarviovuosi', 'subtitle');
  g.value(t2 - 1, 0, 'Vuosi nro →', 'note');
  g.value(t2 - 1, 1, 1, 'integer');
  const slot = a1(t2 - 1, 1, true);
  const p = new Block(
    S,
    t2,
    0,
    [
      { key: 'no', header: 'Nro' },
      { key: 'party', header: 'Osapuoli' },
      ...STAFF_BASIS_NAMES.map((n, i) => ({ key: `key${i + 1}`, header: `Avain: ${n}` })),
      ...STAFF_BASIS_NAMES.map((n, i) => ({ key: `u${i + 1}`, header: `Yksiköt: ${n}` })),
    ],
    PARTIES.length,
  );
  p.header(g);
  const days = `INDEX(${NAMES.staffDays},0,${slot})`;
  const models = STAFF_BASES.map((b) => withStaff(model, b));
  PARTIES.forEach((party, pi) => {
    const r = p.row(pi);
    const no = p.col('no', r);
    g.value(r, p.c('no'), pi + 1, 'integer');
    g.value(r, p.c('party'), party, 'label');
    const keys = models.map((mm) => staffKeyByParty(mm)[party].shown.toNumber());
    const units = models.map((mm) => Number(partyUnitsOn(mm)[party]));
    g.formula(r, p.c('key1'), `SUMIFS(${NAMES.staffHeadcount},${NAMES.staffParty},${no},${days},">0")`, keys[0], 'decimal');
    g.formula(r, p.c('key2'), `SUMIFS(${NAMES.staffFte},${NAMES.staffParty},${no},${days},">0")`, keys[1], 'decimal');
    g.formula(r, p.c('key3'), `SUMIFS(${NAMES.staffAvgFte},${NAMES.staffParty},${no})`, keys[2], 'decimal');
    g.formula(
      r,
      p.c('u1'),
      `SUMPRODUCT(ROUND(${NAMES.staffHeadcount}*${NAMES.keyScale},0)*(${days}>0)*(${NAMES.staffParty}=${no}))`,
      units[0],
      'integer',
    );
    g.formula(
      r,
      p.c('u2'),
      `SUMPRODUCT(ROUND(${NAMES.staffFte}*${NAMES.keyScale},0)*(${days}>0)*(${NAMES.staffParty}=${no}))`,
      units[1],
      'integer',
    );
    g.formula(
      r,
      p.c('u3'),
      `SUMPRODUCT(ROUND(${NAMES.staffFte}*${NAMES.keyScale},0)*${days}*(${NAMES.staffParty}=${no}))`,
      units[2],
      'integer',
    );
  });
  const partyKeys = span(p, 'key1', SB);
  const partyUnits = span(p, 'u1', SB);

  // Staff bases: the staff pools' numerators on each basis (as TYM_Parametrit's for the basis in force).
  const t3 = p.last + 4;
  g.value(
    t3 - 1,
    0,
    'Henkilöstöperusteet: poolien a ja muu avain ja jakoluvut kullakin perusteella (laskettavissa: TVA + HVA > 0, sovittu % käytössä tai ei henkilöstöpoolia)',
    'subtitle',
  );
  const c = new Block(
    S,
    t3,
    0,
    [
      { key: 'code', header: 'Koodi' },
      { key: 'name', header: 'Peruste' },
      { key: 'kT', header: 'Avain TVA' },
      { key: 'kH', header: 'Avain HVA' },
      { key: 'kK', header: 'Avain KELA' },
      ...STAFF_POOL_COLS,
      { key: 'avail', header: 'Laskettavissa' },
      { key: 'inForce', header: 'Voimassa' },
    ],
    SB,
  );
  c.header(g);
  STAFF_BASES.forEach((basis, i) => {
    const r = c.row(i);
    const at = (key: string) => c.at(key, r);
    const mm = models[i];
    const pp = staffPoolOf(mm);
    g.value(r, c.c('code'), STAFF_BASIS_CODE[basis], 'integer');
    g.value(r, c.c('name'), STAFF_BASIS_NAMES[i], 'label');
    g.formula(
      r,
      c.c('kT'),
      `IF(${NAMES.agreedInUse}=1,${NAMES.agreedPct},INDEX(${partyKeys},1,${at('code')}))`,
      poolKeyShown(mm, 'TVA').toNumber(),
      'decimal',
    );
    g.formula(
      r,
      c.c('kH'),
      `IF(${NAMES.agreedInUse}=1,100-${NAMES.agreedPct},INDEX(${partyKeys},2,${at('code')}))`,
      poolKeyShown(mm, 'HVA').toNumber(),
      'decimal',
    );
    g.formula(r, c.c('kK'), NAMES.kelaPct, poolKeyShown(mm, 'KELA').toNumber(), 'decimal');
    staffPoolSteps(g, c, r, (party) => `INDEX(${partyUnits},${party},${at('code')})`, pp);
    g.formula(
      r,
      c.c('avail'),
      orFalse(`OR(${NAMES.agreedInUse}=1,${at('xT')}+${at('xH')}>0,COUNTIF(${staffKeyTypes},1)=0)`),
      sc.staff[i].unavailable === null,
      'check',
    );
    g.formula(r, c.c('inForce'), `${at('code')}=${NAMES.staffBasis}`, sc.staff[i].inForce, 'check');
  });
  return {
    munis: m,
    muniKeys,
    muniN,
    muniAvail: a.range('avail'),
    staffAvail: c.range('avail'),
    staffPoolKey: span(c, 'kT', PARTIES.length),
    staffPoolN: span(c, 'nT', PARTIES.length),
    next: c.last + 4,
  };
}
