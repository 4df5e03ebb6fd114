/**
 * TYM_Henkilostoresurssit: the staff sufficiency figures the management group follows yearly
 * (contract section 6, law 381/2023 §9): headcount and FTE per party and unit for the year, and
 * customers per FTE when the Asiakasmäärä setting is given.
 */
import type { Allocation } from '../../domain/allocate';
import { Decimal, ZERO } from '../../domain/decimal';
import { daysInYear } from '../../domain/dates';
import { staffDays } from '../../domain/keys';
import { excelTrim, identityKey } from '../../domain/text';
import { PARTIES, type InputModel, type PartyCode } from '../../domain/types';
import { a1 } from '../formula';
import { Grid } from '../grid';
import type { SheetSpec } from '../sheetSpec';
import { SETTING_ROW, SHEETS, STAFF_COL, type Positions } from './positions';

interface UnitFigures {
  party: PartyCode;
  unit: string;
  headcount: Decimal;
  fte: Decimal;
  avgFte: Decimal;
}

/** Staff of the year (rows with days in the year) by party and unit, units in order of first appearance. */
export function staffFigures(model: InputModel): UnitFigures[] {
  const out: UnitFigures[] = [];
  const index = new Map<string, UnitFigures>();
  for (const party of PARTIES) {
    for (const m of model.staff) {
      if (m.party !== party) continue;
      const key = `${party}\u0000${identityKey(m.unit)}`;
      let f = index.get(key);
      if (!f) {
        f = { party, unit: excelTrim(m.unit), headcount: ZERO, fte: ZERO, avgFte: ZERO };
        index.set(key, f);
        out.push(f);
      }
      const days = staffDays(model.settings, m);
      if (days === 0) continue;
      f.headcount = f.headcount.plus(m.headcount);
      f.fte = f.fte.plus(m.fte);
      f.avgFte = f.avgFte.plus(m.fte.mul(days).div(daysInYear(model.settings.year)));
    }
  }
  return out;
}

export function buildStaffing(model: InputModel, alloc: Allocation, pos: Positions): SheetSpec {
  const g = new Grid();
  g.value(0, 0, `TYM ${alloc.year}: henkilöstön riittävyys (sopimuksen 6 kohta, laki 381/2023 9 §)`, 'title');
  g.value(1, 0, 'Liitteen 2 henkilöstö, joka on mallissa vuoden aikana. HTV vuodessa = HTV × päivät mallissa / vuoden päivät.', 'note');
  g.headers(3, 0, ['Osapuoli', 'Yksikkö', 'Henkilömäärä', 'HTV', 'HTV vuodessa']);
  const rng = (c: number) => pos.rowsRange(c, pos.staffRows);
  const org = rng(STAFF_COL.org);
  const unit = rng(STAFF_COL.unit);
  const inYear = `(${rng(STAFF_COL.days)}>0)`;
  const figures = staffFigures(model);
  const valueCols = [
    { col: 2, src: STAFF_COL.headcount, pick: (f: UnitFigures) => f.headcount },
    { col: 3, src: STAFF_COL.fte, pick: (f: UnitFigures) => f.fte },
    { col: 4, src: STAFF_COL.avgFte, pick: (f: UnitFigures) => f.avgFte },
  ];
  let row = 4;
  const partyTotalRows: number[] = [];
  const grand = { headcount: ZERO, fte: ZERO, avgFte: ZERO };
  for (const party of PARTIES) {
    const ofParty = figures.filter((f) => f.party === party);
    for (const f of ofParty) {
      g.value(row, 0, party, 'text');
      g.value(row, 1, f.unit, 'text');
      for (const v of valueCols) {
        // "=" compares case-insensitively and without wildcards, like the engine's unit identity.
        const src = v.src === STAFF_COL.avgFte ? rng(v.src) : `${inYear}*${rng(v.src)}`;
        g.formula(row, v.col, `SUMPRODUCT((${org}=${a1(row, 0, true)})*(${unit}=${a1(row, 1, true)})*${src})`, v.pick(f).toNumber(), 'decimal');
      }
      row += 1;
    }
    g.value(row, 0, party, 'label');
    g.value(row, 1, `${party} yhteensä`, 'label');
    const tot = { headcount: ZERO, fte: ZERO, avgFte: ZERO };
    for (const f of ofParty) {
      tot.headcount = tot.headcount.plus(f.headcount);
      tot.fte = tot.fte.plus(f.fte);
      tot.avgFte = tot.avgFte.plus(f.avgFte);
    }
    grand.headcount = grand.headcount.plus(tot.headcount);
    grand.fte = grand.fte.plus(tot.fte);
    grand.avgFte = grand.avgFte.plus(tot.avgFte);
    valueCols.forEach((v, i) => {
      const src = v.src === STAFF_COL.avgFte ? rng(v.src) : `${inYear}*${rng(v.src)}`;
      g.formula(row, v.col, `SUMPRODUCT((${org}=${a1(row, 0, true)})*${src})`, [tot.headcount, tot.fte, tot.avgFte][i].toNumber(), 'decimal');
    });
    partyTotalRows.push(row);
    row += 2;
  }
  const totalRow = row;
  g.value(totalRow, 1, 'Kaikki yhteensä', 'label');
  valueCols.forEach((v, i) =>
    g.formula(totalRow, v.col, partyTotalRows.map((r) => a1(r, v.col)).join('+'), [grand.headcount, grand.fte, grand.avgFte][i].toNumber(), 'decimal'),
  );
  const cust = model.settings.customerEstimate;
  g.value(totalRow + 2, 1, 'Asiakasmäärä (arvio, Asetukset)', 'label');
  g.formula(totalRow + 2, 3, pos.setting(SETTING_ROW.customerEstimate), cust?.toNumber() ?? 0, 'decimal');
  g.value(totalRow + 3, 1, 'Asiakkaita / HTV', 'label');
  const perFte = cust && !cust.isZero() && !grand.fte.isZero() ? cust.div(grand.fte).toNumber() : '';
  g.formula(totalRow + 3, 3, `IF(OR(${a1(totalRow + 2, 3)}=0,${a1(totalRow, 3)}=0),"",${a1(totalRow + 2, 3)}/${a1(totalRow, 3)})`, perFte, 'decimal');
  g.value(totalRow + 3, 4, 'Tyhjä, kun asiakasmäärää ei ole annettu', 'note');
  [10, 30, 14, 12, 14].forEach((w, i) => g.width(i, w));
  return g.toSheet(SHEETS.staffing, { tabColor: 'FF7030A0', print: { title: `TYM ${alloc.year}: henkilöstön riittävyys`, landscape: true, fitToWidth: true } });
}
