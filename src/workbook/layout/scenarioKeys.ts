/**
 * The keys block of TYM_Skenaariojako (issue 12): whether each municipal basis can be computed (every
 * municipality has the value in Kunnat, agreed shares sum to 100, the key is not zero), the party
 * staff keys on each staff basis summed from TYM_Rivit, and which municipality has a value in each
 * Kunnat column (a blank is not a zero).
 */
import { ZERO } from '../../domain/decimal';
import { MUNICIPAL_BASES, STAFF_BASES, type Scenarios } from '../../domain/scenarios';
import { PARTIES, type InputModel, type MunicipalBasis, type PartyCode } from '../../domain/types';
import { a1, onSheet, range, tableCell } from '../formula';
import type { Grid } from '../grid';
import { MUNI_COL, municipalityRef } from './params';
import { MUNICIPAL_BASIS_CODE, SETTING_ROW, SHEETS, STAFF_BASIS_CODE, STAFF_COL, type Positions } from './positions';

export const MUNICIPAL_BASIS_NAMES = ['Asukasluku', 'Työttömät', 'TVA:n henkilöstö', 'Sovittu %'];
export const STAFF_BASIS_NAMES = ['Henkilömäärä', 'HTV', 'HTV päivillä painotettuna'];

/** The TYM_Parametrit municipality column of each municipal basis (MUNICIPAL_BASES order). */
export const BASIS_KEY_COL = [MUNI_COL.population, MUNI_COL.jobseekers, MUNI_COL.staff, MUNI_COL.agreedPct];

/** Availability block: one row per basis, columns code, name, present values, key total, agreed sum, available. */
export const AV = { code: 0, name: 1, present: 2, total: 3, sumOk: 4, available: 5 } as const;
const AV_HEADER = 4;
export const MUNI_AV_FIRST = AV_HEADER + 1;
const STAFF_AV_HEADER = MUNI_AV_FIRST + MUNICIPAL_BASES.length + 1;
export const STAFF_AV_FIRST = STAFF_AV_HEADER + 1;
/** Staff availability columns: TVA, HVA and Kela keys on each basis. */
export const SAV = { code: 0, name: 1, tva: 2, hva: 3, kela: 4, available: 5 } as const;
/** The first row below the keys block. */
export const KEYS_END = STAFF_AV_FIRST + STAFF_BASES.length;

/** Whether municipal basis i is available (1/0), sheet-qualified. */
export function muniAvailableCell(i: number): string {
  return onSheet(SHEETS.scenarioSplits, a1(MUNI_AV_FIRST + i, AV.available, true));
}

/** Staff basis i: its availability (1/0) or a party's key, sheet-qualified. */
export function staffAvailableCell(i: number): string {
  return onSheet(SHEETS.scenarioSplits, a1(STAFF_AV_FIRST + i, SAV.available, true));
}

