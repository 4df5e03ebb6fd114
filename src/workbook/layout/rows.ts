/**
 * TYM_Rivit: one calculation row per input table row (FAST: one formula per column, the same all
 * the way down). Each row reads its input row with INDEX(Table[Column], n) and normalises it the
 * way the engine does. Personal names are read by the formulas but never written.
 */
import type { Allocation } from '../../domain/allocate';
import { daysInYear, daysInYearOverlap, excelSerialFromDay, yearEnd, yearStart } from '../../domain/dates';
import { payerReceiver } from '../../domain/invoicing';
import { excelTrim } from '../../domain/text';
import { registrationInYear, staffKey } from '../../domain/keys';
import type { InputModel, TableInfo } from '../../domain/types';
import { a1, onSheet, range, tableCell } from '../formula';
import { Grid } from '../grid';
import type { CellValue, SheetSpec } from '../sheetSpec';
import { muniNamesRange } from './params';
import { COST_COL, REG_COL, ROWS_FIRST, SETTING_ROW, SHEETS, STAFF_COL, EVENTS_HEADER, type Positions } from './positions';

export function buildRows(model: InputModel, alloc: Allocation, pos: Positions): SheetSpec {
  const g = new Grid();
  g.value(0, 0, `TYM-kustannustenjako ${model.settings.year}: syöttörivit laskentaa varten`, 'title');
  g.value(1, 0, 'Yksi rivi kutakin syöttötaulukon riviä kohden; sarakkeen n viittaa taulukon riviin. Nimiä ei kopioida tänne.', 'note');
  staffBlock(g, model, pos);
  registrationBlock(g, model, alloc, pos);
  costBlock(g, model, pos);
  [6, 12, 9, 16, 12, 8, 11, 11, 8, 10, 10, 2, 6, 12, 12, 9, 12, 14, 10, 2, 6, 7, 7, 12, 11, 13, 14].forEach((w, i) => g.width(i, w));
  return g.toSheet(SHEETS.rows, { tabColor: 'FF7F7F7F', freeze: { rows: ROWS_FIRST, columns: 0 } });
}

const ys = (pos: Positions) => pos.setting(SETTING_ROW.yearStart);
const ye = (pos: Positions) => pos.setting(SETTING_ROW.yearEnd);

/** TRIM(INDEX(Table[col], n)) = "" : the cell is blank or spaces. */
const blank = (t: TableInfo, key: string, n: string) => `TRIM(${tableCell(t, key, n)})=""`;

/** Maps a cell's word to its code through a word list on TYM_Parametrit. */
const lookup = (list: Positions['words']['org'], t: TableInfo, key: string, n: string) =>
  `INDEX(${list.codes},MATCH(TRIM(${tableCell(t, key, n)}),${list.words},0))`;

function eventNamesRange(pos: Positions): string | null {
  if (!pos.events.length) return null;
  return onSheet(SHEETS.params, range(EVENTS_HEADER + 1, 1, EVENTS_HEADER + pos.events.length, 1));
}

