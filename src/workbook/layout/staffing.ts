/**
 * TYM_Henkilostoresurssit: the staff sufficiency figures the management group follows yearly
 * (contract section 6, law 381/2023 §9): headcount and FTE per party and unit for the budget year,
 * and customers per FTE when Asiakasmäärä is given. Unit names are linked to the first staff row of
 * the unit; a check says whether the list of units still matches Henkilosto.
 */
import { Decimal, ZERO } from '../../domain/decimal';
import { daysInYear } from '../../domain/dates';
import { staffDays } from '../../domain/keys';
import { excelTrim, identityKey } from '../../domain/text';
import { PARTIES, type InputModel, type PartyCode } from '../../domain/types';
import { a1 } from '../formula';
import { Grid } from '../grid';
import type { SheetSpec } from '../sheetSpec';
import { Block, orFalse } from './block';
import { SHEETS, type Ctx } from './context';
import { NAMES } from './names';
import { masterBanner } from './results';

interface UnitFigures {
  party: PartyCode;
  unit: string;
  /** Table row of the unit's first staff row (its label is linked there). */
  firstRow: number;
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
        f = { party, unit: excelTrim(m.unit), firstRow: m.ref.index, headcount: ZERO, fte: ZERO, avgFte: ZERO };
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

export function buildStaffing(ctx: Ctx): { sheet: SheetSpec; okRange: string } {
  const model = ctx.model;
  const g = new Grid();
  g.value(0, 0, `TYM ${ctx.alloc.year}: henkilöstön riittävyys (sopimuksen 6 kohta, laki 381/2023 9 §)`, 'title');
  masterBanner(g, 1, 0);
  g.value(2, 0, 'Liitteen 2 henkilöstö, joka on mallissa talousarviovuonna. HTV vuodessa = HTV × päivät mallissa / vuoden päivät.', 'note');
  const figures = staffFigures(model);
  const b = new Block(
    SHEETS.staffing,
    3,
    0,
    [
      { key: 'party', header: 'Osapuoli', width: 10 },
      { key: 'unit', header: 'Yksikkö', name: NAMES.unitName, width: 36 },
      { key: 'headcount', header: 'Henkilömäärä', width: 13 },
      { key: 'fte', header: 'HTV', width: 11 },
      { key: 'avgFte', header: 'HTV vuodessa', width: 13 },
      { key: 'no', header: 'Osapuoli nro', name: NAMES.unitParty, width: 9 },
      { key: 'first', header: 'Ensimmäinen rivi', width: 9 },
      { key: 'atRun', header: 'Yksikkö ajossa', width: 30 },
      { key: 'ok', header: 'Kelpaa', width: 8 },
    ],
    Math.max(1, figures.length),
  );
  b.header(g);
  const days1 = `INDEX(${NAMES.staffDays},0,1)`;
  const sumOf = (row: number, values: string, byUnit: boolean) =>
    `SUMPRODUCT((${NAMES.staffParty}=${b.col('no', row)})${byUnit ? `*(${NAMES.staffUnit}=${b.col('unit', row)})` : ''}*${values})`;
  const valueCols: [string, string, (f: { headcount: Decimal; fte: Decimal; avgFte: Decimal }) => Decimal][] = [
    ['headcount', `(${days1}>0)*${NAMES.staffHeadcount}`, (f) => f.headcount],
    ['fte', `(${days1}>0)*${NAMES.staffFte}`, (f) => f.fte],
    ['avgFte', NAMES.staffAvgFte, (f) => f.avgFte],
  ];
  figures.forEach((f, i) => {
    const r = b.row(i);
    g.value(r, b.c('no'), PARTIES.indexOf(f.party) + 1, 'integer');
    g.value(r, b.c('first'), f.firstRow, 'integer');
    g.formula(r, b.c('party'), `INDEX(${NAMES.parties},${b.col('no', r)})`, f.party, 'text');
    g.value(r, b.c('atRun'), f.unit, 'text');
    // The unit as at the run while Henkilosto still has it (sorting changes nothing), else the name now on its first row (a rename follows).
    g.formula(
      r,
      b.c('unit'),
      `IF(SUMPRODUCT((${NAMES.staffParty}=${b.col('no', r)})*(${NAMES.staffUnit}=${b.col('atRun', r)}))>0,${b.col('atRun', r)},INDEX(${NAMES.staffUnit},${b.col('first', r)}))`,
      f.unit,
      'text',
    );
    for (const [key, values, pick] of valueCols) g.formula(r, b.c(key), sumOf(r, values, true), pick(f).toNumber(), 'decimal');
    g.formula(
      r,
      b.c('ok'),
      orFalse(
        `AND(SUMPRODUCT((${NAMES.unitParty}=${b.col('no', r)})*(${NAMES.unitName}=${b.col('unit', r)}))=1,SUMPRODUCT((${NAMES.staffParty}=${b.col('no', r)})*(${NAMES.staffUnit}=${b.col('unit', r)}))>0)`,
      ),
      true,
      'check',
    );
  });
  let row = b.last + 2;
  const grand = { headcount: ZERO, fte: ZERO, avgFte: ZERO };
  const partyRows: number[] = [];
  PARTIES.forEach((party, pi) => {
    const tot = { headcount: ZERO, fte: ZERO, avgFte: ZERO };
    for (const f of figures.filter((x) => x.party === party)) {
      tot.headcount = tot.headcount.plus(f.headcount);
      tot.fte = tot.fte.plus(f.fte);
      tot.avgFte = tot.avgFte.plus(f.avgFte);
    }
    grand.headcount = grand.headcount.plus(tot.headcount);
    grand.fte = grand.fte.plus(tot.fte);
    grand.avgFte = grand.avgFte.plus(tot.avgFte);
    g.value(row, b.c('no'), pi + 1, 'integer');
    g.formula(row, b.c('party'), `INDEX(${NAMES.parties},${b.col('no', row)})`, party, 'label');
    g.formula(row, b.c('unit'), `${b.at('party', row)}&" yhteensä"`, `${party} yhteensä`, 'label');
    for (const [key, values, pick] of valueCols) g.formula(row, b.c(key), sumOf(row, values, false), pick(tot).toNumber(), 'decimal');
    partyRows.push(row);
    row += 1;
  });
  const totalRow = row + 1;
  g.value(totalRow, b.c('unit'), 'Kaikki yhteensä', 'label');
  for (const [key, , pick] of valueCols)
    g.formula(totalRow, b.c(key), partyRows.map((r) => a1(r, b.c(key))).join('+'), pick(grand).toNumber(), 'decimal');
  const cust = model.settings.customerEstimate;
  g.value(totalRow + 2, b.c('unit'), 'Asiakasmäärä (arvio, Asetukset)', 'label');
  g.formula(totalRow + 2, b.c('fte'), NAMES.customers, cust?.toNumber() ?? 0, 'decimal');
  g.value(totalRow + 3, b.c('unit'), 'Asiakkaita / HTV', 'label');
  const perFte = cust && !cust.isZero() && !grand.fte.isZero() ? cust.div(grand.fte).toNumber() : '';
  const fteTotal = a1(totalRow, b.c('fte'));
  const custCell = a1(totalRow + 2, b.c('fte'));
  g.formula(totalRow + 3, b.c('fte'), `IF(OR(${custCell}=0,${fteTotal}=0),"",${custCell}/${fteTotal})`, perFte, 'decimal');
  g.value(totalRow + 3, b.c('avgFte'), 'Tyhjä, kun asiakasmäärää ei ole annettu', 'note');
  return {
    sheet: g.toSheet(SHEETS.staffing, {
      tabColor: 'FF7030A0',
      names: b.names(),
      print: { title: `TYM ${ctx.alloc.year}: henkilöstön riittävyys`, landscape: true, fitToWidth: true, repeatRows: 4 },
    }),
    okRange: `${SHEETS.staffing}!${b.localRange('ok')}`,
  };
}
