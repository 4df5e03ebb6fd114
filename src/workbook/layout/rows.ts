/**
 * TYM_Rivit: one calculation row per input table row (FAST: one formula per column, the same all
 * the way down). Staff and cost rows are in table order (row i reads table row i, so sorting those
 * tables changes nothing); registrations are in a frozen grouped order (regRows.ts). Each row reads
 * its input row with INDEX(Table[Column], n), normalises it the way the engine does, and says
 * whether the engine would accept it ("Kelpaa"). Personal names are read but never copied.
 */
import { daysInYear, excelSerialFromDay } from '../../domain/dates';
import { ORGANISATION_WORDS } from '../../domain/contract';
import { identityKey } from '../../domain/text';
import { payerReceiver } from '../../domain/invoicing';
import { scaledUnits } from '../../domain/exactRange';
import { staffKey, staffDays } from '../../domain/keys';
import { PARTIES } from '../../domain/types';
import { tableCell } from '../formula';
import { Grid } from '../grid';
import type { NameSpec, SheetSpec } from '../sheetSpec';
import { Block, orFalse } from './block';
import { KIND_CODE, POOL_CODE, SHEETS, type Ctx } from './context';
import { NAMES } from './names';
import { registrationBlock } from './regRows';
import { blankCell, blankRow, HEADER, matchExact, ROWS_FIRST, SLOT_ROW, slotHeader, slotRef, trimmed } from './cells';
import { fourDecimals, wordCode } from './settings';
import { masterBanner } from './results';

export { ROWS_FIRST } from './cells';

export function buildRows(ctx: Ctx): SheetSpec {
  const g = new Grid();
  g.value(0, 0, `TYM-kustannustenjako ${ctx.model.settings.year}: syöttörivit laskentaa varten`, 'title');
  g.value(1, 0, 'Yksi rivi kutakin syöttötaulukon riviä kohden; n on taulukon rivi. "Kelpaa" = laskenta hyväksyy rivin. Nimiä ei kopioida tänne. Rivi "Vuosi nro" kertoo vuosisarakkeiden vuoden (TYM_VUODET).', 'note');
  masterBanner(g, 3, 0, 6);
  const staff = staffBlock(g, ctx);
  const reg = registrationBlock(g, ctx, staff.nextCol + 1, { header: HEADER, slotRow: SLOT_ROW });
  const cost = costBlock(g, ctx, reg.nextCol + 1);
  return g.toSheet(SHEETS.rows, { tabColor: 'FF7F7F7F', freeze: { rows: ROWS_FIRST, columns: 0 }, names: [...staff.names, ...reg.names, ...cost.names] });
}