function staffBlock(g: Grid, model: InputModel, pos: Positions): void {
  const t = model.tables.henkilosto;
  const c = STAFF_COL;
  g.value(ROWS_FIRST - 2, 0, `Henkilöstö (${t.name})`, 'subtitle');
  g.headers(ROWS_FIRST - 1, 0, ['n', 'Organisaatio', 'Kunta nro', 'Yksikkö', 'Henkilömäärä', 'HTV', 'Alkaa', 'Päättyy', 'Päiviä', 'Avain', 'HTV vuodessa']);
  const byIndex = new Map(model.staff.map((m) => [m.ref.index, m]));
  const muniNo = new Map(model.municipalities.map((m, i) => [m.name, i + 1]));
  const muniNames = muniNamesRange(pos, model);
  const year = model.settings.year;
  for (let i = 0; i < pos.staffRows; i++) {
    const row = ROWS_FIRST + i;
    const n = a1(row, c.n, true);
    const m = byIndex.get(i + 1);
    const at = (col: number) => a1(row, col);
    g.value(row, c.n, i + 1, 'integer');
    g.formula(row, c.org, `IF(${blank(t, 'organisation', n)},"",${lookup(pos.words.org, t, 'organisation', n)})`, m?.party ?? '', 'text');
    const mNo = m?.municipality ? (muniNo.get(m.municipality) ?? 0) : 0;
    if (t.columns.municipality === undefined) g.value(row, c.muni, 0, 'integer');
    else g.formula(row, c.muni, `IF(${blank(t, 'municipality', n)},0,MATCH(TRIM(${tableCell(t, 'municipality', n)}),${muniNames},0))`, mNo, 'integer');
    if (t.columns.unit === undefined) g.value(row, c.unit, '', 'text');
    else g.formula(row, c.unit, `TRIM(${tableCell(t, 'unit', n)})`, m ? excelTrim(m.unit) : '', 'text');
    if (t.columns.headcount === undefined) g.value(row, c.headcount, 1, 'decimal');
    else g.formula(row, c.headcount, `IF(${tableCell(t, 'headcount', n)}="",1,${tableCell(t, 'headcount', n)})`, m ? m.headcount.toNumber() : 1, 'decimal');
    if (t.columns.fte === undefined) g.formula(row, c.fte, at(c.headcount), m ? m.fte.toNumber() : 1, 'decimal');
    else g.formula(row, c.fte, `IF(${tableCell(t, 'fte', n)}="",${at(c.headcount)},${tableCell(t, 'fte', n)})`, m ? m.fte.toNumber() : 1, 'decimal');
    const effStart = Math.max(m?.start ?? yearStart(year), yearStart(year));
    const effEnd = Math.min(m?.end ?? yearEnd(year), yearEnd(year));
    if (t.columns.start === undefined) g.formula(row, c.start, ys(pos), excelSerialFromDay(effStart), 'date');
    else g.formula(row, c.start, `IF(${tableCell(t, 'start', n)}="",${ys(pos)},MAX(INT(${tableCell(t, 'start', n)}),${ys(pos)}))`, excelSerialFromDay(effStart), 'date');
    if (t.columns.end === undefined) g.formula(row, c.end, ye(pos), excelSerialFromDay(effEnd), 'date');
    else g.formula(row, c.end, `IF(${tableCell(t, 'end', n)}="",${ye(pos)},MIN(INT(${tableCell(t, 'end', n)}),${ye(pos)}))`, excelSerialFromDay(effEnd), 'date');
    const days = m ? daysInYearOverlap(year, m.start, m.end) : effEnd - effStart + 1;
    g.formula(row, c.days, `MAX(0,${at(c.end)}-${at(c.start)}+1)`, days, 'integer');
    g.formula(
      row,
      c.key,
      `IF(${at(c.org)}="",0,IF(${at(c.days)}=0,0,CHOOSE(${pos.setting(SETTING_ROW.staffBasis, true)},${at(c.headcount)},${at(c.fte)},${at(c.fte)}*${at(c.days)}/${pos.setting(SETTING_ROW.daysInYear)})))`,
      m ? staffKey(model.settings, m).shown.toNumber() : 0,
      'decimal',
    );
    // FTE averaged over the year, for the staff sufficiency figures (contract section 6).
    g.formula(
      row,
      c.avgFte,
      `IF(${at(c.org)}="",0,${at(c.fte)}*${at(c.days)}/${pos.setting(SETTING_ROW.daysInYear)})`,
      m ? m.fte.mul(days).div(daysInYear(year)).toNumber() : 0,
      'decimal',
    );
  }
}

