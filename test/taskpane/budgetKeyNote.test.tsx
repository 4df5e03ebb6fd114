/** The pane's note on the budget key of the development days (issue 12), and the summary it is built from. */
import { html } from '../support/render';
import { summariseBudgetKeys } from '../../src/app/invoiceData';
import { allocate } from '../../src/domain/allocate';
import { BudgetKeyNote, budgetKeyText } from '../../src/taskpane/components/BudgetKeyNote';
import { translator } from '../../src/taskpane/i18n';
import { model } from '../domain/support/modelBuilder';

// Budget 2026: Kevätpäivä planned; the lines with no event fall back to 2025's registrations.
const m = () =>
  model({ year: 2026 })
    .populations([['Järvenpää', 1]])
    .staff('TVA')
    .staff('HVA')
    .registration('Syyspäivä', 'A', 'HVA', { date: '2025-10-01' })
    .plan('Kevätpäivä', 'TVA', 4)
    .plan('Kevätpäivä', 'HVA', 0)
    .cost('TA', 'a', '100.00')
    .cost('TA', 'b', '50.00', { event: 'Kevätpäivä' })
    .cost('TA', 'b', '20.00', { event: 'Syyspäivä' })
    .build();

test('one entry per budget group of pool b, with its source and the year counted', () => {
  // Syyspäivä: no plan rows, no 2026 registrations -> 2025's. (The no-event group does not exist here.)
  expect(summariseBudgetKeys(allocate(m()))).toEqual([
    { event: 'Kevätpäivä', source: 'plan', year: 2026 },
    { event: 'Syyspäivä', source: 'previous-year', year: 2025 },
  ]);
});

test('the note in three languages; nothing when there is no budget line of pool b', () => {
  const keys = summariseBudgetKeys(allocate(m()));
  const fi = html(<BudgetKeyNote keys={keys} tr={translator('fi')} />);
  expect(fi).toContain('Kehittämispäivien talousarvio (TA, pooli b)');
  expect(budgetKeyText(translator('fi'), keys[0])).toBe('Kevätpäivä: osallistujasuunnitelman mukaan');
  expect(budgetKeyText(translator('fi'), keys[1])).toContain('Syyspäivä: edellisen vuoden (2025) ilmoittautumisten mukaan');
  expect(budgetKeyText(translator('sv'), keys[1])).toContain('föregående års (2025) anmälningar');
  expect(budgetKeyText(translator('en'), { event: null, source: 'registrations', year: 2026 })).toBe(
    'lines with no event: by the registrations of 2026',
  );
  expect(fi).toMatch(/data-source="previous-year"/);
  expect(html(<BudgetKeyNote keys={[]} tr={translator('en')} />)).not.toContain('budget-keys');
});
