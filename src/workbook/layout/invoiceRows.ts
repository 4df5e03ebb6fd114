/**
 * TYM_Laskurivit (issue 12, on the live layout of issue 9): the invoice data as live formulas, one
 * row per receiver and advance installment, then one per receiver for the settlement. The receiver
 * is linked to TYM_Laskutus (never typed), the business ID (Y-tunnus) comes from Kunnat's optional
 * column or the HVA / Kela setting and its check digit is tested here, the dates come from the
 * invoice settings read by name (TYM_LASKUN_PAIVA, TYM_MAKSUEHTO, TYM_TASAUSPAIVA), the amount from
 * TYM_Laskutus. The rows with a non-zero amount are numbered: they are exactly the rows that
 * `tym-allocate invoices` and the task pane write as CSV (src/domain/invoiceRows.ts).
 *
 * Room for 12 installments per receiver (as TYM_Laskutus): those beyond TYM_ERIA are blank and zero
 * by formula, so a change of Laskutusjakso follows live. The checks: the amounts sum to what
 * TYM_Laskutus bills, every installment of the period has its rows, every business ID is valid, and
 * Kunnat has a Y-tunnus column exactly when it had one at the run. The texts and the check digit's
 * figures the formulas refer to are in the words block right of the rows (invoiceRowWords.ts).
 */
import { excelSerialFromDay } from '../../domain/dates';
import { computeInvoicing, type Invoicing, type ReceiverInvoice } from '../../domain/invoicing';
import { businessIdRemainder } from '../../domain/businessId';
import { businessIdOf, DESCRIPTION_WORDS, invoiceDescription, invoiceLines, type InvoiceLine } from '../../domain/invoiceRows';
import { a1, columnRef, onSheet, range } from '../formula';
import { Grid } from '../grid';
import type { SheetSpec } from '../sheetSpec';
import { allTrue, type Check } from './checks';
import { SHEETS, type Ctx } from './context';
import { INVOICE_FIRST, invoicingColumns, MAX_INSTALLMENTS } from './invoicing';
import { NAMES } from './names';
import { masterBanner } from './results';
import { INVOICE_ROWS_HEADER, INVOICE_TYPE_WORDS, word, wordsBlock, WR } from './invoiceRowWords';

export const INVOICE_ROWS_FIRST = INVOICE_ROWS_HEADER + 1;

/** Columns: the CSV's eight first (printed and read), then the helper columns. */
export const IR = {
  no: 0,
  type: 1,
  receiver: 2,
  businessId: 3,
  invoiceDate: 4,
  dueDate: 5,
  amount: 6,
  description: 7,
  installment: 8,
  month: 9,
  idOk: 10,
  invoiced: 11,
  laskutusRow: 12,
  receiverNo: 13,
  employer: 14,
  idRaw: 15,
  idCheck: 16,
  what: 17,
} as const;

export const INVOICE_ROWS_HEADERS = [
  'Nro',
  'Tyyppi',
  'Vastaanottaja',
  'Y-tunnus',
  'Laskun päivä',
  'Eräpäivä',
  'Summa €',
  'Kuvaus',
  'Erä',
  'Kuukausi',
  'Y-tunnus kelpaa',
  'Laskutetaan (1 = kyllä)',
  'TYM_Laskutus-rivi',
  'Vastaanottajan nro',
  'Työnantaja (1 = kyllä)',
  'Y-tunnus (syöte)',
  'Tarkisteen jakojäännös',
  'Erän teksti',
];

