/**
 * The live model's promise (issue 9) on the demo: after any edit a user makes to a result workbook
 * and a recalculation, every output figure equals what a fresh run on the edited workbook gives, or
 * the master check TYM_TARKISTUS is FALSE and a check row names the cause. No third state.
 *
 * The demo and the demo run without the Kelan osuus % row (the row added afterwards), written by the
 * command line's adapter, edited as a user edits them (test/support/userEdits.ts), recalculated in
 * LibreOffice and compared figure by figure, keyed by meaning, with a fresh engine run
 * (test/support/invariant.ts). The seeded random workbooks: invariantRandom.slow.test.ts.
 */
import type { Workbook } from 'exceljs';
import { buildSampleInputs } from '../../src/sample/sample';
import { invariantSuite } from '../support/invariant';
import { TableEdit, textOf } from '../support/tableEdit';

async function withoutSetting(wbPromise: Promise<Workbook>, label: string): Promise<Workbook> {
  const wb = await wbPromise;
  const t = new TableEdit(wb, 'Asetukset');
  t.setRows(t.rows().filter((r) => textOf(r[t.col('Asetus')]) !== label));
  return wb;
}

invariantSuite(
  'demo',
  () => [
    { name: 'demo', workbook: () => buildSampleInputs({ year: 2026 }), ctx: { year: 2026 } },
    {
      name: 'demo-no-kela-row',
      workbook: () => withoutSetting(buildSampleInputs({ year: 2026 }), 'Kelan osuus %'),
      ctx: { year: 2026 },
      only: ['add the Kelan osuus % row that was absent at the run'],
    },
  ],
  // The demo's Kunnat is in name order already: the random workbooks are sorted.
  ['sort Kunnat by Kunta'],
);
