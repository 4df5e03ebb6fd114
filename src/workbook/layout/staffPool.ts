/**
 * The staff pools' whole-number numerators (pools a and muu, rule book §2.2 and §4.6), one home for
 * the GCD-reduced steps that TYM_Parametrit (the basis in force, per year slot) and
 * TYM_Skenaariojako (each staff basis, the budget year) both write: TVA and HVA in scaled units
 * (or the agreed TVA % and its rest), their GCD, Kela's % and its GCD with 100 %, then the three
 * numerators and the denominator. The engine's same steps are src/domain/exactRange.ts
 * staffPoolParts (the expected values).
 */
import type { Decimal } from '../../domain/decimal';
import { scaledUnits, staffPoolParts, type StaffPoolParts } from '../../domain/exactRange';
import { staffKeyByParty } from '../../domain/keys';
import type { InputModel, PartyCode } from '../../domain/types';
import type { Grid } from '../grid';
import type { CellValue } from '../sheetSpec';
import { exact, type Block, type Col } from './block';
import { NAMES } from './names';

const DIV0 = '#DIV/0!';

/** Each party's staff key in whole scaled units (× TYM_SKAALA) on the model's staff basis. */
export function partyUnitsOn(model: InputModel): Record<PartyCode, bigint> {
  const u: Record<PartyCode, bigint> = { TVA: 0n, HVA: 0n, KELA: 0n };
  for (const m of model.staff) u[m.party] += scaledUnits(model, m);
  return u;
}

/** The engine's steps for a model (null: Kela's % or the agreed % has more than 4 decimals). */
export const staffPoolOf = (model: InputModel): StaffPoolParts | null => staffPoolParts(model, partyUnitsOn(model));

/** The pool key a party row shows: Kela's %, the agreed % (and its rest), or the staff key. */
export function poolKeyShown(model: InputModel, party: PartyCode): Decimal {
  const s = model.settings;
  if (party === 'KELA') return s.kelaPct;
  if (s.agreedTvaPct !== null) return party === 'TVA' ? s.agreedTvaPct : s.agreedTvaPct.neg().plus(100);
  return staffKeyByParty(model)[party].shown;
}

/** The step columns (a block that writes them has these keys). */
export const STAFF_POOL_COLS: Col[] = [
  { key: 'xT', header: 'TVA (× skaala)' },
  { key: 'xH', header: 'HVA (× skaala)' },
  { key: 'g2', header: 'SYT(TVA, HVA)' },
  { key: 'k', header: 'Kela % (× skaala)' },
  { key: 'g1', header: 'SYT(Kela, 100 %)' },
  { key: 'p', header: '100 % / SYT' },
  { key: 'kp', header: 'Kela / SYT' },
  { key: 'nT', header: 'Osoittaja TVA' },
  { key: 'nH', header: 'Osoittaja HVA' },
  { key: 'nK', header: 'Osoittaja KELA' },
  { key: 'd', header: 'Nimittäjä' },
];

/**
 * Writes the steps of row `r`. `units(i)` is the formula of party i's (1 TVA, 2 HVA) scaled staff
 * units when no agreed % is in use; `pp` the engine's steps (null: not computable).
 */
export function staffPoolSteps(g: Grid, b: Block, r: number, units: (party: 1 | 2) => string, pp: StaffPoolParts | null): void {
  const at = (key: string) => b.at(key, r);
  const v = (x: bigint | undefined | null): CellValue => (x === undefined || x === null ? DIV0 : Number(x));
  const full = `100*${NAMES.keyScale}`;
  const put = (key: string, formula: string, value: CellValue) => g.formula(r, b.c(key), formula, value, 'integer');
  put('xT', `IF(${NAMES.agreedInUse}=1,ROUND(${NAMES.agreedPct}*${NAMES.keyScale},0),${units(1)})`, v(pp?.xT));
  put('xH', `IF(${NAMES.agreedInUse}=1,${exact(`${full}-${at('xT')}`)},${units(2)})`, v(pp?.xH));
  put('g2', `GCD(${at('xT')},${at('xH')})`, v(pp?.g2));
  put('k', `ROUND(${NAMES.kelaPct}*${NAMES.keyScale},0)`, v(pp?.k));
  put('g1', `GCD(${at('k')},${full})`, v(pp?.g1));
  put('p', `${full}/${at('g1')}`, v(pp?.p));
  put('kp', `${at('k')}/${at('g1')}`, v(pp?.kp));
  const n = pp?.n ?? null;
  put('nT', exact(`(${at('p')}-${at('kp')})*(${at('xT')}/${at('g2')})`), n ? Number(n[0]) : DIV0);
  put('nH', exact(`(${at('p')}-${at('kp')})*(${at('xH')}/${at('g2')})`), n ? Number(n[1]) : DIV0);
  put('nK', `${at('kp')}*((${at('xT')}+${at('xH')})/${at('g2')})`, n ? Number(n[2]) : DIV0);
  put('d', `${at('p')}*((${at('xT')}+${at('xH')})/${at('g2')})`, v(pp?.d));
}
