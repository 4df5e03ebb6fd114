/** TYM_Tulokset: the summary per receiver and kind, and the result table `Tulokset` (one row per group and receiver). */
import type { Allocation } from '../../domain/allocate';
import { ZERO } from '../../domain/decimal';
import { COST_KINDS, PARTIES, type InputModel } from '../../domain/types';
import { a1, onSheet } from '../formula';
import { Grid } from '../grid';
import type { SheetSpec } from '../sheetSpec';
import { MUNI_COL, municipalityRef } from './params';
import { SHEETS, SPLIT_COL, type Positions } from './positions';
import { eventLabel, type SplitRows } from './splits';

export const RESULT_TABLE = 'Tulokset';
export const RESULT_HEADERS = ['Laji', 'Pooli', 'Tilaisuus', 'Taso', 'Vastaanottaja', 'Avain', 'Osuus', 'Euroa'] as const;
export const LEVEL_PARTY = 'Osapuoli';
export const LEVEL_MUNICIPALITY = 'Kunta';
export const SUMMARY_HEADER_ROW = 4;

const col = (h: (typeof RESULT_HEADERS)[number]) => `${RESULT_TABLE}[${h}]`;

export interface ResultsLayout {
  tableHeaderRow: number;
  summaryFirst: number;
}

export function resultsLayout(model: InputModel): ResultsLayout {
  const receivers = PARTIES.length + model.municipalities.length;
  const summaryFirst = SUMMARY_HEADER_ROW + 1;
  return { summaryFirst, tableHeaderRow: summaryFirst + receivers + 2 + 3 };
}

export function buildResults(model: InputModel, alloc: Allocation, pos: Positions, rows: SplitRows): SheetSpec {
  const g = new Grid();
  const lay = resultsLayout(model);
  g.value(0, 0, `TYM-kustannustenjako ${alloc.year}: tulokset`, 'title');
  g.value(1, 0, 'Osuudet euroina (alv 0 %). Kaikki luvut ovat kaavoja, jotka johtavat syöttötaulukoihin laskentataulukoiden TYM_Jako ja TYM_Kuntajako kautta.', 'note');

  // Summary: receivers down, kinds across.
  g.value(SUMMARY_HEADER_ROW - 1, 0, 'Yhteenveto', 'subtitle');
  g.headers(SUMMARY_HEADER_ROW, 0, ['Vastaanottaja', 'Taso', ...COST_KINDS]);
  const receivers: { name: string; level: string; formula?: string }[] = [
    ...PARTIES.map((p) => ({ name: p as string, level: LEVEL_PARTY })),
    ...model.municipalities.map((m, i) => ({ name: m.name, level: LEVEL_MUNICIPALITY, formula: municipalityRef(pos, i, MUNI_COL.name) })),
  ];
  receivers.forEach((r, i) => {
    const row = lay.summaryFirst + i;
    if (r.formula) g.formula(row, 0, r.formula, r.name, 'label');
    else g.value(row, 0, r.name, 'label');
    g.value(row, 1, r.level, 'text');
    COST_KINDS.forEach((k, ki) => {
      g.formula(
        row,
        2 + ki,
        `SUMIFS(${col('Euroa')},${col('Vastaanottaja')},${a1(row, 0, true)},${col('Taso')},${a1(row, 1, true)},${col('Laji')},${a1(SUMMARY_HEADER_ROW, 2 + ki, true)})`,
        alloc.totals[k].get(r.name)!.toNumber(),
        'money',
      );
    });
  });
  const partiesLast = lay.summaryFirst + PARTIES.length - 1;
  const munisFirst = partiesLast + 1;
  const munisLast = lay.summaryFirst + receivers.length - 1;
  const totalRow = munisLast + 1;
  g.value(totalRow, 0, 'Osapuolet yhteensä', 'label');
  g.value(totalRow + 1, 0, 'Kunnat yhteensä (= TVA)', 'label');
  COST_KINDS.forEach((k, ki) => {
    const c = 2 + ki;
    const parties = PARTIES.reduce((a, p) => a.plus(alloc.totals[k].get(p)!), ZERO);
    g.formula(totalRow, c, `SUM(${a1(lay.summaryFirst, c)}:${a1(partiesLast, c)})`, parties.toNumber(), 'moneyTotal');
    g.formula(totalRow + 1, c, model.municipalities.length ? `SUM(${a1(munisFirst, c)}:${a1(munisLast, c)})` : '0', alloc.totals[k].get('TVA')!.toNumber(), 'moneyTotal');
  });

  // The result table.
  const h = lay.tableHeaderRow;
  g.value(h - 1, 0, `Taulukko ${RESULT_TABLE}: ryhmittäiset osuudet`, 'subtitle');
  g.headers(h, 0, [...RESULT_HEADERS]);
  let row = h + 1;
  alloc.groups.forEach((grp, gi) => {
    const write = (sheet: string, srcRow: number, level: string, receiver: { text: string; formula?: string }, key: number, fraction: number, amount: number) => {
      g.value(row, 0, grp.kind, 'text');
      g.value(row, 1, grp.pool, 'text');
      g.value(row, 2, eventLabel(grp), 'text');
      g.value(row, 3, level, 'text');
      if (receiver.formula) g.formula(row, 4, receiver.formula, receiver.text, 'text');
      else g.value(row, 4, receiver.text, 'text');
      g.formula(row, 5, onSheet(sheet, a1(srcRow, SPLIT_COL.key, true)), key, 'decimal');
      g.formula(row, 6, onSheet(sheet, a1(srcRow, SPLIT_COL.fraction, true)), fraction, 'fraction');
      g.formula(row, 7, onSheet(sheet, a1(srcRow, SPLIT_COL.share, true)), amount, 'money');
      row += 1;
    };
    grp.parties.parts.forEach((p, i) =>
      write(SHEETS.split, rows.partyFirst[gi] + i, LEVEL_PARTY, { text: p.receiver }, p.key.toNumber(), p.fraction.toNumber(), p.amount.toNumber()),
    );
    grp.municipalities.parts.forEach((p, i) =>
      write(
        SHEETS.municipal,
        rows.muniFirst[gi] + i,
        LEVEL_MUNICIPALITY,
        { text: p.receiver, formula: onSheet(SHEETS.municipal, a1(rows.muniFirst[gi] + i, SPLIT_COL.receiver, true)) },
        p.key.toNumber(),
        p.fraction.toNumber(),
        p.amount.toNumber(),
      ),
    );
  });
  const rowCount = row - h - 1;
  [22, 10, 30, 14, 16, 12, 13, 15].forEach((w, i) => g.width(i, w));
  return g.toSheet(SHEETS.results, {
    tabColor: 'FF548235',
    tables: [{ name: RESULT_TABLE, row: h, col: 0, headers: [...RESULT_HEADERS], rowCount }],
    print: { title: `TYM-kustannustenjako ${alloc.year}: tulokset`, landscape: true, fitToWidth: true },
  });
}
