/**
 * TYM_Tulokset: the master check on top, the summary per receiver and kind (from the splits, in
 * cents), and the result table `Tulokset` (one row per group and receiver of the budget year, every
 * cell a link to its source row on TYM_Jako / TYM_Kuntajako). Beside both, a column that says
 * whether the row still equals its source: a relabelled or overwritten cell turns the master check FALSE.
 */
import { ZERO } from '../../domain/decimal';
import { COST_KINDS, PARTIES } from '../../domain/types';
import { a1, onSheet, range } from '../formula';
import { Grid } from '../grid';
import type { SheetSpec } from '../sheetSpec';
import { orFalse, type Block } from './block';
import { SHEETS, type Ctx } from './context';
import { NAMES } from './names';
import { LABELS } from './settings';

export const RESULT_TABLE = 'Tulokset';
export const RESULT_HEADERS = ['Laji', 'Pooli', 'Tilaisuus', 'Taso', 'Vastaanottaja', 'Avain', 'Osuus', 'Euroa'] as const;
export const LEVEL_PARTY = LABELS.party;
export const LEVEL_MUNICIPALITY = LABELS.municipality;
export const SUMMARY_HEADER_ROW = 4;

/** The master check shown at the top of an output sheet (conditional format: green TRUE, red FALSE). */
export function masterBanner(g: Grid, row: number, col: number, valueCol = col + 1): void {
  g.value(row, col, 'Tarkistukset kunnossa (TYM_TARKISTUS)', 'label');
  g.formula(row, valueCol, NAMES.master, true, 'check');
}

export interface ResultsLayout {
  summaryFirst: number;
  summaryRows: number;
  tableHeaderRow: number;
  /** Absolute ranges (sheet-qualified) of the summary's check column and the table's check column. */
  summaryOk: string;
  tableOk: string;
  /** Sheet-qualified cells of the totals rows per kind: parties total and municipalities total. */
  partiesTotal: (kind: number) => string;
  munisTotal: (kind: number) => string;
  receiverRow: (receiverNo: number) => number;
  /** Sheet-qualified summary cell of a receiver and kind, and the kind's header cell. */
  receiverCell: (receiverNo: number, kind: number) => string;
  kindHeader: (kind: number) => string;
}

/** Summary columns: name, level, one per kind, a check per kind, the receiver number, then per kind its cents at each level. */
const K = COST_KINDS.length;
const SUM_COL = { name: 0, level: 1, firstKind: 2, ok: 2 + K, no: 2 + 2 * K, parties: 3 + 2 * K, munis: 3 + 3 * K } as const;

export function resultsLayout(ctx: Ctx): ResultsLayout {
  const summaryFirst = SUMMARY_HEADER_ROW + 1;
  const summaryRows = PARTIES.length + ctx.model.municipalities.length;
  const totalRow = summaryFirst + summaryRows;
  const tableHeaderRow = totalRow + 4;
  const current = ctx.groups.filter((g) => g.slot.no === 1);
  const tableRows = current.length * (PARTIES.length + ctx.model.municipalities.length);
  const checkCol = RESULT_HEADERS.length + 1;
  const receiverNos = [...PARTIES.map((_, i) => i + 1), ...ctx.model.municipalities.map((m) => PARTIES.length + m.ref.index)];
  return {
    summaryFirst,
    summaryRows,
    tableHeaderRow,
    summaryOk: onSheet(SHEETS.results, range(summaryFirst, SUM_COL.ok, totalRow - 1, SUM_COL.ok + K - 1)),
    tableOk: onSheet(SHEETS.results, range(tableHeaderRow + 1, checkCol, tableHeaderRow + Math.max(1, tableRows), checkCol + 1)),
    partiesTotal: (k) => onSheet(SHEETS.results, a1(totalRow, SUM_COL.firstKind + k, true)),
    munisTotal: (k) => onSheet(SHEETS.results, a1(totalRow + 1, SUM_COL.firstKind + k, true)),
    receiverRow: (no) => summaryFirst + receiverNos.indexOf(no),
    receiverCell: (no, k) => onSheet(SHEETS.results, a1(summaryFirst + receiverNos.indexOf(no), SUM_COL.firstKind + k, true)),
    kindHeader: (k) => onSheet(SHEETS.results, a1(SUMMARY_HEADER_ROW, SUM_COL.firstKind + k, true)),
  };
}

