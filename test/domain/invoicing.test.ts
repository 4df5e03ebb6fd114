/**
 * The budget year (issue 4): advance installments, netting against what each party paid itself,
 * and the settlement. Every expectation is worked out by hand in the comment next to it.
 */
import { allocate } from '../../src/domain/allocate';
import { Decimal } from '../../src/domain/decimal';
import { computeInvoicing, dueMonths, installments, payerReceiver } from '../../src/domain/invoicing';
import { eur, model } from './support/modelBuilder';

const d = (x: string | number) => new Decimal(x);
const texts = (xs: Decimal[]) => xs.map(eur);

describe('installments: equal to the cent, leftover cents to the earliest', () => {
  test('quarterly 1 000,01 €: 250,00 x 4 = 1 000,00, one cent left -> the first', () => {
    expect(texts(installments(d('1000.01'), 4))).toEqual(['250.01', '250.00', '250.00', '250.00']);
  });

  test('monthly 1 000,05 €: 83,33 x 12 = 999,96, nine cents left -> months 1 to 9', () => {
    const parts = installments(d('1000.05'), 12);
    expect(texts(parts)).toEqual([...Array(9).fill('83.34'), ...Array(3).fill('83.33')]);
    expect(eur(parts.reduce((a, x) => a.plus(x), d(0)))).toBe('1000.05');
  });

  test('monthly 100,00 €: 8,33 x 12 = 99,96 -> four cents to months 1 to 4', () => {
    expect(texts(installments(d(100), 12))).toEqual([...Array(4).fill('8.34'), ...Array(8).fill('8.33')]);
  });

  test('a negative net (a refund) mirrors the positive one', () => {
    expect(texts(installments(d('-1000.01'), 4))).toEqual(['-250.01', '-250.00', '-250.00', '-250.00']);
  });

  test('yearly is one installment; zero gives zeros', () => {
    expect(texts(installments(d('123.45'), 1))).toEqual(['123.45']);
    expect(texts(installments(d(0), 2))).toEqual(['0.00', '0.00']);
  });

  test('due months are the first month of each period', () => {
    expect(dueMonths('year')).toEqual([1]);
    expect(dueMonths('half-year')).toEqual([1, 7]);
    expect(dueMonths('quarter')).toEqual([1, 4, 7, 10]);
    expect(dueMonths('month')).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });
});

