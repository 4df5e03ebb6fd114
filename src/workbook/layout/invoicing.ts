/**
 * TYM_Laskutus: the budget year per receiver. TA share (TYM_Tulokset), what the receiver paid
 * itself, the net to invoice in advance installments (equal, exact to the cent, leftover cents to
 * the earliest), and with actual (TOT) lines the settlement = actual net − advances billed. Room for
 * 12 installments: those beyond TYM_ERIA are zero by formula, so a change of Laskutusjakso follows
 * live. The administrative employer's own share is never invoiced to itself.
 */
import { ZERO } from '../../domain/decimal';
import { computeInvoicing, type Invoicing, type ReceiverInvoice } from '../../domain/invoicing';
import { PARTIES } from '../../domain/types';
import { a1, a1AbsCol, a1AbsRow, onSheet, range } from '../formula';
import { Grid } from '../grid';
import type { SheetSpec } from '../sheetSpec';
import { orFalse } from './block';
import { allTrue, type Check } from './checks';
import { SHEETS, type Ctx } from './context';
import { NAMES } from './names';
import { masterBanner, resultsLayout } from './results';
import { MONTH_WORDS } from '../../domain/contract';

export const MAX_INSTALLMENTS = 12;
const KIND_ROW = 5;
const MONTH_ROW = 6;
const HEADER_ROW = 7;
export const INVOICE_FIRST = 8;

interface Cols {
  [k: string]: number;
}

/** The figures first (what is printed and read), the helper columns of the installments last. */
export function invoicingColumns(hasActual: boolean): Cols {
  return columns(hasActual);
}

function columns(hasActual: boolean): Cols {
  const c: Cols = { receiver: 0, no: 1, employer: 2, taShare: 3, taPaid: 4, taNet: 5, first: 6 };
  c.total = c.first + MAX_INSTALLMENTS;
  c.ok = c.total + 1;
  let next = c.ok + 1;
  if (hasActual) {
    Object.assign(c, { totShare: next, totPaid: next + 1, totNet: next + 2, billed: next + 3, settlement: next + 4 });
    next += 5;
  }
  Object.assign(c, { netCents: next, base: next + 1, extra: next + 2 });
  return c;
}