export function buildInvoiceRows(ctx: Ctx): { sheet: SheetSpec; checks: Check[] } {
  const model = ctx.model;
  const inv: Invoicing = computeInvoicing(model, ctx.alloc);
  const year = model.settings.year;
  const g = new Grid();
  g.value(0, 0, `TYM-kustannustenjako ${year}: laskurivit laskutusjärjestelmään`, 'title');
  masterBanner(g, 1, 0, IR.receiver);
  g.value(
    2,
    0,
    'Yksi rivi kutakin ennakkoerää ja tasausta kohden (summa TYM_Laskutus-välilehdeltä, päivät Asetuksista). Numeroidut rivit ovat CSV-tiedostossa (tym-allocate invoices, tehtäväruudun lataus); 0,00 €:n rivejä ja hallinnollisen työnantajan omia rivejä ei laskuteta.',
    'note',
  );
  g.headers(INVOICE_ROWS_HEADER, 0, INVOICE_ROWS_HEADERS);
  const refs = wordsBlock(g, ctx);

  const c = invoicingColumns(inv.hasActual);
  const nR = inv.receivers.length;
  const lcol = (col: number, width = 1) => onSheet(SHEETS.invoicing, range(INVOICE_FIRST, col, INVOICE_FIRST + nR - 1, col + width - 1));
  const kunnat = model.tables.kunnat;
  const hasIdColumn = kunnat?.columns.businessId !== undefined;
  const lines = invoiceLines(model, inv);
  // Room for 12 installments (as TYM_Laskutus): those beyond TYM_ERIA are blank and zero by formula,
  // so a change of Laskutusjakso follows live; then the settlements.
  const slots: { receiver: ReceiverInvoice; installment: number | null; line: InvoiceLine | null }[] = [];
  for (let j = 1; j <= MAX_INSTALLMENTS; j++) {
    for (const r of inv.receivers)
      slots.push({
        receiver: r,
        installment: j,
        line: lines.find((l) => l.kind === 'advance' && l.installment === j && l.receiver === r.receiver) ?? null,
      });
  }
  for (const l of lines)
    if (l.kind === 'settlement')
      slots.push({ receiver: inv.receivers.find((r) => r.receiver === l.receiver)!, installment: null, line: l });
  const first = INVOICE_ROWS_FIRST;
  const last = first + Math.max(1, slots.length) - 1;
  const P = `ROWS(${NAMES.parties})`;
  let no = 0;
  slots.forEach((slot, i) => {
    const row = first + i;
    const at = (col: number) => a1(row, col);
    const rec = slot.receiver;
    const ri = inv.receivers.indexOf(rec);
    const l = slot.line;
    const businessId = businessIdOf(model, rec.receiver);
    const invoiced = l !== null && !l.isEmployer && !l.amount.isZero();
    if (invoiced) no += 1;
    const receiverNo = ctx.receivers.findIndex((r) => r.name === rec.receiver) + 1;
    g.value(row, IR.laskutusRow, ri + 1, 'integer');
    if (slot.installment !== null) g.value(row, IR.installment, slot.installment, 'integer');
    else g.formula(row, IR.installment, word(WR.settlement), DESCRIPTION_WORDS.settlement, 'text');
    g.formula(row, IR.receiverNo, `INDEX(${lcol(c.no)},${at(IR.laskutusRow)})`, receiverNo, 'integer');
    g.formula(row, IR.receiver, `INDEX(${lcol(c.receiver)},${at(IR.laskutusRow)})`, rec.receiver, 'text');
    g.formula(row, IR.employer, `INDEX(${lcol(c.employer)},${at(IR.laskutusRow)})`, rec.isEmployer ? 1 : 0, 'integer');
    // Business ID: a municipality's from its Kunnat row (receiver number - parties), HVA's and Kela's from the settings.
    const muni = hasIdColumn ? `TRIM(INDEX(${columnRef(kunnat, 'businessId')},${at(IR.receiverNo)}-${P}))` : '""';
    g.formula(
      row,
      IR.idRaw,
      `IF(${at(IR.receiverNo)}>${P},${muni},INDEX(${refs.partyIds},${at(IR.receiverNo)}))&""`,
      businessId ?? '',
      'text',
    );
    // &"": an empty ID is text "" (an empty inline string is read back as a blank cell, whose value is 0).
    g.formula(row, IR.businessId, `IF(LEN(${at(IR.idRaw)})=8,"0"&${at(IR.idRaw)},${at(IR.idRaw)}&"")`, businessId ?? '', 'text');
    const check = businessId ? businessIdRemainder(businessId.slice(0, 7)) : -1;
    g.formula(
      row,
      IR.idCheck,
      `IFERROR(MOD(SUMPRODUCT(--MID(${at(IR.businessId)},${refs.positions},1),${refs.weights}),${word(WR.modulus)}),-1)`,
      check,
      'integer',
    );
    const id = at(IR.businessId);
    const digit = `IFERROR(--RIGHT(${id},1),-1)=MOD(${word(WR.modulus)}-${at(IR.idCheck)},${word(WR.modulus)})`;
    g.formula(
      row,
      IR.idOk,
      `IF(${id}="",TRUE,AND(LEN(${id})=9,MID(${id},8,1)="-",${at(IR.idCheck)}>=0,${at(IR.idCheck)}<>1,${digit}))`,
      true,
      'check',
    );
    const inst = at(IR.installment);
    const isAdvance = `ISNUMBER(${inst})`;
    const used = slot.installment !== null && l !== null;
    g.formula(
      row,
      IR.month,
      `IF(${isAdvance},IF(${inst}<=${NAMES.installments},1+(${inst}-1)*ROWS(${NAMES.monthNames})/${NAMES.installments},""),"")`,
      used ? inv.dueMonths[slot.installment! - 1] : '',
      'integer',
    );
    const m = at(IR.month);
    g.formula(
      row,
      IR.invoiceDate,
      `IF(${isAdvance},IF(${m}="","",DATE(${NAMES.year},${m},MIN(${NAMES.invoiceDay},DAY(DATE(${NAMES.year},${m}+1,0))))),${NAMES.settlementDate})`,
      l ? excelSerialFromDay(l.invoiceDate) : '',
      'date',
    );
    const date = at(IR.invoiceDate);
    g.formula(row, IR.dueDate, `IF(${date}="","",${date}+${NAMES.paymentTerm})`, l ? excelSerialFromDay(l.dueDate) : '', 'date');
    const advance = `INDEX(${lcol(c.first, MAX_INSTALLMENTS)},${at(IR.laskutusRow)},${inst})`;
    const amount = inv.hasActual ? `IF(${isAdvance},${advance},INDEX(${lcol(c.settlement)},${at(IR.laskutusRow)}))` : advance;
    g.formula(row, IR.amount, `IF(${at(IR.employer)}=1,0,${amount})`, l ? l.amount.toNumber() : 0, 'money');
    const amt = at(IR.amount);
    g.formula(row, IR.invoiced, `IF(${amt}=0,0,1)`, invoiced ? 1 : 0, 'integer');
    g.formula(
      row,
      IR.no,
      `IF(${at(IR.invoiced)}=1,SUM(${a1(first, IR.invoiced, true)}:${at(IR.invoiced)}),"")`,
      invoiced ? no : '',
      'integer',
    );
    g.formula(
      row,
      IR.type,
      `IF(${date}="","",IF(${amt}>0,${word(WR.invoice)},IF(${amt}<0,${word(WR.credit)},${word(WR.none)})))`,
      !l
        ? ''
        : l.amount.isZero()
          ? INVOICE_TYPE_WORDS.none
          : l.amount.isNegative()
            ? INVOICE_TYPE_WORDS.credit
            : INVOICE_TYPE_WORDS.invoice,
      'text',
    );
    const credit = word(WR.creditSuffix);
    const adv = `${word(WR.advance)}&" "&${inst}&"/"&${NAMES.installments}&IF(${amt}<0," ("&${credit}&")","")`;
    const settle = `${word(WR.settlement)}&IF(${amt}<0,", "&${credit},"")`;
    const full = l ? invoiceDescription(year, l) : '';
    const what = l ? full.slice(`${DESCRIPTION_WORDS.prefix} ${year}, `.length, full.length - `: ${DESCRIPTION_WORDS.suffix}`.length) : '';
    g.formula(row, IR.what, `IF(${date}="","",IF(${isAdvance},${adv},${settle}))`, what, 'text');
    g.formula(
      row,
      IR.description,
      `IF(${date}="","",${word(WR.prefix)}&" "&${NAMES.year}&", "&${at(IR.what)}&": "&${word(WR.suffix)})`,
      full,
      'text',
    );
  });

  [6, 13, 16, 11, 11, 11, 12, 78, 7, 9, 9, 11, 10, 10, 10, 12, 10, 24, 2, 28, 24].forEach((width, i) => g.width(i, width));
  const on = (col: number) => onSheet(SHEETS.invoiceRows, range(first, col, last, col));
  const notEmployer = (col: number) => `SUMIFS(${lcol(col)},${lcol(c.employer)},0)`;
  const billed = inv.hasActual ? `${notEmployer(c.total)}+${notEmployer(c.settlement)}` : notEmployer(c.total);
  const checks: Check[] = [
    {
      label: 'TYM_Laskurivit: summat yhteensä = ennakot ja tasaukset (TYM_Laskutus, muut kuin työnantaja)',
      formula: `ROUND(SUM(${on(IR.amount)})-(${billed}),2)=0`,
      note: 'Jokainen laskutettava erä ja tasaus on laskurivinä täsmälleen kerran. Jos Laskutusjaksoa tai vastaanottajia on muutettu laskennan jälkeen, laske uudelleen.',
    },
    {
      label: 'TYM_Laskurivit: ennakkorivejä = Laskutusjakson erät × vastaanottajat (TYM_Laskutus)',
      formula: `COUNTIFS(${on(IR.installment)},"<="&${NAMES.installments},${on(IR.month)},">0")=${NAMES.installments}*ROWS(${lcol(c.receiver)})`,
      note: 'Jokaisella vastaanottajalla on rivi jokaista Laskutusjakson erää kohden (tilaa 12 erälle).',
    },
    {
      label: 'TYM_Laskurivit: Y-tunnukset ovat kelvollisia (muoto 1234567-8, tarkiste oikein)',
      formula: allTrue(on(IR.idOk)),
      note: 'Korjaa Y-tunnus Kunnat-taulukossa tai Asetuksissa (HVA:n ja Kelan Y-tunnus).',
    },
    {
      label: 'TYM_Laskurivit: Kunnat-taulukon Y-tunnus-sarake kuten laskennassa',
      formula: refs.idColumnOk,
      note: 'Y-tunnus-sarake on lisätty Kunnat-taulukkoon laskennan jälkeen: laske uudelleen.',
    },
  ];
  return {
    checks,
    sheet: g.toSheet(SHEETS.invoiceRows, {
      tabColor: 'FF548235',
      freeze: { rows: INVOICE_ROWS_FIRST, columns: 0 },
      print: { title: `TYM-kustannustenjako ${year}: laskurivit`, landscape: true, fitToWidth: true, repeatRows: INVOICE_ROWS_FIRST },
    }),
  };
}