describe('a year from budget to settlement', () => {
  // Municipalities Hyvinkää (population 60) and Järvenpää (40, the employer); TVA 1 and HVA 1 staff.
  // TA:  pool a 10 000,00 paid by the employer       -> TVA 5 000 (Hyvinkää 3 000, Järvenpää 2 000), HVA 5 000
  // TOT: pool a  9 000,00 paid by the employer       -> TVA 4 500 (2 700 / 1 800), HVA 4 500
  //      pool muu 1 000,00 paid by HVA itself        -> TVA   500 (  300 /   200), HVA   500
  const m = () =>
    model({ year: 2025, billingPeriod: 'quarter', employer: 'Järvenpää' })
      .populations([
        ['Hyvinkää', 60],
        ['Järvenpää', 40],
      ])
      .staff('TVA')
      .staff('HVA')
      .cost('TA', 'a', '10000.00')
      .cost('TOT', 'a', '9000.00')
      .cost('TOT', 'muu', '1000.00', { payer: 'HVA' })
      .build();

  const inv = () => {
    const model = m();
    return computeInvoicing(model, allocate(model));
  };
  const row = (name: string) => inv().receivers.find((r) => r.receiver === name)!;

  test('receivers: every municipality, then HVA and KELA; the employer is marked', () => {
    expect(inv().receivers.map((r) => [r.receiver, r.isEmployer])).toEqual([
      ['Hyvinkää', false],
      ['Järvenpää', true],
      ['HVA', false],
      ['KELA', false],
    ]);
  });

  test('budget: share minus what the party paid itself, in four installments; the employer is not invoiced', () => {
    // Hyvinkää 3 000 - 0 = 3 000 -> 4 x 750,00; HVA 5 000 - 0 -> 4 x 1 250,00; Kela 0.
    expect([eur(row('Hyvinkää').taShare), eur(row('Hyvinkää').taNet), ...texts(row('Hyvinkää').advances)]).toEqual([
      '3000.00',
      '3000.00',
      '750.00',
      '750.00',
      '750.00',
      '750.00',
    ]);
    expect(texts(row('HVA').advances)).toEqual(['1250.00', '1250.00', '1250.00', '1250.00']);
    expect(texts(row('KELA').advances)).toEqual(['0.00', '0.00', '0.00', '0.00']);
    // Järvenpää: share 2 000 - paid 10 000 = -8 000 (it is owed 8 000); nothing invoiced to itself.
    expect([eur(row('Järvenpää').taPaid), eur(row('Järvenpää').taNet), row('Järvenpää').advances.length]).toEqual([
      '10000.00',
      '-8000.00',
      0,
    ]);
  });

  test('the budget nets sum to zero across all receivers', () => {
    // 3 000 - 8 000 + 5 000 + 0 = 0
    expect(eur(inv().receivers.reduce((a, r) => a.plus(r.taNet), d(0)))).toBe('0.00');
  });

  test('settlement: actual net minus the advances billed; a credit note for HVA, which paid a line itself', () => {
    // Hyvinkää: actual 2 700 + 300 = 3 000, paid 0, billed 3 000 -> 0
    expect(eur(row('Hyvinkää').actual!.settlement)).toBe('0.00');
    // HVA: actual 5 000, paid 1 000 -> net 4 000; billed 5 000 -> -1 000 (credit note)
    expect([eur(row('HVA').actual!.net), eur(row('HVA').actual!.advancesBilled), eur(row('HVA').actual!.settlement)]).toEqual([
      '4000.00',
      '5000.00',
      '-1000.00',
    ]);
    // Järvenpää: actual 2 000, paid 9 000 -> net -7 000; its budget net was -8 000 -> +1 000 (it pays back)
    expect([
      eur(row('Järvenpää').actual!.net),
      eur(row('Järvenpää').actual!.advancesBilled),
      eur(row('Järvenpää').actual!.settlement),
    ]).toEqual(['-7000.00', '-8000.00', '1000.00']);
  });

  test('the settlements balance to zero', () => {
    // 0 + 1 000 - 1 000 + 0 = 0
    expect(eur(inv().receivers.reduce((a, r) => a.plus(r.actual!.settlement), d(0)))).toBe('0.00');
  });

  test('without actual lines there is no settlement', () => {
    const model = m();
    model.costs = model.costs.filter((c) => c.kind === 'TA');
    const out = computeInvoicing(model, allocate(model));
    expect(out.hasActual).toBe(false);
    expect(out.receivers.every((r) => r.actual === undefined)).toBe(true);
  });
});

test('a payer named TVA (the employment area) pays through the administrative employer', () => {
  const built = model({ employer: 'Järvenpää' })
    .populations([['Järvenpää', 1]])
    .build();
  expect(payerReceiver(built, 'TVA')).toBe('Järvenpää');
  expect(payerReceiver(built, 'HVA')).toBe('HVA');
});

test('a mid-year staff change moves the actual split: FTE by days, a TVA person leaving on 30.6.', () => {
  // 2025 has 365 days; 1.1.-30.6. = 181 days. TVA 1 FTE x 181 + HVA 1 FTE x 365 -> units 181 : 365.
  // 5 460,00 x 181/546 = 1 810,00 (TVA), 5 460,00 x 365/546 = 3 650,00 (HVA): exact, no leftover cent.
  const built = model({ year: 2025, staffBasis: 'fte-time-weighted' })
    .populations([['Järvenpää', 1]])
    .staff('TVA', { end: '2025-06-30' })
    .staff('HVA')
    .cost('TOT', 'a', '5460.00')
    .build();
  const g = allocate(built).groups[0];
  expect(g.parties.parts.map((p) => eur(p.amount))).toEqual(['1810.00', '3650.00', '0.00']);
});