export function buildResults(ctx: Ctx, split: Block, municipal: Block): SheetSpec {
  const g = new Grid();
  const lay = resultsLayout(ctx);
  const alloc = ctx.alloc;
  g.value(0, 0, `TYM-kustannustenjako ${alloc.year}: tulokset`, 'title');
  masterBanner(g, 1, 0);
  g.value(
    2,
    0,
    'Osuudet euroina (alv 0 %). Kaikki luvut ovat kaavoja, jotka johtavat syöttötaulukoihin laskentataulukoiden TYM_Jako ja TYM_Kuntajako kautta. Jos TYM_TARKISTUS on EPÄTOSI, katso TYM_Tarkistukset ja laske uudelleen.',
    'note',
  );

  g.value(SUMMARY_HEADER_ROW - 1, 0, 'Yhteenveto (€)', 'subtitle');
  g.headers(SUMMARY_HEADER_ROW, 0, [
    'Vastaanottaja',
    'Taso',
    ...COST_KINDS,
    ...COST_KINDS.map((k) => `${k} täsmää Tulokset-taulukkoon`),
    'Vastaanottaja nro',
    ...COST_KINDS.map((k) => `${k} osapuolena (snt)`),
    ...COST_KINDS.map((k) => `${k} kuntana (snt)`),
  ]);
  const receivers = [
    ...PARTIES.map((p, i) => ({ name: p as string, level: LEVEL_PARTY, no: i + 1 })),
    ...ctx.model.municipalities.map((m) => ({ name: m.name, level: LEVEL_MUNICIPALITY, no: PARTIES.length + m.ref.index })),
  ];
  const tCol = (h: (typeof RESULT_HEADERS)[number]) => `${RESULT_TABLE}[${h}]`;
  receivers.forEach((rc, i) => {
    const row = lay.summaryFirst + i;
    const no = a1(row, SUM_COL.no, false).replace(/^([A-Z]+)/, '$$$1');
    g.value(row, SUM_COL.no, rc.no, 'integer');
    g.formula(row, SUM_COL.name, `INDEX(${NAMES.receivers},${no},1)`, rc.name, 'label');
    g.formula(row, SUM_COL.level, `INDEX(${NAMES.receivers},${no},2)`, rc.level, 'text');
    COST_KINDS.forEach((k, ki) => {
      const c = SUM_COL.firstKind + ki;
      const kindRef = a1(SUMMARY_HEADER_ROW, c).replace(/(\d+)$/, '$$$1');
      const cents = (alloc.totals[k].get(rc.name) ?? ZERO).mul(100).toNumber();
      const isParty = rc.no <= PARTIES.length;
      const sumOf = (sheetCents: string, sheetRecv: string, sheetKind: string, sheetYear: string) =>
        `SUMIFS(${sheetCents},${sheetRecv},${no},${sheetKind},${kindRef},${sheetYear},${NAMES.year})`;
      g.formula(
        row,
        SUM_COL.parties + ki,
        sumOf(NAMES.partyCents, NAMES.partyReceiver, NAMES.partyKind, NAMES.partySlot),
        isParty ? cents : 0,
        'integer',
      );
      g.formula(
        row,
        SUM_COL.munis + ki,
        sumOf(NAMES.muniCents, NAMES.muniReceiver, NAMES.muniKind, NAMES.muniSlot),
        isParty ? 0 : cents,
        'integer',
      );
      g.formula(row, c, `(${a1(row, SUM_COL.parties + ki)}+${a1(row, SUM_COL.munis + ki)})/100`, cents / 100, 'money');
      g.formula(
        row,
        SUM_COL.ok + ki,
        orFalse(
          `ROUND(SUMIFS(${tCol('Euroa')},${tCol('Vastaanottaja')},$A${row + 1},${tCol('Taso')},$B${row + 1},${tCol('Laji')},${kindRef})-${a1(row, c)},2)=0`,
        ),
        true,
        'check',
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
    const c = SUM_COL.firstKind + ki;
    const parties = PARTIES.reduce((a, p) => a.plus(alloc.totals[k].get(p)!), ZERO);
    g.formula(totalRow, c, `SUM(${a1(lay.summaryFirst, c)}:${a1(partiesLast, c)})`, parties.toNumber(), 'moneyTotal');
    g.formula(
      totalRow + 1,
      c,
      ctx.model.municipalities.length ? `SUM(${a1(munisFirst, c)}:${a1(munisLast, c)})` : '0',
      alloc.totals[k].get('TVA')!.toNumber(),
      'moneyTotal',
    );
  });

  // The result table: the budget year's groups, parties then municipalities, each cell a link.
  const h = lay.tableHeaderRow;
  const checkCol = RESULT_HEADERS.length + 1;
  g.value(h - 1, 0, `Taulukko ${RESULT_TABLE}: ryhmittäiset osuudet (€)`, 'subtitle');
  g.headers(h, 0, [...RESULT_HEADERS]);
  g.value(h, checkCol, 'Tunnisteet täsmäävät', 'header');
  g.value(h, checkCol + 1, 'Luvut täsmäävät', 'header');
  let row = h + 1;
  for (const grp of ctx.groups.filter((x) => x.slot.no === 1)) {
    const write = (b: Block, srcRow: number, parts: { receiver: string; key: number; fraction: number; cents: number }, level: string) => {
      const src = (k: string) => onSheet(b.sheet, a1(srcRow, b.c(k), true));
      const links: [string, string, string | number][] = [
        ['Laji', src('kind'), grp.kind],
        ['Pooli', src('pool'), grp.pool],
        ['Tilaisuus', src('event'), grp.pool !== 'b' ? '' : grp.eventNo === 0 ? LABELS.noEvent : ctx.events[grp.eventNo - 1].name],
        ['Taso', `INDEX(${NAMES.receivers},${src('no')},2)`, level],
        ['Vastaanottaja', src('receiver'), parts.receiver],
        ['Avain', src('key'), parts.key],
        ['Osuus', src('osuus'), parts.fraction],
        ['Euroa', src('share'), parts.cents / 100],
      ];
      links.forEach(([hdr, f, v], i) =>
        g.formula(row, i, f, v, hdr === 'Euroa' ? 'money' : hdr === 'Osuus' ? 'fraction' : hdr === 'Avain' ? 'decimal' : 'text'),
      );
      const same = (from: number, to: number) =>
        orFalse(
          `AND(${links
            .slice(from, to)
            .map(([, f], i) => `${a1(row, from + i)}=${f}`)
            .join(',')})`,
        );
      g.formula(row, checkCol, same(0, 5), true, 'check');
      g.formula(row, checkCol + 1, same(5, 8), true, 'check');
      row += 1;
    };
    grp.split!.parties.parts.forEach((p, i) =>
      write(
        split,
        grp.partyFirst + i,
        { receiver: p.receiver, key: p.key.toNumber(), fraction: p.fraction.toNumber(), cents: p.amount.mul(100).toNumber() },
        LEVEL_PARTY,
      ),
    );
    grp.split!.municipalities.parts.forEach((p, i) =>
      write(
        municipal,
        grp.muniFirst + i,
        { receiver: p.receiver, key: p.key.toNumber(), fraction: p.fraction.toNumber(), cents: p.amount.mul(100).toNumber() },
        LEVEL_MUNICIPALITY,
      ),
    );
  }
  const rowCount = row - h - 1;
  [24, 10, 30, 14, 16, 12, 13, 15, 3, 12, 12].forEach((w, i) => g.width(i, w));
  return g.toSheet(SHEETS.results, {
    tabColor: 'FF548235',
    tables: [{ name: RESULT_TABLE, row: h, col: 0, headers: [...RESULT_HEADERS], rowCount }],
    print: { title: `TYM-kustannustenjako ${alloc.year}: tulokset`, landscape: true, fitToWidth: true, repeatRows: SUMMARY_HEADER_ROW + 1 },
  });
}
