/**
 * TYM_TA_avain (issue 12, docs/allocation-rules.md §9 "Before the year"): the key of the budget (TA) lines of pool b.
 * Per event, and for the whole year (lines with no event), the participant plan, the year's
 * registrations (TYM_Parametrit) and the previous year's registrations are counted side by side,
 * and the source in force is chosen by formula the way the engine chooses it: the plan when it has
 * participants, else the year's registrations, else the previous year's. TYM_Jako's key column of
 * the TA pool b groups reads the key from here, so a plan or a registration typed later moves the
 * split. Written when the year has a budget line of pool b.
 *
 * The previous year's registrations are counted on the rows of TYM_Rivit's registration block (same
 * order: grouped by event and person, table order within a group): a row counts when it is active
 * in the previous year and no earlier row of its group was, as the engine counts the first row.
 */
import type { Allocation } from '../../domain/allocate';
import { planOfYear, type PartyCounts, type PoolBSource } from '../../domain/budgetKey';
import { yearOfDay } from '../../domain/dates';
import { PARTIES, type InputModel, type PartyCode } from '../../domain/types';
import { a1, columnRef, onSheet, range, tableCell } from '../formula';
import { Grid } from '../grid';
import type { SheetSpec } from '../sheetSpec';
import type { CheckRow } from './checkRow';
import { eventCountRef } from './params';
import { registrationOrder } from './rows';
import { EVENTS_HEADER, REG_COL, ROWS_FIRST, SETTING_ROW, SHEETS, type Positions } from './positions';

/** Per-event block: the three sources side by side, the source chosen and the budget key. */
const E = { no: 0, name: 1, plan: 2, reg: 6, prev: 10, source: 14, sourceText: 15, key: 16 } as const;
const E_HEADER = 5;
/** The source words' columns (code, word), right of the events block. */
const SW_COL = 20;
const SOURCE_WORDS: [number, string][] = [
  [0, 'ei avainta'],
  [1, 'osallistujasuunnitelma'],
  [2, 'vuoden ilmoittautumiset'],
  [3, 'edellisen vuoden ilmoittautumiset'],
];
const SOURCE_CODE: Record<PoolBSource, number> = { plan: 1, registrations: 2, 'previous-year': 3 };

/** Plan rows (block A) and previous-year registration flags (block B), below the events block. */
const A = { n: 0, event: 1, org: 2, count: 3, yearOk: 4, key: 5 } as const;
const B = { active: 23, before: 24, counted: 25 } as const;

export function hasBudgetPoolB(alloc: Allocation): boolean {
  return alloc.groups.some((g) => g.kind === 'TA' && g.pool === 'b');
}

export interface BudgetKeyLayout {
  /** Row of an event (0 = the whole year) in the events block. */
  eventRow(eventNo: number): number;
  first: number;
}

export function budgetKeyLayout(pos: Positions): BudgetKeyLayout & { yearRow: number; rowsFirst: number } {
  const first = E_HEADER + 1;
  const yearRow = first + pos.events.length;
  return { first, yearRow, rowsFirst: yearRow + 5, eventRow: (no) => (no === 0 ? yearRow : first + no - 1) };
}

/** The budget key of a party for an event (0 = the year), sheet-qualified, for TYM_Jako. */
export function budgetKeyRef(pos: Positions, eventNo: number, party: PartyCode): string {
  return onSheet(SHEETS.budgetKey, a1(budgetKeyLayout(pos).eventRow(eventNo), E.key + PARTIES.indexOf(party), true));
}

const sum = (c: PartyCounts) => c.TVA + c.HVA + c.KELA;

