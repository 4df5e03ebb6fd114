/**
 * TYM_Jako (level 1: each group's amount over TVA, HVA, KELA) and TYM_Kuntajako (level 2: TVA's
 * rounded share over the municipalities). Every step of the largest-remainder method has its own
 * column so an auditor can follow it: exact share, floor to cents, remainder, leftover cents, rank.
 */
import type { Allocation, AllocationGroup } from '../../domain/allocate';
import type { SplitPart } from '../../domain/largestRemainder';
import type { InputModel, PartyCode } from '../../domain/types';
import { PARTIES } from '../../domain/types';
import { a1, onSheet } from '../formula';
import { Grid } from '../grid';
import type { SheetSpec } from '../sheetSpec';
import { budgetKeyRef } from './budgetKey';
import { eventCountRef, MUNI_COL, municipalityRef, staffKeyRef } from './params';
import { COST_COL, SETTING_ROW, SHEETS, SPLIT_COL, SPLIT_FIRST, type Positions } from './positions';

const S = SPLIT_COL;

export const SPLIT_HEADERS = [
  'Ryhmä',
  'Laji',
  'Pooli',
  'Tilaisuus nro',
  'Tilaisuus',
  'Vastaanottaja',
  'Jaettava summa',
  'Avain',
  'Osuus',
  'Tarkka osuus',
  'Alaspäin senteiksi',
  'Jäännös',
  'Jaettavat sentit',
  'Sija',
  'Osuus €',
  'Ryhmä täsmää',
  'Sentin sisällä',
];

export function eventLabel(g: AllocationGroup): string {
  if (g.pool !== 'b') return '';
  return g.event ?? 'ei tilaisuutta: koko vuoden ilmoittautuneet';
}

/** Where each group's rows are: first row of the level-1 block and of the level-2 block. */
export interface SplitRows {
  partyFirst: number[];
  muniFirst: number[];
}

export function splitRows(model: InputModel, alloc: Allocation): SplitRows {
  const m = model.municipalities.length;
  return {
    partyFirst: alloc.groups.map((_, i) => SPLIT_FIRST + i * PARTIES.length),
    muniFirst: alloc.groups.map((_, i) => SPLIT_FIRST + i * m),
  };
}

/** The largest-remainder columns J..Q of one row, given the group's rows [first, last]. */
function remainderColumns(g: Grid, row: number, first: number, last: number, part: SplitPart, leftover: number): void {
  const at = (col: number) => a1(row, col);
  const grp = (col: number) => `${a1(first, col, true)}:${a1(last, col, true)}`;
  g.formula(row, S.exact, `ABS(${at(S.amount)})*${at(S.fraction)}`, part.exact.toNumber(), 'fraction');
  g.formula(row, S.floor, `ROUNDDOWN(ROUND(${at(S.exact)},9),2)`, part.floor.toNumber(), 'money');
  g.formula(row, S.remainder, `ROUND(${at(S.exact)}-${at(S.floor)},9)`, part.remainder.toNumber(), 'fraction');
  g.formula(row, S.leftover, `ROUND((ABS(${at(S.amount)})-SUM(${grp(S.floor)}))*100,0)`, leftover, 'integer');
  g.formula(
    row,
    S.rank,
    `SUMPRODUCT(--(${grp(S.remainder)}>${at(S.remainder)}))+SUMPRODUCT(--(${a1(first, S.remainder, true)}:${at(S.remainder)}=${at(S.remainder)}))`,
    part.rank,
    'integer',
  );
  g.formula(row, S.share, `SIGN(${at(S.amount)})*ROUND(${at(S.floor)}+IF(${at(S.rank)}<=${at(S.leftover)},0.01,0),2)`, part.amount.toNumber(), 'money');
  g.formula(row, S.groupOk, `ROUND(SUM(${grp(S.share)})-${at(S.amount)},2)=0`, true, 'check');
  g.formula(row, S.withinCent, `ABS(ABS(${at(S.share)})-${at(S.exact)})<0.01`, true, 'check');
}

function groupLabels(g: Grid, row: number, no: number, grp: AllocationGroup, pos: Positions): void {
  g.value(row, S.group, no, 'integer');
  g.value(row, S.kind, grp.kind, 'text');
  g.value(row, S.pool, grp.pool, 'text');
  g.value(row, S.eventNo, pos.eventNo(grp.eventKey), 'integer');
  g.value(row, S.event, eventLabel(grp), 'text');
}

function header(g: Grid, title: string, note: string): void {
  g.value(0, 0, title, 'title');
  g.value(1, 0, note, 'note');
  g.headers(SPLIT_FIRST - 1, 0, SPLIT_HEADERS);
}

function widths(g: Grid): void {
  [7, 5, 6, 8, 28, 14, 15, 10, 12, 16, 15, 13, 9, 6, 15, 9, 9].forEach((w, i) => g.width(i, w));
}

