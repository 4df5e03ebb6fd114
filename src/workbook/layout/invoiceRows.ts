/**
 * TYM_Laskurivit (issue 12): the invoice data as live formulas, one row per receiver and advance
 * installment, then one per receiver for the settlement: receiver and business ID (Y-tunnus),
 * invoice and due date from the invoice-day and payment-term settings, the amount from TYM_Laskutus,
 * and a description naming the year, the installment and the contract section. Rows with a
 * non-zero amount are numbered; they are what `tym-allocate invoices` and the pane write as CSV.
 *
 * The settings and words block right of the rows is written by invoiceSettings.ts.
 */
import type { Allocation } from '../../domain/allocate';
import { excelSerialFromDay } from '../../domain/dates';
import type { Invoicing } from '../../domain/invoicing';
import { businessIdRemainder } from '../../domain/businessId';
import { DESCRIPTION_WORDS, invoiceDescription, invoiceLines } from '../../domain/invoiceRows';
import type { InputModel } from '../../domain/types';
import { a1, onSheet, range, tableCell } from '../formula';
import { Grid } from '../grid';
import type { SheetSpec } from '../sheetSpec';
import type { CheckRow } from './checkRow';
import { invoiceColumns, INVOICE_FIRST } from './invoicing';
import { MUNI_COL, municipalityRef } from './params';
import { SHEETS, type Positions } from './positions';
import {
  INVOICE_ROWS_FIRST,
  INVOICE_ROWS_HEADER,
  INVOICE_TYPE_WORDS,
  P,
  param,
  paramOnSheet,
  WEIGHTS_RANGE,
  writeInvoiceSettings,
} from './invoiceSettings';

export { INVOICE_ROWS_FIRST, INVOICE_ROWS_HEADER, INVOICE_TYPE_WORDS } from './invoiceSettings';

/** Columns of the invoice rows. */
export const IR = {
  no: 0,
  type: 1,
  receiver: 2,
  businessId: 3,
  idOk: 4,
  installment: 5,
  month: 6,
  invoiceDate: 7,
  dueDate: 8,
  amount: 9,
  description: 10,
  invoiced: 11,
  idRaw: 12,
  idCheck: 13,
} as const;

export interface InvoiceRowsLayout {
  first: number;
  last: number;
  /** Sheet-qualified ranges of a column over the rows. */
  range(col: number): string;
}

export function invoiceRowsLayout(_model: InputModel, inv: Invoicing): InvoiceRowsLayout {
  const n = inv.receivers.length * (inv.dueMonths.length + (inv.hasActual ? 1 : 0));
  const first = INVOICE_ROWS_FIRST;
  const last = first + Math.max(1, n) - 1;
  return { first, last, range: (col) => onSheet(SHEETS.invoiceRows, range(first, col, last, col)) };
}

