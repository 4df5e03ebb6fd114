/**
 * The live model's promise (issue 9) on seeded random workbooks: every user edit of
 * test/support/userEdits.ts, recalculated in LibreOffice, gives figures equal to a fresh run, or a
 * FALSE master check naming the cause (test/support/invariant.ts; the demo: invariant.slow.test.ts).
 * `TYM_INVARIANT_CASES` sets the number of random workbooks (default 2).
 */
import { randomValidWorkbook } from '../../src/sample/sample';
import { invariantSuite } from '../support/invariant';

const RANDOM = Number(process.env.TYM_INVARIANT_CASES ?? 2);

invariantSuite(
  'random',
  () =>
    Array.from({ length: RANDOM }, (_, i) => {
      const seed = (i + 1) * 7919;
      return { name: `random-${seed}`, workbook: () => randomValidWorkbook(seed), ctx: { year: 0 } };
    }),
  // Only the demo has these: a run without the Kelan osuus % row, an earlier year's cost line.
  ['add the Kelan osuus % row that was absent at the run', "change an amount of an earlier year's line"],
);
