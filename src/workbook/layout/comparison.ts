/**
 * TYM_Vertailu: each receiver's share by year, the change in euros and percent, and the inputs that
 * drove it (costs, staff key, registrants, municipal key). Written when the cost lines hold more
 * than one year. Every year is live: TYM_Jako and TYM_Kuntajako split the groups of every year
 * (year slots), so each cell is a formula; a year that cannot be allocated shows why.
 */
import { Decimal, ZERO } from '../../domain/decimal';
import { countRegistrations, staffKeyByParty } from '../../domain/keys';
import { municipalKey } from '../../domain/shares';
import { COST_KINDS, PARTIES, type CostKind } from '../../domain/types';
import { a1, a1AbsCol, a1AbsRow } from '../formula';
import { Grid } from '../grid';
import type { CellValue, SheetSpec } from '../sheetSpec';
import { SHEETS, type Ctx, type Slot } from './context';
import { NAMES } from './names';
import { masterBanner } from './results';
import { LABELS } from './settings';

/** The budget years the cost lines name (blank Vuosi = the settings year), ascending. */
export function costYears(ctx: Ctx): Slot[] {
  return [...ctx.slots].sort((a, b) => a.year - b.year);
}

export function buildComparison(ctx: Ctx, notComputable: string): SheetSpec | null {
  const slots = costYears(ctx);
  if (slots.length < 2) return null;
  const g = new Grid();
  const Y = slots.length;
  const changeCol = 1 + Y;
  const pctCol = 2 + Y;
  const idCol = 3 + Y;
  g.value(0, 0, `TYM-kustannustenjako: vuosivertailu ${slots[0].year}–${slots[Y - 1].year}`, 'title');
  masterBanner(g, 1, 0);
  g.value(
    2,
    0,
    'Jokainen vuosi on kaava (TYM_Jako ja TYM_Kuntajako jakavat jokaisen vuoden ryhmät). Vuosi nro -rivi kertoo, mistä vuodesta sarake on (TYM_VUODET).',
    'note',
  );
  const slotRow = 3;
  slots.forEach((s, i) => g.value(slotRow, 1 + i, s.no, 'integer'));
  g.value(slotRow, 0, 'Vuosi nro →', 'note');
  let row = 5;
  const yearHeader = (i: number) => a1AbsRow(row - 1, 1 + i);
  const header = (title: string, id: CellValue = '') => {
    g.value(row, 0, title, 'subtitle');
    if (id !== '') g.value(row, idCol, id, 'text');
    row += 1;
    g.value(row, 0, '', 'header');
    slots.forEach((s, i) => g.formula(row, 1 + i, `INDEX(${NAMES.years},${a1AbsRow(slotRow, 1 + i)})`, s.year, 'header'));
    g.value(row, changeCol, `Muutos € ${slots[Y - 2].year}→${slots[Y - 1].year}`, 'header');
    g.value(row, pctCol, 'Muutos %', 'header');
    g.value(row, idCol, 'Tunnus', 'header');
    row += 1;
  };
  const changes = (r: number, values: CellValue[]) => {
    const p = a1(r, Y);
    const l = a1(r, Y + 1 - 0);
    const pv = values[Y - 2];
    const lv = values[Y - 1];
    const both = typeof pv === 'number' && typeof lv === 'number';
    g.formula(
      r,
      changeCol,
      `IF(OR(ISTEXT(${a1(r, Y - 1)}),ISTEXT(${p})),"",${p}-${a1(r, Y - 1)})`,
      both ? new Decimal(lv).minus(pv).toNumber() : '',
      'money',
    );
    g.formula(
      r,
      pctCol,
      `IF(OR(ISTEXT(${a1(r, Y - 1)}),ISTEXT(${p})),"",IF(${a1(r, Y - 1)}=0,"",(${p}-${a1(r, Y - 1)})/ABS(${a1(r, Y - 1)})*100))`,
      both && pv !== 0 ? new Decimal(lv).minus(pv).div(Math.abs(pv)).mul(100).toNumber() : '',
      'decimal',
    );
    void l;
  };
  const receivers = [
    ...PARTIES.map((p, i) => ({ name: p as string, no: i + 1 })),
    ...ctx.model.municipalities.map((m) => ({ name: m.name, no: PARTIES.length + m.ref.index })),
  ];
  for (const kind of COST_KINDS) {
    header(`Osuudet ${kind} (€)`, kind);
    const kindCell = a1(row - 2, idCol, true);
    for (const rc of receivers) {
      g.value(row, idCol, rc.no, 'integer');
      g.formula(row, 0, `INDEX(${NAMES.receivers},${a1AbsCol(row, idCol)},1)`, rc.name, 'label');
      const values: CellValue[] = slots.map((s) =>
        s.alloc ? (s.alloc.totals[kind].get(rc.name) ?? ZERO).toNumber() : LABELS.notComputable,
      );
      slots.forEach((_s, i) => {
        const yr = a1AbsRow(row - 1 - receivers.indexOf(rc), 1 + i);
        const sum = (cents: string, recv: string, k: string, y: string) =>
          `SUMIFS(${cents},${recv},${a1AbsCol(row, idCol)},${k},${kindCell},${y},${yr})`;
        g.formula(
          row,
          1 + i,
          `IFERROR((${sum(NAMES.partyCents, NAMES.partyReceiver, NAMES.partyKind, NAMES.partySlot)}+${sum(NAMES.muniCents, NAMES.muniReceiver, NAMES.muniKind, NAMES.muniSlot)})/100,${notComputable})`,
          values[i],
          typeof values[i] === 'number' ? 'money' : 'note',
        );
      });
      changes(row, values);
      row += 1;
    }
    row += 1;
  }

  header('Mikä muutti osuuksia: syötteet vuosittain');
  const driverRow = (
    label: string,
    labelFormula: string | null,
    id: CellValue,
    formula: (i: number) => string,
    pick: (s: Slot) => number,
    style: 'money' | 'decimal' | 'integer',
  ) => {
    if (labelFormula) g.formula(row, 0, labelFormula, label, 'label');
    else g.value(row, 0, label, 'label');
    g.value(row, idCol, id, style === 'money' ? 'text' : 'integer');
    const values = slots.map(pick);
    slots.forEach((_, i) => g.formula(row, 1 + i, formula(i), values[i], style));
    changes(row, values);
    row += 1;
  };
  const slotOf = (i: number) => a1AbsRow(slotRow, 1 + i);
  const years = (i: number) => yearHeader(i);
  void years;
  const costTotal = (s: Slot, k: CostKind) =>
    s.model.costs
      .filter((c) => (c.year ?? ctx.model.settings.year) === s.year && c.kind === k)
      .reduce((a, c) => a.plus(c.amount), ZERO)
      .toNumber();
  for (const k of COST_KINDS) {
    driverRow(
      `Kustannukset ${k}`,
      null,
      k,
      (i) => `SUMIFS(${NAMES.costCents},${NAMES.costKind},${a1AbsCol(row, idCol)},${NAMES.costSlot},${slotOf(i)})/100`,
      (s) => costTotal(s, k),
      'money',
    );
  }
  (['TVA', 'HVA'] as const).forEach((p, pi) =>
    driverRow(
      `Henkilöstöavain ${p}`,
      null,
      pi + 1,
      (i) => `INDEX(${NAMES.staffKeys},${a1AbsCol(row, idCol)},${slotOf(i)})`,
      (s) => staffKeyByParty(s.model)[p].shown.toNumber(),
      'decimal',
    ),
  );
  PARTIES.forEach((p, pi) =>
    driverRow(
      `Ilmoittautuneet ${p} (koko vuosi)`,
      null,
      pi + 1,
      (i) => `INDEX(${NAMES.registrants},1,(${slotOf(i)}-1)*ROWS(${NAMES.parties})+${a1AbsCol(row, idCol)})`,
      (s) => countRegistrations(s.model).events.reduce((a, e) => a + e.byParty[p], 0),
      'integer',
    ),
  );
  ctx.model.municipalities.forEach((m) =>
    driverRow(
      `Kuntajaon avain: ${m.name}`,
      `"Kuntajaon avain: "&INDEX(${NAMES.municipalities},${a1AbsCol(row, idCol)})`,
      m.ref.index,
      (i) => `INDEX(${NAMES.muniKeys},${a1AbsCol(row, idCol)},${slotOf(i)})`,
      (s) => (municipalKey(s.model).get(m.name)?.shown ?? ZERO).toNumber(),
      'decimal',
    ),
  );
  g.width(0, 34);
  slots.forEach((_, i) => g.width(1 + i, 14));
  g.width(changeCol, 18);
  g.width(pctCol, 11);
  g.width(idCol, 8);
  return g.toSheet(SHEETS.comparison, {
    tabColor: 'FF7030A0',
    print: { title: 'TYM-kustannustenjako: vuosivertailu', landscape: true, fitToWidth: true, repeatRows: 4 },
  });
}