export function writeScenarioKeys(
  g: Grid,
  model: InputModel,
  pos: Positions,
  scenarios: Scenarios,
  at: { presenceFirst: number; staffBasisRange: string },
): void {
  const lay = { presenceFirst: at.presenceFirst };
  const m = model.municipalities.length;
  const kunnat = model.tables.kunnat;
  // Availability of the municipal bases.
  g.value(AV_HEADER - 1, 0, 'Kuntajaon perusteet: voiko jaon laskea', 'subtitle');
  g.headers(AV_HEADER, 0, ['Koodi', 'Peruste', 'Arvo kaikilla kunnilla', 'Avain yhteensä', 'Sovittu = 100', 'Käytettävissä (1/0)']);
  const presence = (col: number) => range(lay.presenceFirst, col, lay.presenceFirst + Math.max(1, m) - 1, col);
  const keyCol = BASIS_KEY_COL;
  MUNICIPAL_BASES.forEach((basis, i) => {
    const row = MUNI_AV_FIRST + i;
    const sc = scenarios.municipal[i];
    const keys = onSheet(SHEETS.params, range(pos.muniFirst, keyCol[i], pos.muniFirst + Math.max(1, m) - 1, keyCol[i]));
    g.value(row, AV.code, MUNICIPAL_BASIS_CODE[basis], 'integer');
    g.value(row, AV.name, MUNICIPAL_BASIS_NAMES[i], 'label');
    const pc = PRESENCE_COL[basis];
    // TVA staff is counted, never missing: every municipality has a value (possibly zero).
    g.formula(row, AV.present, pc === undefined ? `ROWS(${presence(0)})` : `SUM(${presence(pc)})`, countPresent(model, basis), 'integer');
    g.formula(row, AV.total, `SUM(${keys})`, sc.keys.reduce((a, k) => a.plus(k), ZERO).toNumber(), 'decimal');
    if (basis === 'agreed')
      g.formula(
        row,
        AV.sumOk,
        `IF(ROUND(${a1(row, AV.total)}-100,9)=0,1,0)`,
        sc.keys.reduce((a, k) => a.plus(k), ZERO).eq(100) ? 1 : 0,
        'integer',
      );
    else g.value(row, AV.sumOk, 1, 'integer');
    g.formula(
      row,
      AV.available,
      `IF(AND(${a1(row, AV.present)}=ROWS(${presence(0)}),${a1(row, AV.total)}>0,${a1(row, AV.sumOk)}=1),1,0)`,
      sc.unavailable === null ? 1 : 0,
      'integer',
    );
  });

  // Availability of the staff bases: party keys from TYM_Rivit on each basis.
  g.value(STAFF_AV_HEADER - 1, 0, 'Henkilöstöperusteet: osapuolten avaimet', 'subtitle');
  g.headers(STAFF_AV_HEADER, 0, ['Koodi', 'Peruste', 'TVA', 'HVA', 'KELA', 'Käytettävissä (1/0)']);
  const rowsCol = (c: number) => pos.rowsRange(c, pos.staffRows);
  STAFF_BASES.forEach((basis, i) => {
    const row = STAFF_AV_FIRST + i;
    const sc = scenarios.staff[i];
    g.value(row, SAV.code, STAFF_BASIS_CODE[basis], 'integer');
    g.value(row, SAV.name, STAFF_BASIS_NAMES[i], 'label');
    PARTIES.forEach((p: PartyCode, pi) => {
      const byParty = `${rowsCol(STAFF_COL.org)},${a1(STAFF_AV_HEADER, SAV.tva + pi, true)}`;
      const f =
        basis === 'fte-time-weighted'
          ? `SUMIFS(${rowsCol(STAFF_COL.avgFte)},${byParty})`
          : `SUMIFS(${rowsCol(basis === 'fte' ? STAFF_COL.fte : STAFF_COL.headcount)},${byParty},${rowsCol(STAFF_COL.days)},">0")`;
      g.formula(row, SAV.tva + pi, f, sc.keys[p].toNumber(), 'decimal');
    });
    g.formula(
      row,
      SAV.available,
      // Available when TVA and HVA have staff on this basis, an agreed TVA % replaces the staff key, or no group is staff-keyed.
      `IF(OR(${pos.setting(SETTING_ROW.agreedTvaPct, true)}=1,${a1(row, SAV.tva)}+${a1(row, SAV.hva)}>0,COUNTIF(${at.staffBasisRange},${a1(row, SAV.code)})=0),1,0)`,
      sc.unavailable === null ? 1 : 0,
      'integer',
    );
  });

  // Which municipality has a value in each column of Kunnat (a blank is not a zero: the basis is then unavailable).
  g.value(lay.presenceFirst - 2, 0, 'Kunnat: arvo annettu (1/0)', 'subtitle');
  g.headers(lay.presenceFirst - 1, 0, ['Kunta', 'Taulukon rivi', 'Asukasluku', 'Työttömät', 'Sovittu osuus %']);
  model.municipalities.forEach((mu, i) => {
    const row = lay.presenceFirst + i;
    g.formula(row, 0, municipalityRef(pos, i, MUNI_COL.name), mu.name, 'text');
    g.formula(row, 1, municipalityRef(pos, i, MUNI_COL.tableRow), mu.ref.index, 'integer');
    const has = (col: number, key: 'population' | 'jobseekers' | 'agreedPct') => {
      if (kunnat.columns[key] === undefined) g.value(row, col, 0, 'integer');
      else g.formula(row, col, `IF(ISNUMBER(${tableCell(kunnat, key, a1(row, 1))}),1,0)`, mu[key] === null ? 0 : 1, 'integer');
    };
    has(2, 'population');
    has(3, 'jobseekers');
    has(4, 'agreedPct');
  });
}

/** The presence column (on this sheet) of each municipal basis read from Kunnat; TVA staff is counted. */
const PRESENCE_COL: Partial<Record<MunicipalBasis, number>> = { population: 2, jobseekers: 3, agreed: 4 };

/** How many municipalities have a value for the basis (all of them for TVA staff). */
function countPresent(model: InputModel, basis: MunicipalBasis): number {
  if (basis === 'staff') return model.municipalities.length;
  const key = basis === 'agreed' ? 'agreedPct' : basis;
  return model.municipalities.filter((m) => m[key] !== null).length;
}