export function buildInvoicing(ctx: Ctx): { sheet: SheetSpec; checks: Check[] } {
  const model = ctx.model;
  const inv: Invoicing = computeInvoicing(model, ctx.alloc);
  const c = columns(inv.hasActual);
  const g = new Grid();
  const k = inv.dueMonths.length;
  g.value(0, 0, `TYM-kustannustenjako ${ctx.alloc.year}: laskutus (ennakot ja tasaus, €)`, 'title');
  masterBanner(g, 1, 0, c.taShare);
  g.value(
    2,
    0,
    'Hallinnollinen työnantaja maksaa yhteiset kustannukset ja laskuttaa muilta niiden osuuden ennakkoerinä (Laskutusjakso); omaa osuuttaan se ei laskuta itseltään. Tasaus = toteutunut netto − laskutetut ennakot (+ lasku, − hyvitys).',
    'note',
  );
  g.value(3, 0, 'Hallinnollinen työnantaja', 'label');
  g.formula(3, c.taShare, NAMES.employer, inv.employer, 'text');
  g.value(4, 0, 'Ennakkoeriä vuodessa', 'label');
  g.formula(4, c.taShare, NAMES.installments, k, 'integer');

  g.value(KIND_ROW, c.taShare, 'TA', 'header');
  g.value(KIND_ROW, c.taPaid, 'TA', 'header');
  g.value(KIND_ROW, c.first - 1, 'Erän nro →', 'label');
  g.value(MONTH_ROW, c.first - 1, 'Eräpäivän kuukausi →', 'label');
  for (let j = 0; j < MAX_INSTALLMENTS; j++) {
    const col = c.first + j;
    g.value(KIND_ROW, col, j + 1, 'integer');
    const nRef = a1AbsRow(KIND_ROW, col);
    g.formula(
      MONTH_ROW,
      col,
      `IF(${nRef}<=${NAMES.installments},INDEX(${NAMES.monthNames},1+(${nRef}-1)*ROWS(${NAMES.monthNames})/${NAMES.installments}),"")`,
      j < k ? MONTH_WORDS[inv.dueMonths[j] - 1] : '',
      'text',
    );
  }
  if (inv.hasActual) {
    g.value(KIND_ROW, c.totShare, 'TOT', 'header');
    g.value(KIND_ROW, c.totPaid, 'TOT', 'header');
  }
  const headers = ['Vastaanottaja', 'Nro', 'Työnantaja (1 = kyllä)', 'TA-osuus €', 'Itse maksettu (TA) €', 'Netto (TA) €'];
  for (let j = 0; j < MAX_INSTALLMENTS; j++) headers.push(`Erä ${j + 1} €`);
  headers.push('Ennakot yhteensä €', 'Erät täsmäävät');
  if (inv.hasActual)
    headers.push(
      'Toteutunut osuus (TOT) €',
      'Itse maksettu (TOT) €',
      'Netto (TOT) €',
      'Ennakot laskutettu €',
      'Tasaus (+ lasku / − hyvitys) €',
    );
  headers.push('Netto (snt)', 'Erän perusosa (snt)', 'Lisäsentit');
  g.headers(HEADER_ROW, 0, headers);

  const lay = resultsLayout(ctx);
  const paidOf = (row: number, kindCol: number) =>
    `SUMIFS(${NAMES.costCents},${NAMES.costPayer},${a1AbsCol(row, c.no)},${NAMES.costKind},${a1(KIND_ROW, kindCol, true)},${NAMES.costYear},${NAMES.year})/100`;
  const receiverNo = (r: ReceiverInvoice) => {
    const p = PARTIES.indexOf(r.receiver as never);
    return p >= 0 ? p + 1 : PARTIES.length + model.municipalities.find((m) => m.name === r.receiver)!.ref.index;
  };
  inv.receivers.forEach((r, i) => {
    const row = INVOICE_FIRST + i;
    const at = (key: string) => a1(row, c[key]);
    const no = receiverNo(r);
    g.value(row, c.no, no, 'integer');
    g.formula(row, c.receiver, `INDEX(${NAMES.receivers},${a1AbsCol(row, c.no)},1)`, r.receiver, 'label');
    g.formula(row, c.employer, `IF(${a1AbsCol(row, c.no)}=${NAMES.employerNo},1,0)`, r.isEmployer ? 1 : 0, 'integer');
    g.formula(row, c.taShare, onSheet(SHEETS.results, a1(lay.receiverRow(no), 2, true)), r.taShare.toNumber(), 'money');
    g.formula(row, c.taPaid, paidOf(row, c.taPaid), r.taPaid.toNumber(), 'money');
    g.formula(row, c.taNet, `${at('taShare')}-${at('taPaid')}`, r.taNet.toNumber(), 'money');
    const netCents = r.taNet.mul(100).toNumber();
    g.formula(row, c.netCents, `ROUND(${at('taNet')}*100,0)`, netCents, 'integer');
    const base = Math.floor(Math.abs(netCents) / k);
    g.formula(row, c.base, `INT(ABS(${at('netCents')})/${NAMES.installments})`, base, 'integer');
    g.formula(row, c.extra, `(ABS(${at('netCents')})-${NAMES.installments}*${at('base')})`, Math.abs(netCents) - k * base, 'integer');
    for (let j = 0; j < MAX_INSTALLMENTS; j++) {
      const col = c.first + j;
      const nRef = a1AbsRow(KIND_ROW, col);
      g.formula(
        row,
        col,
        `IF(${nRef}>${NAMES.installments},0,IF(${a1AbsCol(row, c.employer)}=1,0,SIGN(${a1AbsCol(row, c.netCents)})*(${a1AbsCol(row, c.base)}+IF(${nRef}<=${a1AbsCol(row, c.extra)},1,0))/100))`,
        j < k && !r.isEmployer ? r.advances[j].toNumber() : 0,
        'money',
      );
    }
    const advTotal = r.advances.reduce((a, x) => a.plus(x), ZERO);
    g.formula(row, c.total, `SUM(${a1(row, c.first)}:${a1(row, c.first + MAX_INSTALLMENTS - 1)})`, advTotal.toNumber(), 'money');
    g.formula(row, c.ok, orFalse(`IF(${at('employer')}=1,TRUE,ROUND(${at('total')}-${at('taNet')},2)=0)`), true, 'check');
    if (inv.hasActual && r.actual) {
      g.formula(row, c.totShare, onSheet(SHEETS.results, a1(lay.receiverRow(no), 3, true)), r.actual.share.toNumber(), 'money');
      g.formula(row, c.totPaid, paidOf(row, c.totPaid), r.actual.paid.toNumber(), 'money');
      g.formula(row, c.totNet, `${at('totShare')}-${at('totPaid')}`, r.actual.net.toNumber(), 'money');
      g.formula(row, c.billed, `IF(${at('employer')}=1,${at('taNet')},${at('total')})`, r.actual.advancesBilled.toNumber(), 'money');
      g.formula(row, c.settlement, `${at('totNet')}-${at('billed')}`, r.actual.settlement.toNumber(), 'money');
    }
  });

  const total = INVOICE_FIRST + inv.receivers.length;
  const last = total - 1;
  g.value(total, 0, 'Yhteensä', 'label');
  const money: [string, (r: ReceiverInvoice) => number][] = [
    ['taShare', (r) => r.taShare.toNumber()],
    ['taPaid', (r) => r.taPaid.toNumber()],
    ['taNet', (r) => r.taNet.toNumber()],
    ['total', (r) => r.advances.reduce((a, x) => a.plus(x), ZERO).toNumber()],
  ];
  for (let j = 0; j < MAX_INSTALLMENTS; j++) money.push([`inst${j}`, (r) => (j < r.advances.length ? r.advances[j].toNumber() : 0)]);
  if (inv.hasActual) {
    money.push(
      ['totShare', (r) => r.actual!.share.toNumber()],
      ['totPaid', (r) => r.actual!.paid.toNumber()],
      ['totNet', (r) => r.actual!.net.toNumber()],
    );
    money.push(['billed', (r) => r.actual!.advancesBilled.toNumber()], ['settlement', (r) => r.actual!.settlement.toNumber()]);
  }
  const sums = new Map<string, number>();
  for (const [key, pick] of money) {
    const col = key.startsWith('inst') ? c.first + Number(key.slice(4)) : c[key];
    const sum = inv.receivers.reduce((a, r) => a.plus(pick(r)), ZERO);
    g.formula(total, col, `SUM(${a1(INVOICE_FIRST, col)}:${a1(last, col)})`, sum.toNumber(), 'moneyTotal');
    sums.set(key, col);
  }
  const cell = (key: string) => onSheet(SHEETS.invoicing, a1(total, c[key], true));
  const checks: Check[] = [
    {
      label: 'TYM_Laskutus: TA-netot yhteensä = 0 (laskutettava = maksettu)',
      formula: `ROUND(${cell('taNet')},2)=0`,
      note: 'Osuudet yhteensä = itse maksetut yhteensä.',
    },
    {
      label: 'TYM_Laskutus: ennakkoerät yhteensä = netto jokaisella vastaanottajalla',
      formula: allTrue(onSheet(SHEETS.invoicing, range(INVOICE_FIRST, c.ok, last, c.ok))),
      note: 'Erät ovat yhtä suuret sentin tarkkuudella; ylijäävät sentit aikaisimmille erille.',
    },
  ];
  if (inv.hasActual)
    checks.push({
      label: 'TYM_Laskutus: tasaukset yhteensä = 0',
      formula: `ROUND(${cell('settlement')},2)=0`,
      note: 'Tasauslaskut ja hyvitykset kumoavat toisensa.',
    });

  [16, 5, 10, 13, 13, 13, ...Array.from({ length: MAX_INSTALLMENTS }, () => 11), 13, 9].forEach((w, i) => g.width(i, w));
  if (inv.hasActual) [13, 13, 13, 13, 14].forEach((w, i) => g.width(c.totShare + i, w));
  [13, 11, 8].forEach((w, i) => g.width(c.netCents + i, w));
  return {
    checks,
    sheet: g.toSheet(SHEETS.invoicing, {
      tabColor: 'FF548235',
      freeze: { rows: INVOICE_FIRST, columns: 1 },
      print: { title: `TYM-kustannustenjako ${ctx.alloc.year}: laskutus`, landscape: true, fitToWidth: true, repeatRows: INVOICE_FIRST },
    }),
  };
}