/**
 * Registrations are listed grouped by event and person (the engine's identity: Excel TRIM, any
 * case), in table order within a group, so a person's repeated rows for one event sit next to
 * each other. Each row then only compares itself with the row above: the same event and the same
 * trimmed name (Excel's "=" ignores case) continue the group, and a row counts when it is active
 * and no active row came before it in its group. That is one comparison per row: the
 * recalculation grows linearly with the registrations. The column n says which table row each
 * calculation row reads; rows are in a different order than the table, which is why n is shown.
 */
function registrationBlock(g: Grid, model: InputModel, alloc: Allocation, pos: Positions): void {
  const t = model.tables.ilmoittautumiset;
  const c = REG_COL;
  g.value(ROWS_FIRST - 2, c.n, `Ilmoittautumiset (${t.name}), ryhmiteltynä tilaisuuksittain ja henkilöittäin`, 'subtitle');
  g.headers(ROWS_FIRST - 1, c.n, ['n', 'Tilaisuus nro', 'Organisaatio', 'Voimassa', 'Sama kuin ed.', 'Voimassa ennen', 'Lasketaan']);
  const eventNames = eventNamesRange(pos);
  const year = model.settings.year;

  const items = registrationOrder(model, pos);

  let activeBefore = 0;
  items.forEach((item, i) => {
    const row = ROWS_FIRST + i;
    const n = a1(row, c.n, true);
    const at = (col: number) => a1(row, col);
    const above = (col: number) => a1(row - 1, col);
    const r = item.k === null ? undefined : model.registrations[item.k];
    g.value(row, c.n, item.n, 'integer');
    if (eventNames === null) g.value(row, c.event, 0, 'integer');
    else g.formula(row, c.event, `IF(${blank(t, 'event', n)},0,MATCH(TRIM(${tableCell(t, 'event', n)}),${eventNames},0))`, item.eventNo, 'integer');
    g.formula(row, c.org, `IF(${blank(t, 'organisation', n)},"",${lookup(pos.words.org, t, 'organisation', n)})`, r?.party ?? '', 'text');
    const status = t.columns.status === undefined ? '1' : `IF(${blank(t, 'status', n)},1,${lookup(pos.words.status, t, 'status', n)})`;
    const inYear =
      t.columns.date === undefined
        ? '1'
        : `IF(${tableCell(t, 'date', n)}="",1,IF(YEAR(${tableCell(t, 'date', n)})=${pos.setting(SETTING_ROW.year)},1,0))`;
    const active = r ? !r.cancelled && registrationInYear(year, r) : false;
    g.formula(row, c.active, `IF(${at(c.event)}=0,0,${status}*${inYear})`, active ? 1 : 0, 'integer');

    const prev = items[i - 1];
    const same = i > 0 && prev.eventNo === item.eventNo && prev.person === item.person;
    if (i === 0) {
      // The first row has no row above: it starts a group.
      g.value(row, c.same, 0, 'integer');
      g.value(row, c.activeBefore, 0, 'integer');
      activeBefore = 0;
    } else {
      const prevActive = prev.k !== null && !model.registrations[prev.k].cancelled && registrationInYear(year, model.registrations[prev.k]);
      activeBefore = same ? activeBefore + (prevActive ? 1 : 0) : 0;
      g.formula(
        row,
        c.same,
        `IF(AND(${at(c.event)}=${above(c.event)},TRIM(${tableCell(t, 'name', n)})=TRIM(${tableCell(t, 'name', a1(row - 1, c.n, true))})),1,0)`,
        same ? 1 : 0,
        'integer',
      );
      g.formula(row, c.activeBefore, `IF(${at(c.same)}=1,${above(c.activeBefore)}+${above(c.active)},0)`, activeBefore, 'integer');
    }
    g.formula(
      row,
      c.counted,
      `IF(AND(${at(c.active)}=1,${at(c.activeBefore)}=0),1,0)`,
      item.k !== null && alloc.registrations.counted[item.k] ? 1 : 0,
      'integer',
    );
  });
}

export interface RegistrationItem {
  /** Table row (1-based). */
  n: number;
  /** Index in model.registrations, or null for a blank table row. */
  k: number | null;
  eventNo: number;
  person: string;
}

