/**
 * TYM_Laskutus: the budget year per receiver (issue 4). TA share, what the receiver paid itself,
 * the net to invoice in advance installments (equal, exact to the cent, leftover cents to the
 * earliest), and with actual (TOT) lines the settlement = actual net - advances billed.
 * The administrative employer's own share is never invoiced to itself.
 */
import type { Allocation } from '../../domain/allocate';
import { ZERO } from '../../domain/decimal';
import { computeInvoicing, type Invoicing } from '../../domain/invoicing';
import type { InputModel } from '../../domain/types';
import { a1, a1AbsCol, a1AbsRow, onSheet, range } from '../formula';
import { Grid } from '../grid';
import type { SheetSpec } from '../sheetSpec';
import { MUNI_COL, municipalityRef } from './params';
import { COST_COL, SETTING_ROW, SHEETS, type Positions } from './positions';
import { RESULT_TABLE } from './results';

export const MONTHS_FI = ['tammikuu', 'helmikuu', 'maaliskuu', 'huhtikuu', 'toukokuu', 'kesäkuu', 'heinäkuu', 'elokuu', 'syyskuu', 'lokakuu', 'marraskuu', 'joulukuu'];

export const INVOICE_KIND_ROW = 4;
export const INVOICE_HEADER_ROW = 5;
export const INVOICE_FIRST = 6;

export interface InvoiceColumns {
  receiver: number;
  employer: number;
  taShare: number;
  taPaid: number;
  taNet: number;
  firstInstallment: number;
  advancesTotal: number;
  installmentsOk: number;
  totShare?: number;
  totPaid?: number;
  totNet?: number;
  advancesBilled?: number;
  settlement?: number;
  last: number;
}

export function invoiceColumns(inv: Invoicing): InvoiceColumns {
  const k = inv.dueMonths.length;
  const firstInstallment = 5;
  const advancesTotal = firstInstallment + k;
  const installmentsOk = advancesTotal + 1;
  const base = { receiver: 0, employer: 1, taShare: 2, taPaid: 3, taNet: 4, firstInstallment, advancesTotal, installmentsOk };
  if (!inv.hasActual) return { ...base, last: installmentsOk };
  const t = installmentsOk + 1;
  return { ...base, totShare: t, totPaid: t + 1, totNet: t + 2, advancesBilled: t + 3, settlement: t + 4, last: t + 4 };
}

export function invoiceTotalRow(model: InputModel): number {
  return INVOICE_FIRST + model.municipalities.length + 2;
}