export function buildBudgetKey(model: InputModel, alloc: Allocation, pos: Positions): SheetSpec {
  const g = new Grid();
  const year = model.settings.year;
  const lay = budgetKeyLayout(pos);
  const pb = alloc.poolB;
  g.value(0, 0, `TYM-kustannustenjako ${year}: kehittämispäivien avain talousarvioriveille (TA, pooli b)`, 'title');
  g.value(
    1,
    0,
    'Talousarvio tehdään ennen vuoden ilmoittautumisia: TA-rivit jaetaan osallistujasuunnitelman mukaan, sen puuttuessa vuoden ilmoittautumisten ja niidenkin puuttuessa edellisen vuoden ilmoittautumisten mukaan. Toteumarivit (TOT) jaetaan aina vuoden ilmoittautumisten mukaan.',
    'note',
  );
  g.value(2, 0, 'Edellinen vuosi', 'label');
  g.formula(2, 1, `${pos.setting(SETTING_ROW.year)}-1`, pb.previousYear, 'integer');
  const prevYear = a1(2, 1, true);
  // Source words (code 0-3) for the "source" column.
  g.headers(E_HEADER, SW_COL, ['Lähde (koodi)', 'Lähde']);
  SOURCE_WORDS.forEach(([code, word], i) => {
    g.value(E_HEADER + 1 + i, SW_COL, code, 'integer');
    g.value(E_HEADER + 1 + i, SW_COL + 1, word, 'text');
  });
  const sourceWords = range(E_HEADER + 1, SW_COL + 1, E_HEADER + SOURCE_WORDS.length, SW_COL + 1);

  // Events block.
  g.value(E_HEADER - 1, E.plan, 'Osallistujasuunnitelma', 'subtitle');
  g.value(E_HEADER - 1, E.reg, 'Vuoden ilmoittautuneet', 'subtitle');
  g.value(E_HEADER - 1, E.prev, 'Edellisen vuoden ilmoittautuneet', 'subtitle');
  g.value(E_HEADER - 1, E.key, 'TA-avain', 'subtitle');
  const triple = [...PARTIES, 'Yhteensä'];
  g.headers(E_HEADER, 0, ['Nro', 'Tilaisuus', ...triple, ...triple, ...triple, 'Lähde (koodi)', 'Lähde', ...PARTIES]);
  const partyHeader = (base: number, pi: number) => a1(E_HEADER, base + pi, true);

  const aRange = (c: number) => range(lay.rowsFirst, c, lay.rowsFirst + planRowCount(model) - 1, c);
  const bRange = (c: number) => range(ROWS_FIRST, c, ROWS_FIRST + pos.regRows - 1, c);
  const rivit = (c: number) => pos.rowsRange(c, pos.regRows);
  const rowsOf = [
    ...pos.events.map((e) => ({ no: e.no, name: e.name, key: e.eventKey as string | null })),
    { no: 0, name: 'Koko vuosi (rivit ilman tilaisuutta)', key: null },
  ];
  const countsOf = (src: { year: PartyCounts; byEvent: Map<string, PartyCounts> }, key: string | null): PartyCounts =>
    key === null ? src.year : (src.byEvent.get(key) ?? { TVA: 0, HVA: 0, KELA: 0 });
  for (const ev of rowsOf) {
    const row = lay.eventRow(ev.no);
    const at = (c: number) => a1(row, c);
    g.value(row, E.no, ev.no, 'integer');
    g.value(row, E.name, ev.name, ev.no === 0 ? 'label' : 'text');
    const plan = countsOf(pb.plan, ev.key);
    const reg = countsOf(pb.registrations, ev.key);
    const prev = countsOf(pb.previous, ev.key);
    PARTIES.forEach((p, pi) => {
      const planCrit = ev.no === 0 ? '' : `,${aRange(A.event)},${at(E.no)}`;
      g.formula(
        row,
        E.plan + pi,
        planRowCount(model) ? `SUMIFS(${aRange(A.key)},${aRange(A.org)},${partyHeader(E.plan, pi)}${planCrit})` : '0',
        plan[p],
        'integer',
      );
      g.formula(row, E.reg + pi, eventCountRef(pos, ev.no, p), reg[p], 'integer');
      const prevCrit = ev.no === 0 ? '' : `,${rivit(REG_COL.event)},${at(E.no)}`;
      g.formula(
        row,
        E.prev + pi,
        `COUNTIFS(${bRange(B.counted)},1,${rivit(REG_COL.org)},${partyHeader(E.prev, pi)}${prevCrit})`,
        prev[p],
        'integer',
      );
    });
    for (const [base, c] of [
      [E.plan, plan],
      [E.reg, reg],
      [E.prev, prev],
    ] as const) {
      g.formula(row, base + 3, `SUM(${at(base)}:${at(base + 2)})`, sum(c), 'integer');
    }
    const choice = pb.choose('TA', ev.key);
    const code = choice ? SOURCE_CODE[choice.source] : 0;
    g.formula(row, E.source, `IF(${at(E.plan + 3)}>0,1,IF(${at(E.reg + 3)}>0,2,IF(${at(E.prev + 3)}>0,3,0)))`, code, 'integer');
    g.formula(row, E.sourceText, `INDEX(${sourceWords},${at(E.source)}+1)`, SOURCE_WORDS[code][1], 'text');
    PARTIES.forEach((p, pi) => {
      g.formula(
        row,
        E.key + pi,
        `IF(${at(E.source)}=0,0,CHOOSE(${at(E.source)},${at(E.plan + pi)},${at(E.reg + pi)},${at(E.prev + pi)}))`,
        choice ? choice.counts[p] : 0,
        'integer',
      );
    });
  }

  planBlock(g, model, pos, lay.rowsFirst);
  previousYearBlock(g, model, alloc, pos, prevYear);

  [6, 34, 7, 7, 7, 9, 7, 7, 7, 9, 7, 7, 7, 9, 10, 30, 7, 7, 7, 2, 12, 30, 2, 12, 12, 10].forEach((w, i) => g.width(i, w));
  return g.toSheet(SHEETS.budgetKey, { tabColor: 'FF7F7F7F', freeze: { rows: E_HEADER + 1, columns: 0 } });
}