export function buildInvoiceRows(model: InputModel, _alloc: Allocation, pos: Positions, inv: Invoicing): SheetSpec {
  const g = new Grid();
  const year = model.settings.year;
  g.value(0, 0, `TYM-kustannustenjako ${year}: laskurivit laskutusjärjestelmään`, 'title');
  g.value(
    1,
    0,
    'Yksi rivi kutakin laskua tai hyvityslaskua kohden (summa TYM_Laskutus-välilehdeltä). Numeroidut rivit ovat CSV-tiedostossa (tym-allocate invoices, tehtäväruudun lataus); 0,00 €:n rivejä ja hallinnollisen työnantajan omia rivejä ei laskuteta.',
    'note',
  );

  const ps = writeInvoiceSettings(g, model, pos, inv);
  const { yearRef, dayRef } = ps;
  const w = ps.word;

  // The rows.
  g.headers(INVOICE_ROWS_HEADER, 0, [
    'Nro',
    'Tyyppi',
    'Vastaanottaja',
    'Y-tunnus',
    'Y-tunnus kelpaa',
    'Erä',
    'Kuukausi',
    'Laskun päivä',
    'Eräpäivä',
    'Summa',
    'Kuvaus',
    'Laskutetaan',
    'Y-tunnus (syöte)',
    'Tarkisteen jakojäännös',
  ]);
  const col = invoiceColumns(inv);
  const lines = invoiceLines(model, inv);
  const kunnat = model.tables.kunnat;
  const hasIdColumn = kunnat?.columns.businessId !== undefined;
  let no = 0;
  const lay = invoiceRowsLayout(model, inv);
  lines.forEach((l, i) => {
    const row = lay.first + i;
    const at = (c: number) => a1(row, c);
    const ri = inv.receivers.findIndex((r) => r.receiver === l.receiver);
    const src = (c: number) => onSheet(SHEETS.invoicing, a1(INVOICE_FIRST + ri, c, true));
    const invoiced = !l.isEmployer && !l.amount.isZero();
    if (invoiced) no += 1;
    g.formula(row, IR.receiver, src(col.receiver), l.receiver, 'text');
    // Business ID: from Kunnat (the municipality's table row) or the HVA / Kela setting.
    const mi = model.municipalities.findIndex((m) => m.name === l.receiver);
    if (mi >= 0) {
      if (hasIdColumn)
        g.formula(
          row,
          IR.idRaw,
          `TRIM(${tableCell(kunnat, 'businessId', municipalityRef(pos, mi, MUNI_COL.tableRow))}&"")`,
          l.businessId ?? '',
          'text',
        );
      else g.value(row, IR.idRaw, '', 'text');
    } else {
      g.formula(row, IR.idRaw, param(l.receiver === 'HVA' ? P.hvaId : P.kelaId), l.businessId ?? '', 'text');
    }
    // &"": an empty ID cell is text "" (an empty inline string is read back as a blank cell, whose value is 0).
    g.formula(row, IR.businessId, `IF(LEN(${at(IR.idRaw)})=8,"0"&${at(IR.idRaw)},${at(IR.idRaw)}&"")`, l.businessId ?? '', 'text');
    const check = l.businessId ? businessIdRemainder(l.businessId.slice(0, 7)) : -1;
    g.formula(
      row,
      IR.idCheck,
      `IFERROR(MOD(SUMPRODUCT(--MID(${at(IR.businessId)},{1,2,3,4,5,6,7},1),${WEIGHTS_RANGE}),11),-1)`,
      check,
      'integer',
    );
    g.formula(
      row,
      IR.idOk,
      `IF(${at(IR.businessId)}="",TRUE,AND(LEN(${at(IR.businessId)})=9,MID(${at(IR.businessId)},8,1)="-",${at(IR.idCheck)}>=0,${at(IR.idCheck)}<>1,IFERROR(--RIGHT(${at(IR.businessId)},1),-1)=MOD(11-${at(IR.idCheck)},11)))`,
      true,
      'check',
    );
    if (l.kind === 'advance') {
      g.value(row, IR.installment, l.installment, 'integer');
      g.formula(row, IR.month, `1+(${at(IR.installment)}-1)*12/${param(P.installments)}`, inv.dueMonths[l.installment! - 1], 'integer');
      g.formula(
        row,
        IR.invoiceDate,
        `DATE(${yearRef},${at(IR.month)},MIN(${dayRef},DAY(DATE(${yearRef},${at(IR.month)}+1,0))))`,
        excelSerialFromDay(l.invoiceDate),
        'date',
      );
      g.formula(row, IR.amount, src(col.firstInstallment + l.installment! - 1), l.amount.toNumber(), 'money');
    } else {
      g.formula(row, IR.installment, w(P.settlementWord), DESCRIPTION_WORDS.settlement, 'text');
      g.formula(row, IR.invoiceDate, param(P.settlementDate), excelSerialFromDay(l.invoiceDate), 'date');
      g.formula(row, IR.amount, `IF(${src(col.employer)}=1,0,${src(col.settlement!)})`, l.amount.toNumber(), 'money');
    }
    g.formula(row, IR.dueDate, `${at(IR.invoiceDate)}+${param(P.paymentTerm)}`, excelSerialFromDay(l.dueDate), 'date');
    const amt = at(IR.amount);
    g.formula(row, IR.invoiced, `IF(${amt}=0,0,1)`, invoiced ? 1 : 0, 'integer');
    g.formula(
      row,
      IR.no,
      `IF(${at(IR.invoiced)}=1,SUM(${a1(lay.first, IR.invoiced, true)}:${at(IR.invoiced)}),"")`,
      invoiced ? no : '',
      'integer',
    );
    g.formula(
      row,
      IR.type,
      `IF(${amt}>0,${w(P.invoiceWord)},IF(${amt}<0,${w(P.creditWord)},${w(P.noneWord)}))`,
      l.amount.isZero() ? INVOICE_TYPE_WORDS.none : l.amount.isNegative() ? INVOICE_TYPE_WORDS.credit : INVOICE_TYPE_WORDS.invoice,
      'text',
    );
    const what =
      l.kind === 'advance'
        ? `${w(P.advanceWord)}&" "&${at(IR.installment)}&"/"&${param(P.installments)}&IF(${amt}<0," ("&${w(P.creditSuffix)}&")","")`
        : `${w(P.settlementWord)}&IF(${amt}<0,", "&${w(P.creditSuffix)},"")`;
    g.formula(row, IR.description, `${w(P.prefix)}&" "&${yearRef}&", "&${what}&": "&${w(P.suffix)}`, invoiceDescription(year, l), 'text');
  });

  [6, 13, 16, 11, 9, 7, 8, 11, 11, 12, 78, 9, 12, 9, 2, 28, 14, 9, 24].forEach((width, i) => g.width(i, width));
  return g.toSheet(SHEETS.invoiceRows, {
    tabColor: 'FF548235',
    freeze: { rows: INVOICE_ROWS_FIRST, columns: 0 },
    print: { title: `TYM-kustannustenjako ${year}: laskurivit`, landscape: true, fitToWidth: true, repeatRows: INVOICE_ROWS_FIRST },
  });
}