export function buildInvoicing(model: InputModel, alloc: Allocation, pos: Positions): { sheet: SheetSpec; invoicing: Invoicing } {
  const inv = computeInvoicing(model, alloc);
  const col = invoiceColumns(inv);
  const g = new Grid();
  const k = inv.dueMonths.length;
  g.value(0, 0, `TYM-kustannustenjako ${alloc.year}: laskutus (ennakot ja tasaus)`, 'title');
  g.value(
    1,
    0,
    `Hallinnollinen työnantaja maksaa yhteiset kustannukset ja laskuttaa muilta niiden osuuden ${k === 1 ? 'yhtenä ennakkona' : `${k} ennakkoerässä`}; omaa osuuttaan se ei laskuta itseltään. Tasaus = toteutunut netto − laskutetut ennakot (+ lasku, − hyvitys).`,
    'note',
  );
  g.value(2, 0, 'Hallinnollinen työnantaja', 'label');
  g.formula(2, 2, pos.setting(SETTING_ROW.employer, true), inv.employer, 'text');
  g.value(3, 0, 'Ennakkoeriä vuodessa', 'label');
  g.formula(3, 2, pos.setting(SETTING_ROW.billingPeriod, true), k, 'integer');
  const empRef = a1(2, 2, true);
  const kRef = a1(3, 2, true);

  g.value(INVOICE_KIND_ROW, col.taShare, 'TA', 'header');
  g.value(INVOICE_KIND_ROW, col.taPaid, 'TA', 'header');
  g.value(INVOICE_KIND_ROW, col.firstInstallment - 1, 'Erän nro →', 'label');
  for (let i = 0; i < k; i++) g.value(INVOICE_KIND_ROW, col.firstInstallment + i, i + 1, 'integer');
  if (inv.hasActual) {
    g.value(INVOICE_KIND_ROW, col.totShare!, 'TOT', 'header');
    g.value(INVOICE_KIND_ROW, col.totPaid!, 'TOT', 'header');
  }
  const headers = ['Vastaanottaja', 'Työnantaja (1 = kyllä)', 'TA-osuus', 'Itse maksettu (TA)', 'Netto (TA)'];
  for (let i = 0; i < k; i++) headers.push(`Erä ${i + 1} (${MONTHS_FI[inv.dueMonths[i] - 1]})`);
  headers.push('Ennakot yhteensä', 'Erät täsmäävät');
  if (inv.hasActual) headers.push('Toteutunut osuus (TOT)', 'Itse maksettu (TOT)', 'Netto (TOT)', 'Ennakot laskutettu', 'Tasaus (+ lasku / − hyvitys)');
  g.headers(INVOICE_HEADER_ROW, 0, headers);

  const euros = `${RESULT_TABLE}[Euroa]`;
  const amount = pos.rowsRange(COST_COL.amount, pos.costRows);
  const kind = pos.rowsRange(COST_COL.kind, pos.costRows);
  const payer = pos.rowsRange(COST_COL.payer, pos.costRows);
  const firstInst = (row: number) => a1(row, col.firstInstallment);
  const lastInst = (row: number) => a1(row, col.firstInstallment + k - 1);

  inv.receivers.forEach((r, i) => {
    const row = INVOICE_FIRST + i;
    const at = (c: number) => a1(row, c);
    const muniIndex = model.municipalities.findIndex((m) => m.name === r.receiver);
    if (muniIndex >= 0) g.formula(row, col.receiver, municipalityRef(pos, muniIndex, MUNI_COL.name), r.receiver, 'label');
    else g.value(row, col.receiver, r.receiver, 'label');
    g.formula(row, col.employer, `IF(${at(col.receiver)}=${empRef},1,0)`, r.isEmployer ? 1 : 0, 'integer');
    const share = (c: number, kindRow: string, expected: number) =>
      g.formula(row, c, `SUMIFS(${euros},${RESULT_TABLE}[Vastaanottaja],${a1(row, col.receiver, true)},${RESULT_TABLE}[Laji],${kindRow})`, expected, 'money');
    const paid = (c: number, kindRow: string, expected: number) =>
      g.formula(row, c, `SUMIFS(${amount},${kind},${kindRow},${payer},${a1(row, col.receiver, true)})`, expected, 'money');
    share(col.taShare, a1(INVOICE_KIND_ROW, col.taShare, true), r.taShare.toNumber());
    paid(col.taPaid, a1(INVOICE_KIND_ROW, col.taPaid, true), r.taPaid.toNumber());
    g.formula(row, col.taNet, `${at(col.taShare)}-${at(col.taPaid)}`, r.taNet.toNumber(), 'money');
    const net = a1AbsCol(row, col.taNet);
    const base = `ROUNDDOWN(ROUND(ABS(${net})/${kRef},9),2)`;
    for (let j = 0; j < k; j++) {
      const c = col.firstInstallment + j;
      const nRef = a1AbsRow(INVOICE_KIND_ROW, c);
      g.formula(
        row,
        c,
        `IF(${a1AbsCol(row, col.employer)}=1,0,SIGN(${net})*(${base}+IF(${nRef}<=ROUND((ABS(${net})-${kRef}*${base})*100,0),0.01,0)))`,
        r.isEmployer ? 0 : r.advances[j].toNumber(),
        'money',
      );
    }
    const advTotal = r.advances.reduce((a, x) => a.plus(x), ZERO);
    g.formula(row, col.advancesTotal, `SUM(${firstInst(row)}:${lastInst(row)})`, advTotal.toNumber(), 'money');
    g.formula(row, col.installmentsOk, `IF(${at(col.employer)}=1,TRUE,ROUND(${at(col.advancesTotal)}-${at(col.taNet)},2)=0)`, true, 'check');
    if (inv.hasActual && r.actual) {
      share(col.totShare!, a1(INVOICE_KIND_ROW, col.totShare!, true), r.actual.share.toNumber());
      paid(col.totPaid!, a1(INVOICE_KIND_ROW, col.totPaid!, true), r.actual.paid.toNumber());
      g.formula(row, col.totNet!, `${at(col.totShare!)}-${at(col.totPaid!)}`, r.actual.net.toNumber(), 'money');
      g.formula(row, col.advancesBilled!, `IF(${at(col.employer)}=1,${at(col.taNet)},${at(col.advancesTotal)})`, r.actual.advancesBilled.toNumber(), 'money');
      g.formula(row, col.settlement!, `${at(col.totNet!)}-${at(col.advancesBilled!)}`, r.actual.settlement.toNumber(), 'money');
    }
  });

  const total = invoiceTotalRow(model);
  const firstRow = INVOICE_FIRST;
  const lastRow = INVOICE_FIRST + inv.receivers.length - 1;
  g.value(total, 0, 'Yhteensä', 'label');
  const sumCols = [col.taShare, col.taPaid, col.taNet, ...Array.from({ length: k }, (_, j) => col.firstInstallment + j), col.advancesTotal];
  if (inv.hasActual) sumCols.push(col.totShare!, col.totPaid!, col.totNet!, col.advancesBilled!, col.settlement!);
  const sumOf = (c: number) => inv.receivers.reduce((a, r) => a.plus(valueAt(r, c, col, k)), ZERO);
  for (const c of sumCols) g.formula(total, c, `SUM(${a1(firstRow, c)}:${a1(lastRow, c)})`, sumOf(c).toNumber(), 'moneyTotal');

  const widths = [16, 11, 13, 13, 13, ...Array.from({ length: k }, () => 12), 13, 9, 14, 13, 13, 13, 16];
  widths.forEach((w, i) => g.width(i, w));
  return {
    invoicing: inv,
    sheet: g.toSheet(SHEETS.invoicing, {
      tabColor: 'FF548235',
      freeze: { rows: INVOICE_FIRST, columns: 1 },
      print: { title: `TYM-kustannustenjako ${alloc.year}: laskutus`, landscape: true, fitToWidth: true },
    }),
  };
}

/** The engine's value of a numeric column of a receiver row (for the totals' expected values). */
function valueAt(r: ReturnType<typeof computeInvoicing>['receivers'][number], c: number, col: InvoiceColumns, k: number) {
  if (c === col.taShare) return r.taShare;
  if (c === col.taPaid) return r.taPaid;
  if (c === col.taNet) return r.taNet;
  if (c >= col.firstInstallment && c < col.firstInstallment + k) return r.advances[c - col.firstInstallment] ?? ZERO;
  if (c === col.advancesTotal) return r.advances.reduce((a, x) => a.plus(x), ZERO);
  if (c === col.totShare) return r.actual!.share;
  if (c === col.totPaid) return r.actual!.paid;
  if (c === col.totNet) return r.actual!.net;
  if (c === col.advancesBilled) return r.actual!.advancesBilled;
  if (c === col.settlement) return r.actual!.settlement;
  throw new Error(`no value for column ${c}`);
}

export function invoiceRange(model: InputModel, c: number): string {
  return onSheet(SHEETS.invoicing, range(INVOICE_FIRST, c, INVOICE_FIRST + model.municipalities.length + 1, c));
}
