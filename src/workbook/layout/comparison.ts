/**
 * TYM_Vertailu: each receiver's share by year, the change in euros and percent, and the inputs
 * that drove it (costs, staff key, registrants, municipal key). Written when the cost lines hold
 * more than one year (Kustannukset[Vuosi]).
 *
 * The current year's column is live formulas into TYM_Tulokset and TYM_Parametrit. The other
 * years are values the engine computed from the same input tables at run time (a live chain per
 * year would repeat every calculation sheet per year); `verify` recomputes and compares them.
 */
import { allocate, type Allocation } from '../../domain/allocate';
import { Decimal, ZERO } from '../../domain/decimal';
import { InputError } from '../../domain/problems';
import { COST_KINDS, PARTIES, type CostKind, type InputModel } from '../../domain/types';
import { a1, onSheet } from '../formula';
import { Grid } from '../grid';
import type { CellValue, SheetSpec } from '../sheetSpec';
import { eventCountRef, MUNI_COL, municipalityRef, staffKeyRef } from './params';
import { SHEETS, type Positions } from './positions';
import { resultsLayout } from './results';

/** The budget years the cost lines name (blank Vuosi = the settings year), ascending. */
export function costYears(model: InputModel): number[] {
  return [...new Set(model.costs.map((c) => c.year ?? model.settings.year))].sort((a, b) => a - b);
}

/** The allocation of another year from the same inputs, or the reason it cannot be made. */
export function allocateYear(model: InputModel, year: number): Allocation | string {
  try {
    // A blank Vuosi means the settings year, not whichever year is being compared.
    const costs = model.costs.map((c) => (c.year === null ? { ...c, year: model.settings.year } : c));
    return allocate({ ...model, costs, settings: { ...model.settings, year } });
  } catch (e) {
    if (e instanceof InputError) return `ei laskettavissa: ${e.problems.length} ongelmaa (valitse vuosi ${year} Asetuksista ja tarkista)`;
    throw e;
  }
}

export function buildComparison(model: InputModel, alloc: Allocation, pos: Positions): SheetSpec | null {
  const years = costYears(model);
  if (years.length < 2) return null;
  const byYear = new Map<number, Allocation | string>(years.map((y) => [y, y === alloc.year ? alloc : allocateYear(model, y)]));
  const g = new Grid();
  g.value(0, 0, `TYM-kustannustenjako: vuosivertailu ${years[0]}–${years[years.length - 1]}`, 'title');
  g.value(
    1,
    0,
    `Vuoden ${alloc.year} sarake on kaava (TYM_Tulokset, TYM_Parametrit). Muiden vuosien luvut laskettiin samoista syöttötaulukoista ajon hetkellä; laske uudelleen, jos syötteet muuttuvat.`,
    'note',
  );
  const prev = years.length - 2;
  const last = years.length - 1;
  const receivers = [...PARTIES.map((p) => p as string), ...model.municipalities.map((m) => m.name)];
  const lay = resultsLayout(model);
  let row = 3;

  const yearCell = (r: number, yi: number, current: string | null, other: (a: Allocation) => Decimal | number, style: 'money' | 'decimal' | 'integer') => {
    const y = years[yi];
    const a = byYear.get(y)!;
    const col = 1 + yi;
    if (y === alloc.year && current) {
      const v = other(alloc);
      g.formula(r, col, current, typeof v === 'number' ? v : v.toNumber(), style);
    } else if (typeof a === 'string') g.value(r, col, a, 'note');
    else {
      const v = other(a);
      g.value(r, col, typeof v === 'number' ? v : v.toNumber(), style);
    }
  };
  const changes = (r: number) => {
    const pa = byYear.get(years[prev])!;
    const la = byYear.get(years[last])!;
    const p = a1(r, 1 + prev);
    const l = a1(r, 1 + last);
    const valueOf = (c: number): number | null => {
      const cell = g.cells[r]?.[c];
      const v: CellValue | undefined = cell?.formula !== undefined ? cell.expected : cell?.value;
      return typeof v === 'number' ? v : null;
    };
    const pv = valueOf(1 + prev);
    const lv = valueOf(1 + last);
    if (typeof pa === 'string' || typeof la === 'string' || pv === null || lv === null) return;
    const d = new Decimal(lv).minus(pv);
    g.formula(r, 1 + years.length, `${l}-${p}`, d.toNumber(), 'money');
    g.formula(r, 2 + years.length, `IF(${p}=0,"",(${l}-${p})/ABS(${p})*100)`, pv === 0 ? '' : d.div(Math.abs(pv)).mul(100).toNumber(), 'decimal');
  };
  const header = (title: string) => {
    g.value(row, 0, title, 'subtitle');
    g.headers(row + 1, 0, ['', ...years.map(String), `Muutos € ${years[prev]}→${years[last]}`, 'Muutos %']);
    row += 2;
  };

  for (const kind of COST_KINDS) {
    header(`Osuudet ${kind} (€)`);
    receivers.forEach((name, ri) => {
      g.value(row, 0, name, 'label');
      const summaryRow = lay.summaryFirst + ri;
      const kindCol = 2 + COST_KINDS.indexOf(kind);
      years.forEach((_, yi) =>
        yearCell(row, yi, onSheet(SHEETS.results, a1(summaryRow, kindCol, true)), (a) => a.totals[kind].get(name) ?? ZERO, 'money'),
      );
      changes(row);
      row += 1;
    });
    row += 1;
  }

  header('Mikä muutti osuuksia: syötteet vuosittain');
  const driver = (label: string, current: string | null, pick: (a: Allocation) => Decimal | number, style: 'money' | 'decimal' | 'integer') => {
    g.value(row, 0, label, 'label');
    years.forEach((_, yi) => yearCell(row, yi, current, pick, style));
    changes(row);
    row += 1;
  };
  const costTotal = (k: CostKind) => (a: Allocation) => a.costTotals[k];
  driver('Kustannukset TA', onSheet(SHEETS.results, a1(lay.summaryFirst + receivers.length, 2, true)), costTotal('TA'), 'money');
  driver('Kustannukset TOT', onSheet(SHEETS.results, a1(lay.summaryFirst + receivers.length, 3, true)), costTotal('TOT'), 'money');
  for (const p of ['TVA', 'HVA'] as const) driver(`Henkilöstöavain ${p}`, staffKeyRef(p), (a) => a.staffKeys[p].shown, 'decimal');
  for (const p of PARTIES) driver(`Ilmoittautuneet ${p} (koko vuosi)`, eventCountRef(pos, 0, p), (a) => a.registrations.events.reduce((s, e) => s + e.byParty[p], 0), 'integer');
  model.municipalities.forEach((m, i) => driver(`Kuntajaon avain: ${m.name}`, municipalityRef(pos, i, MUNI_COL.key), (a) => a.municipalKeys.get(m.name) ?? ZERO, 'decimal'));

  g.width(0, 34);
  years.forEach((_, i) => g.width(1 + i, 14));
  g.width(1 + years.length, 18);
  g.width(2 + years.length, 11);
  return g.toSheet(SHEETS.comparison, { tabColor: 'FF7030A0', print: { title: 'TYM-kustannustenjako: vuosivertailu', landscape: true, fitToWidth: true } });
}