function staffBlock(g: Grid, ctx: Ctx): { nextCol: number; names: NameSpec[] } {
  const t = ctx.model.tables.henkilosto;
  const S = ctx.slots.length;
  const per = (key: string, header: string, name: string) => ctx.slots.map((s, i) => ({ key: `${key}${s.no}`, header: `${header} ${s.year}`, ...(i === 0 ? { name, span: S } : {}) }));
  const b = new Block(SHEETS.rows, HEADER, 0, [
    { key: 'n', header: 'n', width: 6 },
    { key: 'blank', header: 'Tyhjä rivi', width: 7 },
    { key: 'party', header: 'Osapuoli nro', name: NAMES.staffParty, width: 8 },
    { key: 'muniText', header: 'Kunta', width: 12 },
    { key: 'muni', header: 'Kunta nro', name: NAMES.staffMuni, width: 7 },
    { key: 'unit', header: 'Yksikkö', name: NAMES.staffUnit, width: 18 },
    { key: 'headcount', header: 'Henkilömäärä', name: NAMES.staffHeadcount, width: 9 },
    { key: 'fte', header: 'HTV', name: NAMES.staffFte, width: 7 },
    { key: 'start', header: 'Alkaa', width: 10 },
    { key: 'end', header: 'Päättyy', width: 10 },
    { key: 'amounts', header: 'Määrät kelpaavat', width: 8 },
    { key: 'numbers', header: 'Luvut kelpaavat', width: 8 },
    { key: 'ok', header: 'Kelpaa', name: NAMES.staffOk, width: 7 },
    ...per('days', 'Päiviä', NAMES.staffDays),
    ...per('key', 'Avain', NAMES.staffKey),
    ...per('units', 'Yksiköt', NAMES.staffUnits),
    { key: 'avgFte', header: 'HTV vuodessa', name: NAMES.staffAvgFte, width: 9 },
    { key: 'listed', header: 'Yksikkö listalla', name: NAMES.staffListed, width: 8 },
  ], ctx.staffRows);
  g.value(HEADER - 2, 0, `Henkilöstö (${t.name})`, 'subtitle');
  g.value(SLOT_ROW, b.c('ok'), 'Vuosi nro →', 'note');
  slotHeader(g, b, ['days', 'key', 'units'], ctx);
  b.header(g);
  const byIndex = new Map(ctx.model.staff.map((m) => [m.ref.index, m]));
  const muniRow = new Map(ctx.model.municipalities.map((m) => [m.name, m.ref.index]));
  const has = (k: string) => t.columns[k] !== undefined;
  const cell = (k: string, n: string) => tableCell(t, k, n);
  for (let i = 0; i < ctx.staffRows; i++) {
    const r = b.row(i);
    const n = b.col('n', r);
    const m = byIndex.get(i + 1);
    const at = (k: string) => b.at(k, r);
    g.value(r, b.c('n'), i + 1, 'integer');
    g.formula(r, b.c('blank'), blankRow(t, n), !m, 'text');
    g.formula(r, b.c('party'), `IF(${blankCell(t, 'organisation', n)},0,${wordCode('ORG', `TRIM(${cell('organisation', n)})`)})`, m ? PARTIES.indexOf(m.party) + 1 : 0, 'integer');
    if (has('municipality')) g.formula(r, b.c('muniText'), `TRIM(${cell('municipality', n)})`, trimmed(ctx.raw('henkilosto', i + 1, 'municipality')), 'text');
    else g.value(r, b.c('muniText'), '', 'text');
    g.formula(r, b.c('muni'), `IF(${at('muniText')}="",0,${matchExact(at('muniText'), NAMES.municipalities)})`, m?.municipality ? (muniRow.get(m.municipality) ?? 0) : 0, 'integer');
    if (has('unit')) g.formula(r, b.c('unit'), `TRIM(${cell('unit', n)})`, m ? m.unit : '', 'text');
    else g.value(r, b.c('unit'), '', 'text');
    if (has('headcount')) g.formula(r, b.c('headcount'), `IF(${blankCell(t, 'headcount', n)},1,${cell('headcount', n)})`, m ? m.headcount.toNumber() : 1, 'decimal');
    else g.value(r, b.c('headcount'), 1, 'decimal');
    if (has('fte')) g.formula(r, b.c('fte'), `IF(${blankCell(t, 'fte', n)},${at('headcount')},${cell('fte', n)})`, m ? m.fte.toNumber() : 1, 'decimal');
    else g.formula(r, b.c('fte'), at('headcount'), m ? m.fte.toNumber() : 1, 'decimal');
    const date = (key: 'start' | 'end', v: number | null | undefined) => {
      if (has(key)) g.formula(r, b.c(key), `IF(${blankCell(t, key, n)},"",INT(${cell(key, n)}))`, v === null || v === undefined ? '' : excelSerialFromDay(v), 'date');
      else g.value(r, b.c(key), '', 'date');
    };
    date('start', m?.start);
    date('end', m?.end);
    const nonNeg = (k: string) => `AND(ISNUMBER(${at(k)}),${at(k)}>=0,${fourDecimals(at(k))})`;
    const dateOk = (k: string) => `OR(${at(k)}="",ISNUMBER(${at(k)}))`;
    g.formula(r, b.c('amounts'), orFalse(`AND(${nonNeg('headcount')},${nonNeg('fte')})`), true, 'check');
    g.formula(r, b.c('numbers'), orFalse(`AND(${at('amounts')},${dateOk('start')},${dateOk('end')},OR(${at('start')}="",${at('end')}="",${at('end')}>=${at('start')}))`), true, 'check');
    const needsMuni = has('municipality') ? `NOT(AND(${NAMES.municipalBasis}=3,${at('party')}=1,${at('muniText')}=""))` : 'TRUE';
    g.formula(r, b.c('ok'), orFalse(`IF(${at('blank')},TRUE,AND(${at('party')}>0,ISNUMBER(${at('muni')}),${at('numbers')},${needsMuni}))`), true, 'check');
    ctx.slots.forEach((slot) => {
      const s = slot.no;
      const yEnd = `INDEX(${NAMES.yearEnd},${slotRef(b, `days${s}`)})`;
      const yStart = `INDEX(${NAMES.yearStart},${slotRef(b, `days${s}`)})`;
      const days = m ? staffDays(slot.model.settings, m) : 0;
      g.formula(
        r,
        b.c(`days${s}`),
        `IF(${at('party')}=0,0,MAX(0,IF(${at('end')}="",${yEnd},MIN(${at('end')},${yEnd}))-IF(${at('start')}="",${yStart},MAX(${at('start')},${yStart}))+1))`,
        days,
        'integer',
      );
      const d = at(`days${s}`);
      g.formula(
        r,
        b.c(`key${s}`),
        `IF(${d}=0,0,CHOOSE(${NAMES.staffBasis},${at('headcount')},${at('fte')},${at('fte')}*${d}/INDEX(${NAMES.yearDays},${slotRef(b, `key${s}`)})))`,
        m ? staffKey(slot.model.settings, m).shown.toNumber() : 0,
        'decimal',
      );
      const sc = (x: string) => `ROUND(${x}*${NAMES.keyScale},0)`;
      g.formula(r, b.c(`units${s}`), `IF(${d}=0,0,CHOOSE(${NAMES.staffBasis},${sc(at('headcount'))},${sc(at('fte'))},${sc(at('fte'))}*${d}))`, m ? Number(scaledUnits(slot.model, m)) : 0, 'integer');
    });
    const cur = ctx.slots[0];
    const days = m ? staffDays(cur.model.settings, m) : 0;
    g.formula(r, b.c('avgFte'), `IF(${at('days1')}=0,0,${at('fte')}*${at('days1')}/INDEX(${NAMES.yearDays},${slotRef(b, 'days1')}))`, m && days > 0 ? m.fte.mul(days).div(daysInYear(cur.year)).toNumber() : 0, 'decimal');
    g.formula(r, b.c('listed'), orFalse(`OR(${at('party')}=0,SUMPRODUCT((${NAMES.unitParty}=${at('party')})*(${NAMES.unitName}=${at('unit')}))=1)`), true, 'check');
  }
  return { nextCol: b.c('listed') + 1, names: b.names() };
}