function planRowCount(model: InputModel): number {
  return model.tables.suunnitelma ? Math.max(1, model.tables.suunnitelma.rowCount) : 0;
}

/** Block A: one row per row of the plan table, normalised as the engine reads it. */
function planBlock(g: Grid, model: InputModel, pos: Positions, first: number): void {
  const t = model.tables.suunnitelma;
  g.value(first - 2, A.n, t ? `Osallistujasuunnitelma (${t.name})` : 'Osallistujasuunnitelma: ei taulukkoa työkirjassa', 'subtitle');
  if (!t) return;
  g.headers(first - 1, A.n, ['n', 'Tilaisuus nro', 'Organisaatio', 'Osallistujia', 'Vuosi täsmää', 'Avain']);
  const byIndex = new Map((model.plan ?? []).map((p) => [p.ref.index, p]));
  const ofYear = new Set(planOfYear(model));
  const eventNames = pos.events.length ? onSheet(SHEETS.params, range(EVENTS_HEADER + 1, 1, EVENTS_HEADER + pos.events.length, 1)) : null;
  for (let i = 0; i < planRowCount(model); i++) {
    const row = first + i;
    const n = a1(row, A.n, true);
    const at = (c: number) => a1(row, c);
    const p = byIndex.get(i + 1);
    g.value(row, A.n, i + 1, 'integer');
    const blank = (key: string) => `TRIM(${tableCell(t, key, n)})=""`;
    if (t.columns.event === undefined || eventNames === null) g.value(row, A.event, 0, 'integer');
    else
      g.formula(
        row,
        A.event,
        `IF(${blank('event')},0,MATCH(TRIM(${tableCell(t, 'event', n)}),${eventNames},0))`,
        p ? pos.eventNo(p.eventKey) : 0,
        'integer',
      );
    g.formula(
      row,
      A.org,
      `IF(${blank('organisation')},"",INDEX(${pos.words.org.codes},MATCH(TRIM(${tableCell(t, 'organisation', n)}),${pos.words.org.words},0)))`,
      p?.party ?? '',
      'text',
    );
    g.formula(row, A.count, `N(${tableCell(t, 'count', n)})`, p?.count ?? 0, 'integer');
    if (t.columns.year === undefined) g.value(row, A.yearOk, 1, 'integer');
    else
      g.formula(
        row,
        A.yearOk,
        `IF(${tableCell(t, 'year', n)}="",1,IF(${tableCell(t, 'year', n)}=${pos.setting(SETTING_ROW.year)},1,0))`,
        p ? (ofYear.has(p) ? 1 : 0) : 1,
        'integer',
      );
    g.formula(row, A.key, `${at(A.count)}*${at(A.yearOk)}`, p && ofYear.has(p) ? p.count : 0, 'integer');
  }
}

