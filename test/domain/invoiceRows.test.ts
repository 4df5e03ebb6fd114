/**
 * Invoice data (issue 12): one row per invoice or credit note, dated by the invoice-day and
 * payment-term settings, described with the year, the installment and the contract section.
 * Every figure and date is worked out by hand beside it.
 */
import { allocate } from '../../src/domain/allocate';
import { dayNumber, isoDate } from '../../src/domain/dates';
import { computeInvoicing } from '../../src/domain/invoicing';
import { invoiceDateIn, invoiceLines, invoiceRows } from '../../src/domain/invoiceRows';
import type { BillingDetails, InputModel } from '../../src/domain/types';
import { eur, model } from './support/modelBuilder';

// Year 2026, quarterly, employer Järvenpää. Hyvinkää (population 60), Järvenpää (40); TVA 1 and HVA 1 staff.
// TA a 10 000,01: 5 000,005 each -> floors 5 000,00 + 5 000,00, one cent to the first (tie) -> TVA 5 000,01, HVA 5 000,00.
//   TVA 5 000,01 x 0,6 = 3 000,006 (3 000,00, rem 0,006), x 0,4 = 2 000,004 (2 000,00, rem 0,004) -> Hyvinkää 3 000,01, Järvenpää 2 000,00.
//   Hyvinkää 3 000,01 in four: 750,00 x 4 = 3 000,00, one cent to the first -> 750,01 / 750,00 / 750,00 / 750,00.
//   HVA 5 000,00 -> 1 250,00 x 4. Kela 0: no invoice. Järvenpää is the employer: never invoiced.
// TOT a 9 000,00 (employer pays): TVA 4 500 (Hyvinkää 2 700, Järvenpää 1 800), HVA 4 500.
// TOT muu 1 000,00 paid by HVA: TVA 500 (300 / 200), HVA 500.
//   Hyvinkää: actual 3 000,00 - paid 0 - advances 3 000,01 = -0,01: a credit note of one cent.
//   HVA: actual 5 000,00 - paid 1 000,00 - advances 5 000,00 = -1 000,00: a credit note.
const build = (billing?: BillingDetails): InputModel => {
  const m = model({ year: 2026, billingPeriod: 'quarter', employer: 'Järvenpää' })
    .populations([
      ['Hyvinkää', 60],
      ['Järvenpää', 40],
    ])
    .staff('TVA')
    .staff('HVA')
    .cost('TA', 'a', '10000.01')
    .cost('TOT', 'a', '9000.00')
    .cost('TOT', 'muu', '1000.00', { payer: 'HVA' })
    .build();
  m.municipalities[0].businessId = '0125400-2';
  if (billing) m.billing = billing;
  return m;
};

const rowsOf = (m: InputModel) => invoiceRows(m, computeInvoicing(m, allocate(m)));
const d = (y: number, mo: number, day: number) => isoDate(dayNumber(y, mo, day));

describe('the invoice day of a month', () => {
  test('day 31 in a 30-day month and in February takes the last day; leap years too', () => {
    expect(isoDate(invoiceDateIn(2026, 4, 31))).toBe('2026-04-30');
    expect(isoDate(invoiceDateIn(2026, 2, 31))).toBe('2026-02-28');
    expect(isoDate(invoiceDateIn(2028, 2, 30))).toBe('2028-02-29');
    expect(isoDate(invoiceDateIn(2026, 12, 31))).toBe('2026-12-31');
    expect(isoDate(invoiceDateIn(2026, 1, 1))).toBe('2026-01-01');
  });
});