function costBlock(g: Grid, ctx: Ctx, col0: number): { names: NameSpec[] } {
  const t = ctx.model.tables.kustannukset;
  const b = new Block(SHEETS.rows, HEADER, col0, [
    { key: 'n', header: 'n', width: 6 },
    { key: 'blank', header: 'Tyhjä rivi', width: 7 },
    { key: 'kindNo', header: 'Laji nro', width: 6 },
    { key: 'kind', header: 'Laji', name: NAMES.costKind, width: 6 },
    { key: 'poolNo', header: 'Pooli nro', width: 6 },
    { key: 'eventText', header: 'Tilaisuus', width: 18 },
    { key: 'eventNo', header: 'Tilaisuus nro', width: 8 },
    { key: 'year', header: 'Vuosi', name: NAMES.costYear, width: 7 },
    { key: 'slot', header: 'Vuosi nro', name: NAMES.costSlot, width: 6 },
    { key: 'amount', header: 'Summa €', width: 13 },
    { key: 'cents', header: 'Sentit', name: NAMES.costCents, width: 14 },
    { key: 'payerText', header: 'Maksaja', width: 12 },
    { key: 'payerMuni', header: 'Maksajakunta nro', width: 8 },
    { key: 'payerParty', header: 'Maksajaosapuoli nro', width: 8 },
    { key: 'payer', header: 'Maksaja nro', name: NAMES.costPayer, width: 8 },
    { key: 'group', header: 'Ryhmä', name: NAMES.costGroup, width: 7 },
    { key: 'cells', header: 'Solut kelpaavat', width: 8 },
    { key: 'ok', header: 'Kelpaa', name: NAMES.costOk, width: 7 },
  ], ctx.costRows);
  g.value(HEADER - 2, col0, `Kustannukset (${t.name})`, 'subtitle');
  b.header(g);
  const byIndex = new Map(ctx.model.costs.map((l) => [l.ref.index, l]));
  const groupOf = new Map<number, number>();
  for (const grp of ctx.groups) for (const l of grp.lines) groupOf.set(l.ref.index, grp.no);
  const has = (k: string) => t.columns[k] !== undefined;
  const cell = (k: string, n: string) => tableCell(t, k, n);
  const receiverNo = (name: string) => {
    const p = PARTIES.indexOf(name as never);
    if (p >= 0) return p + 1;
    const m = ctx.model.municipalities.find((x) => x.name === name);
    return m ? PARTIES.length + m.ref.index : 0;
  };
  for (let i = 0; i < ctx.costRows; i++) {
    const r = b.row(i);
    const n = b.col('n', r);
    const l = byIndex.get(i + 1);
    const at = (k: string) => b.at(k, r);
    g.value(r, b.c('n'), i + 1, 'integer');
    g.formula(r, b.c('blank'), blankRow(t, n), !l, 'text');
    g.formula(r, b.c('kindNo'), `IF(${blankCell(t, 'kind', n)},0,${wordCode('LAJI', `TRIM(${cell('kind', n)})`)})`, l ? KIND_CODE[l.kind] : 0, 'integer');
    g.formula(r, b.c('kind'), `IF(${at('kindNo')}=0,"",INDEX(${NAMES.words('LAJI')},MATCH(${at('kindNo')},${NAMES.codes('LAJI')},0)))`, l ? l.kind : '', 'text');
    g.formula(r, b.c('poolNo'), `IF(${blankCell(t, 'pool', n)},0,${wordCode('POOLI', `TRIM(${cell('pool', n)})`)})`, l ? POOL_CODE[l.pool] : 0, 'integer');
    if (has('event')) g.formula(r, b.c('eventText'), `TRIM(${cell('event', n)})`, trimmed(ctx.raw('kustannukset', i + 1, 'event')), 'text');
    else g.value(r, b.c('eventText'), '', 'text');
    const evNo = l?.eventKey ? (ctx.events.find((e) => e.eventKey === l.eventKey)?.no ?? 0) : 0;
    g.formula(r, b.c('eventNo'), `IF(${at('eventText')}="",0,${matchExact(at('eventText'), NAMES.events)})`, evNo, 'integer');
    const year = l ? (l.year ?? ctx.model.settings.year) : ctx.model.settings.year;
    if (has('year')) g.formula(r, b.c('year'), `IF(${blankCell(t, 'year', n)},${NAMES.year},${cell('year', n)})`, year, 'integer');
    else g.formula(r, b.c('year'), NAMES.year, year, 'integer');
    g.formula(r, b.c('slot'), `IF(${at('blank')},0,MATCH(${at('year')},${NAMES.years},0))`, l ? (ctx.slots.find((s) => s.year === year)?.no ?? 0) : 0, 'integer');
    g.formula(r, b.c('amount'), `IF(${blankCell(t, 'amount', n)},0,${cell('amount', n)})`, l ? l.amount.toNumber() : 0, 'money');
    g.formula(r, b.c('cents'), `ROUND(${at('amount')}*100,0)`, l ? l.amount.mul(100).toNumber() : 0, 'integer');
    if (has('payer')) g.formula(r, b.c('payerText'), `TRIM(${cell('payer', n)})`, trimmed(ctx.raw('kustannukset', i + 1, 'payer')), 'text');
    else g.value(r, b.c('payerText'), '', 'text');
    const payer = l ? payerReceiver(ctx.model, l.payer) : ctx.model.settings.employer;
    const written = trimmed(ctx.raw('kustannukset', i + 1, 'payer'));
    const muni = ctx.model.municipalities.find((m) => identityKey(m.name) === identityKey(written));
    g.formula(r, b.c('payerMuni'), `IF(${at('payerText')}="",0,IFERROR(${matchExact(at('payerText'), NAMES.municipalities)},0))`, written && muni ? muni.ref.index : 0, 'integer');
    const word = ORGANISATION_WORDS.find(([w]) => identityKey(w) === identityKey(written));
    g.formula(r, b.c('payerParty'), `IF(${at('payerText')}="",0,${wordCode('ORG', at('payerText'))})`, written && word ? PARTIES.indexOf(word[1]) + 1 : 0, 'integer');
    g.formula(
      r,
      b.c('payer'),
      `IF(${at('blank')},0,IF(${at('payerText')}="",${NAMES.employerNo},IF(${at('payerMuni')}>0,ROWS(${NAMES.parties})+${at('payerMuni')},IF(${at('payerParty')}=1,${NAMES.employerNo},IF(${at('payerParty')}>0,${at('payerParty')},NA())))))`,
      l ? receiverNo(payer) : 0,
      'integer',
    );
    g.formula(r, b.c('group'), `IF(${at('blank')},0,MATCH(${at('slot')}&"|"&${at('kindNo')}&"|"&${at('poolNo')}&"|"&${at('eventNo')},${NAMES.groupKey},0))`, l ? (groupOf.get(i + 1) ?? 0) : 0, 'integer');
    const eventOnlyB = `OR(${at('poolNo')}=${POOL_CODE.b},${at('eventText')}="")`;
    g.formula(
      r,
      b.c('cells'),
      orFalse(`IF(${at('blank')},TRUE,AND(${at('kindNo')}>0,${at('poolNo')}>0,ISNUMBER(${at('amount')}),ABS(${at('amount')}*100-${at('cents')})<0.05,ABS(${at('cents')})<${NAMES.limit},${eventOnlyB}))`),
      true,
      'check',
    );
    g.formula(r, b.c('ok'), orFalse(`IF(${at('blank')},TRUE,AND(${at('cells')},ISNUMBER(${at('eventNo')}),ISNUMBER(${at('slot')}),ISNUMBER(${at('payer')}),ISNUMBER(${at('group')})))`), true, 'check');
  }
  return { names: b.names() };
}