/**
 * Block B: the registrations of the previous year, three columns beside TYM_Rivit's registration
 * block (row r here is row r there: same table row n, event, organisation and "same as above").
 * A row counts when it is active in the previous year and no earlier row of its group was.
 */
function previousYearBlock(g: Grid, model: InputModel, alloc: Allocation, pos: Positions, prevYear: string): void {
  const t = model.tables.ilmoittautumiset;
  g.value(
    ROWS_FIRST - 2,
    B.active,
    'Edellisen vuoden ilmoittautumiset (rivi riviltä TYM_Rivit-välilehden ilmoittautumisten kanssa)',
    'subtitle',
  );
  g.headers(ROWS_FIRST - 1, B.active, ['Voimassa ed. vuonna', 'Voimassa ennen', 'Lasketaan']);
  const counted = alloc.poolB.previousCount.counted;
  const rowsCell = (row: number, col: number) => onSheet(SHEETS.rows, a1(row, col));
  const prevNo = alloc.poolB.previousYear;
  let before = 0;
  let prevActive = 0;
  const items = registrationOrder(model, pos);
  items.forEach((item, i) => {
    const row = ROWS_FIRST + i;
    const at = (c: number) => a1(row, c);
    const nRef = onSheet(SHEETS.rows, a1(row, REG_COL.n, true));
    const k = item.k;
    const r = k === null ? undefined : model.registrations[k];
    const status =
      t.columns.status === undefined
        ? '1'
        : `IF(TRIM(${tableCell(t, 'status', nRef)})="",1,INDEX(${pos.words.status.codes},MATCH(TRIM(${tableCell(t, 'status', nRef)}),${pos.words.status.words},0)))`;
    const inPrev =
      t.columns.date === undefined ? '0' : `IF(${tableCell(t, 'date', nRef)}="",0,IF(YEAR(${tableCell(t, 'date', nRef)})=${prevYear},1,0))`;
    const active = r && !r.cancelled && r.date !== null && yearOfDay(r.date) === prevNo ? 1 : 0;
    g.formula(row, B.active, `IF(${rowsCell(row, REG_COL.event)}=0,0,${status}*${inPrev})`, active, 'integer');
    const same = i > 0 && items[i - 1].eventNo === item.eventNo && items[i - 1].person === item.person;
    if (i === 0) {
      g.value(row, B.before, 0, 'integer');
      before = 0;
    } else {
      before = same ? before + prevActive : 0;
      g.formula(
        row,
        B.before,
        `IF(${rowsCell(row, REG_COL.same)}=1,${a1(row - 1, B.before)}+${a1(row - 1, B.active)},0)`,
        before,
        'integer',
      );
    }
    g.formula(row, B.counted, `IF(AND(${at(B.active)}=1,${at(B.before)}=0),1,0)`, k !== null && counted[k] ? 1 : 0, 'integer');
    prevActive = active;
  });
}

/** The checks of the budget key: every plan row is in the calculation (rows added after the run make it FALSE). */
export function budgetKeyChecks(model: InputModel, alloc: Allocation, pos: Positions): CheckRow[] {
  const t = model.tables.suunnitelma;
  if (!hasBudgetPoolB(alloc) || !t) return [];
  const first = budgetKeyLayout(pos).rowsFirst;
  return [
    {
      label: `${t.name}: kaikki taulukon rivit ovat laskennassa`,
      formula: `ROWS(${columnRef(t, 'organisation')})=COUNT(${onSheet(SHEETS.budgetKey, range(first, A.n, first + planRowCount(model) - 1, A.n))})`,
      note: 'Jos osallistujasuunnitelmaan on lisätty rivejä laskennan jälkeen, laske uudelleen.',
    },
  ];
}