// The model is unused here, but every sheet builder takes (model, alloc, pos, rows) alike.
export function buildPartySplit(_model: InputModel, alloc: Allocation, pos: Positions, rows: SplitRows): SheetSpec {
  const g = new Grid();
  header(
    g,
    `TYM-kustannustenjako ${alloc.year}: jako osapuolille (sopimuksen 9 §, liite 6)`,
    'Pooli a ja muu: TVA ja HVA henkilöstön suhteessa (tai sovitulla prosentilla), Kela asetetulla prosentilla. Pooli b: kehittämispäiville ilmoittautuneiden suhteessa. Pyöristys senteiksi suurimman jäännöksen menetelmällä; tasatilanteessa ensin lueteltu.',
  );
  const kela = pos.setting(SETTING_ROW.kelaPct);
  const agreed = pos.setting(SETTING_ROW.agreedTvaPct);
  const flag = pos.setting(SETTING_ROW.agreedTvaPct, true);
  const tvaKey = staffKeyRef('TVA');
  const hvaKey = staffKeyRef('HVA');
  const amountRange = pos.rowsRange(COST_COL.amount, pos.costRows);
  const kindRange = pos.rowsRange(COST_COL.kind, pos.costRows);
  const poolRange = pos.rowsRange(COST_COL.pool, pos.costRows);
  const eventRange = pos.rowsRange(COST_COL.event, pos.costRows);
  alloc.groups.forEach((grp, gi) => {
    const first = rows.partyFirst[gi];
    const last = first + PARTIES.length - 1;
    const eventNo = pos.eventNo(grp.eventKey);
    grp.parties.parts.forEach((part, pi) => {
      const party = PARTIES[pi] as PartyCode;
      const row = first + pi;
      const at = (col: number) => a1(row, col);
      groupLabels(g, row, gi + 1, grp, pos);
      g.value(row, S.receiver, party, 'text');
      g.formula(
        row,
        S.amount,
        `SUMIFS(${amountRange},${kindRange},${a1(row, S.kind, true)},${poolRange},${a1(row, S.pool, true)},${eventRange},${a1(row, S.eventNo, true)})`,
        grp.amount.toNumber(),
        'money',
      );
      if (grp.pool === 'b') {
        // Budget lines of pool b take the budget-time key (plan, registrations or last year's; issue 12).
        g.formula(row, S.key, grp.kind === 'TA' ? budgetKeyRef(pos, eventNo, party) : eventCountRef(pos, eventNo, party), part.key.toNumber(), 'decimal');
        g.formula(row, S.fraction, `${at(S.key)}/SUM(${a1(first, S.key, true)}:${a1(last, S.key, true)})`, part.fraction.toNumber(), 'fraction');
      } else if (party === 'KELA') {
        g.formula(row, S.key, kela, part.key.toNumber(), 'decimal');
        g.formula(row, S.fraction, `${kela}/100`, part.fraction.toNumber(), 'fraction');
      } else {
        const own = party === 'TVA' ? tvaKey : hvaKey;
        const agreedPart = party === 'TVA' ? agreed : `(100-${agreed})`;
        g.formula(row, S.key, `IF(${flag}=1,${agreedPart},${own})`, part.key.toNumber(), 'decimal');
        g.formula(
          row,
          S.fraction,
          `(100-${kela})/100*IF(${flag}=1,${agreedPart}/100,${own}/(${tvaKey}+${hvaKey}))`,
          part.fraction.toNumber(),
          'fraction',
        );
      }
      remainderColumns(g, row, first, last, part, grp.parties.leftoverCents);
    });
  });
  widths(g);
  return g.toSheet(SHEETS.split, { tabColor: 'FF2F75B5', freeze: { rows: SPLIT_FIRST, columns: 0 }, print: { title: `TYM-kustannustenjako ${alloc.year}: jako osapuolille`, landscape: true, fitToWidth: true } });
}

export function buildMunicipalSplit(model: InputModel, alloc: Allocation, pos: Positions, rows: SplitRows): SheetSpec {
  const g = new Grid();
  header(
    g,
    `TYM-kustannustenjako ${alloc.year}: TVA:n osuuden jako kunnille`,
    'Kunkin ryhmän TVA-osuus (TYM_Jako) jaetaan kunnille Asetusten kuntajaon perusteella. Pyöristys senteiksi suurimman jäännöksen menetelmällä; tasatilanteessa Kunnat-taulukossa ensin oleva kunta.',
  );
  const n = model.municipalities.length;
  alloc.groups.forEach((grp, gi) => {
    const first = rows.muniFirst[gi];
    const last = first + n - 1;
    const tvaShare = onSheet(SHEETS.split, a1(rows.partyFirst[gi], S.share, true));
    grp.municipalities.parts.forEach((part, mi) => {
      const row = first + mi;
      const at = (col: number) => a1(row, col);
      groupLabels(g, row, gi + 1, grp, pos);
      g.formula(row, S.receiver, municipalityRef(pos, mi, MUNI_COL.name), part.receiver, 'text');
      g.formula(row, S.amount, tvaShare, grp.municipalities.total.toNumber(), 'money');
      g.formula(row, S.key, municipalityRef(pos, mi, MUNI_COL.key), part.key.toNumber(), 'decimal');
      g.formula(row, S.fraction, `${at(S.key)}/SUM(${a1(first, S.key, true)}:${a1(last, S.key, true)})`, part.fraction.toNumber(), 'fraction');
      remainderColumns(g, row, first, last, part, grp.municipalities.leftoverCents);
    });
  });
  widths(g);
  return g.toSheet(SHEETS.municipal, { tabColor: 'FF2F75B5', freeze: { rows: SPLIT_FIRST, columns: 0 }, print: { title: `TYM-kustannustenjako ${alloc.year}: kuntajako`, landscape: true, fitToWidth: true } });
}