/** Calculation order of the registration block: model rows sorted by (event, person, table row), then the table's blank rows. */
export function registrationOrder(model: InputModel, pos: Positions): RegistrationItem[] {
  const items: RegistrationItem[] = model.registrations.map((r, k) => ({ n: r.ref.index, k, eventNo: pos.eventNo(r.eventKey), person: r.personKey }));
  items.sort((a, b) => a.eventNo - b.eventNo || (a.person < b.person ? -1 : a.person > b.person ? 1 : 0) || a.n - b.n);
  const used = new Set(items.map((x) => x.n));
  for (let n = 1; n <= pos.regRows; n++) if (!used.has(n)) items.push({ n, k: null, eventNo: 0, person: '' });
  return items;
}

function costBlock(g: Grid, model: InputModel, pos: Positions): void {
  const t = model.tables.kustannukset;
  const c = COST_COL;
  g.value(ROWS_FIRST - 2, c.n, `Kustannukset (${t.name})`, 'subtitle');
  g.headers(ROWS_FIRST - 1, c.n, ['n', 'Laji', 'Pooli', 'Tilaisuus nro', 'Vuosi täsmää', 'Summa', 'Maksaja']);
  const employer = pos.setting(SETTING_ROW.employer, true);
  const muniNames = muniNamesRange(pos, model);
  const byIndex = new Map(model.costs.map((l) => [l.ref.index, l]));
  const eventNames = eventNamesRange(pos);
  for (let i = 0; i < pos.costRows; i++) {
    const row = ROWS_FIRST + i;
    const n = a1(row, c.n, true);
    const at = (col: number) => a1(row, col);
    const l = byIndex.get(i + 1);
    g.value(row, c.n, i + 1, 'integer');
    g.formula(row, c.kind, `IF(${blank(t, 'kind', n)},"",${lookup(pos.words.kind, t, 'kind', n)})`, l?.kind ?? '', 'text');
    g.formula(row, c.pool, `IF(${blank(t, 'pool', n)},"",${lookup(pos.words.pool, t, 'pool', n)})`, l?.pool ?? '', 'text');
    if (t.columns.event === undefined || eventNames === null) g.value(row, c.event, 0, 'integer');
    else g.formula(row, c.event, `IF(${blank(t, 'event', n)},0,MATCH(TRIM(${tableCell(t, 'event', n)}),${eventNames},0))`, l ? pos.eventNo(l.eventKey) : 0, 'integer');
    const yearOk = l ? l.year === null || l.year === model.settings.year : true;
    if (t.columns.year === undefined) g.value(row, c.yearOk, 1, 'integer');
    else g.formula(row, c.yearOk, `IF(${tableCell(t, 'year', n)}="",1,IF(${tableCell(t, 'year', n)}=${pos.setting(SETTING_ROW.year)},1,0))`, yearOk ? 1 : 0, 'integer');
    const amount: CellValue = l && yearOk ? l.amount.toNumber() : 0;
    g.formula(row, c.amount, `IF(${at(c.yearOk)}=1,N(${tableCell(t, 'amount', n)}),0)`, amount, 'money');
    // Who paid: a municipality by name, HVA or KELA; blank or TVA = the administrative employer.
    const payer = l ? payerReceiver(model, l.payer) : model.settings.employer;
    if (t.columns.payer === undefined) g.formula(row, c.payer, employer, payer, 'text');
    else {
      const p = `TRIM(${tableCell(t, 'payer', n)})`;
      const party = `INDEX(${pos.words.org.codes},MATCH(${p},${pos.words.org.words},0))`;
      g.formula(
        row,
        c.payer,
        `IF(${p}="",${employer},IF(ISNUMBER(MATCH(${p},${muniNames},0)),INDEX(${muniNames},MATCH(${p},${muniNames},0)),IF(${party}="TVA",${employer},${party})))`,
        payer,
        'text',
      );
    }
  }
}