describe('a year from budget to settlement', () => {
  const billing: BillingDetails = {
    invoiceDay: 31,
    paymentTermDays: 14,
    settlementDate: null,
    businessIds: { HVA: '3221337-7', KELA: null },
  };

  test('installment by installment, then the settlements; the employer and zero amounts left out', () => {
    const rows = rowsOf(build(billing));
    expect(rows.map((r) => [r.no, r.type, r.receiver, r.businessId, isoDate(r.invoiceDate), isoDate(r.dueDate), eur(r.amount)])).toEqual([
      // invoice day 31: 31.1., 30.4. (April has 30 days), 31.7., 31.10.; due 14 days later
      [1, 'invoice', 'Hyvinkää', '0125400-2', d(2026, 1, 31), d(2026, 2, 14), '750.01'],
      [2, 'invoice', 'HVA', '3221337-7', d(2026, 1, 31), d(2026, 2, 14), '1250.00'],
      [3, 'invoice', 'Hyvinkää', '0125400-2', d(2026, 4, 30), d(2026, 5, 14), '750.00'],
      [4, 'invoice', 'HVA', '3221337-7', d(2026, 4, 30), d(2026, 5, 14), '1250.00'],
      [5, 'invoice', 'Hyvinkää', '0125400-2', d(2026, 7, 31), d(2026, 8, 14), '750.00'],
      [6, 'invoice', 'HVA', '3221337-7', d(2026, 7, 31), d(2026, 8, 14), '1250.00'],
      [7, 'invoice', 'Hyvinkää', '0125400-2', d(2026, 10, 31), d(2026, 11, 14), '750.00'],
      [8, 'invoice', 'HVA', '3221337-7', d(2026, 10, 31), d(2026, 11, 14), '1250.00'],
      // settlement: no date set -> the invoice day of the January after the year, 31.1.2027
      [9, 'credit-note', 'Hyvinkää', '0125400-2', d(2027, 1, 31), d(2027, 2, 14), '-0.01'],
      [10, 'credit-note', 'HVA', '3221337-7', d(2027, 1, 31), d(2027, 2, 14), '-1000.00'],
    ]);
  });

  test('per receiver the rows sum to the actual net (advances + settlement)', () => {
    const rows = rowsOf(build(billing));
    const sum = (name: string) => rows.filter((r) => r.receiver === name).reduce((a, r) => a + Math.round(r.amount.toNumber() * 100), 0);
    expect([sum('Hyvinkää'), sum('HVA'), sum('Järvenpää')]).toEqual([300000, 400000, 0]);
  });

  test('descriptions name the year, the installment and the contract section', () => {
    const rows = rowsOf(build(billing));
    expect(rows[2].description).toBe('TYM-yhteistyö 2026, ennakkoerä 2/4: yhteisten kustannusten osuus, yhteistoimintasopimus 9 §');
    expect(rows[9].description).toBe('TYM-yhteistyö 2026, tasaus, hyvitys: yhteisten kustannusten osuus, yhteistoimintasopimus 9 §');
  });

  test('defaults: the 1st of the month, 14 days; a settlement date setting is used as written', () => {
    const rows = rowsOf(build());
    expect([isoDate(rows[0].invoiceDate), isoDate(rows[0].dueDate), isoDate(rows[8].invoiceDate)]).toEqual([
      d(2026, 1, 1),
      d(2026, 1, 15),
      d(2027, 1, 1),
    ]);
    expect(rows[1].businessId).toBeNull();
    const set = rowsOf(
      build({ invoiceDay: 1, paymentTermDays: 30, settlementDate: dayNumber(2027, 3, 15), businessIds: { HVA: null, KELA: null } }),
    );
    expect([isoDate(set[8].invoiceDate), isoDate(set[8].dueDate)]).toEqual([d(2027, 3, 15), d(2027, 4, 14)]);
  });

  test('every line, invoiced or not, is there for the sheet: 3 receivers x (4 installments + settlement)', () => {
    const m = build(billing);
    const lines = invoiceLines(m, computeInvoicing(m, allocate(m)));
    expect(lines).toHaveLength(4 * 5);
    expect(lines.filter((l) => l.isEmployer).map((l) => eur(l.amount))).toEqual(['0.00', '0.00', '0.00', '0.00', '0.00']);
    expect(lines.filter((l) => l.receiver === 'KELA').every((l) => l.amount.isZero())).toBe(true);
  });

  test('a negative advance (a receiver paid more than its share) is a credit note', () => {
    const m = model({ year: 2026, employer: 'Järvenpää' })
      .populations([['Järvenpää', 1]])
      .staff('TVA')
      .staff('HVA')
      .cost('TA', 'a', '100.00')
      .cost('TA', 'muu', '300.00', { payer: 'HVA' })
      .build();
    // HVA: share 50 + 150 = 200, paid 300 -> net -100,00 in one installment: a credit note.
    const rows = rowsOf(m);
    expect(rows.map((r) => [r.type, r.receiver, eur(r.amount), r.description])).toEqual([
      [
        'credit-note',
        'HVA',
        '-100.00',
        'TYM-yhteistyö 2026, ennakkoerä 1/1 (hyvitys): yhteisten kustannusten osuus, yhteistoimintasopimus 9 §',
      ],
    ]);
  });
});