/** The checks of the invoice rows, for the checks block and the master check. */
export function invoiceRowChecks(model: InputModel, inv: Invoicing): CheckRow[] {
  const lay = invoiceRowsLayout(model, inv);
  const col = invoiceColumns(inv);
  const inv1 = (c: number) => onSheet(SHEETS.invoicing, range(INVOICE_FIRST, c, INVOICE_FIRST + inv.receivers.length - 1, c));
  const notEmployer = (c: number) => `SUMIFS(${inv1(c)},${inv1(col.employer)},0)`;
  const billed = inv.hasActual ? `${notEmployer(col.advancesTotal)}+${notEmployer(col.settlement!)}` : notEmployer(col.advancesTotal);
  const k = paramOnSheet(P.installments);
  return [
    {
      label: 'Laskurivit: summat yhteensä = ennakot ja tasaukset (TYM_Laskutus, muut kuin työnantaja)',
      formula: `ROUND(SUM(${lay.range(IR.amount)})-(${billed}),2)=0`,
      note: 'Jokainen laskutettava erä ja tasaus on laskurivinä täsmälleen kerran.',
    },
    {
      label: 'Laskurivit: ennakkoeriä yhtä monta kuin Laskutusjakso antaa',
      formula: `MAX(${lay.range(IR.installment)})=${k}`,
      note: 'Jos Laskutusjaksoa on muutettu laskennan jälkeen, laske uudelleen.',
    },
    {
      label: 'Laskurivit: Y-tunnukset ovat kelvollisia (muoto 1234567-8, tarkiste oikein)',
      formula: `COUNTIF(${lay.range(IR.idOk)},FALSE)=0`,
      note: 'Korjaa Y-tunnus Kunnat-taulukossa tai Asetuksissa (HVA:n ja Kelan Y-tunnus).',
    },
  ];
}
