/** The invoicing grid's rows and clipboard text, with figures worked by hand. */
import type { InvoicingSummary } from '../../src/app/api';
import { translator } from '../../src/taskpane/i18n';
import { installmentColumns, invoiceRows, invoiceTsv } from '../../src/taskpane/invoicing';

// Quarterly: HVA's 1 000,01 € net goes 250,01 + 250,00 + 250,00 + 250,00 (leftover cent first).
// With actuals HVA's net is 1 000,00 €, so it gets 0,01 € back (credit); Hyvinkää owes 12,34 € more
// (invoice); the employer's settlement is the counterpart of the others' (−(12,34 − 0,01) = −12,33).
const inv: InvoicingSummary = {
  period: 'quarter',
  dueMonths: [1, 4, 7, 10],
  employer: 'Järvenpää',
  receivers: [
    {
      receiver: 'Hyvinkää',
      isEmployer: false,
      taShare: '400.00',
      taPaid: '0.00',
      taNet: '400.00',
      advances: ['100.00', '100.00', '100.00', '100.00'],
      actual: { share: '412.34', paid: '0.00', net: '412.34', advancesBilled: '400.00', settlement: '12.34' },
    },
    {
      receiver: 'Järvenpää',
      isEmployer: true,
      taShare: '500.00',
      taPaid: '1900.01',
      taNet: '-1400.01',
      advances: [],
      actual: { share: '500.00', paid: '1912.34', net: '-1412.34', advancesBilled: '-1400.01', settlement: '-12.33' },
    },
    {
      receiver: 'HVA',
      isEmployer: false,
      taShare: '1000.01',
      taPaid: '0.00',
      taNet: '1000.01',
      advances: ['250.01', '250.00', '250.00', '250.00'],
      actual: { share: '1000.00', paid: '0.00', net: '1000.00', advancesBilled: '1000.01', settlement: '-0.01' },
    },
  ],
};

test('one row per payer: net, installments (none for the employer), settlement labelled invoice / credit / counterpart', () => {
  const rows = invoiceRows(inv, 'sv', translator('sv'));
  expect(rows.map((r) => [r.label, r.net, r.installments.length, r.settlement, r.settlementKind])).toEqual([
    ['Hyvinge', '400.00', 4, '12.34', 'invoice'],
    ['Träskända', '-1400.01', 0, '-12.33', 'employer'],
    ['Välfärdsområdet (HVA)', '1000.01', 4, '-0.01', 'credit'],
  ]);
  expect(installmentColumns(inv, 'fi', translator('fi')).map((c) => c.label)).toEqual([
    'Erä 1 · tammi',
    'Erä 2 · huhti',
    'Erä 3 · heinä',
    'Erä 4 · loka',
  ]);
});

test('the clipboard text: tab-separated, amounts as a Finnish Excel takes them, empty cells for the employer', () => {
  expect(invoiceTsv(inv, 'fi', translator('fi')).split('\r\n')).toEqual([
    'Maksaja\tNetto (TA)\tErä 1 · tammi\tErä 2 · huhti\tErä 3 · heinä\tErä 4 · loka\tTasaus',
    'Hyvinkää\t400,00\t100,00\t100,00\t100,00\t100,00\t12,34',
    'Järvenpää\t-1400,01\t\t\t\t\t-12,33',
    'Hyvinvointialue (HVA)\t1000,01\t250,01\t250,00\t250,00\t250,00\t-0,01',
  ]);
  const en = invoiceTsv({ ...inv, receivers: inv.receivers.map(({ actual: _a, ...r }) => r) }, 'en', translator('en')).split('\r\n');
  expect(en[0]).toBe('Payer\tNet (TA)\tInst. 1 · Jan\tInst. 2 · Apr\tInst. 3 · Jul\tInst. 4 · Oct');
  expect(en[2]).toBe('Järvenpää\t-1400.01\t\t\t\t');
});
