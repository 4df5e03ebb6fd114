/**
 * jest's order, with the longest suites first whatever its cache holds. jest runs the suites it has
 * no time for first, then the slowest by the times of its last complete run; on a clean checkout
 * (CI) it orders by file size, and the two invariant suites (small files, the longest runs) started
 * last, each then the whole run's tail. Suites in LONG start first, in this order (times measured in
 * one `npm test` on the shared 2-core machine, 1 December 2026); the rest keep jest's order.
 */
const Sequencer = require('@jest/test-sequencer').default;

const LONG = [
  'formulas/invariantRandom.slow.test.ts',
  'formulas/invariant.slow.test.ts',
  'fuzz/fuzz.slow.test.ts',
  'cli/badInputs.slow.test.ts',
  'ui/preview.slow.test.ts',
  'formulas/recalc.slow.test.ts',
  'formulas/scenarios.slow.test.ts',
  // Not slow by name (no LibreOffice, chromium or build), but 304 s in one run: never at the tail.
  'adapters/officejs/officeJsBridge.test.ts',
  'cli/pipes.slow.test.ts',
  'hygiene/bundle.slow.test.ts',
  'formulas/invoiceRows.slow.test.ts',
  'adapters/xlsx/producers.slow.test.ts',
  'formulas/budgetKey.slow.test.ts',
];

const rank = (test) => {
  const p = test.path.replace(/\\/g, '/');
  const i = LONG.findIndex((s) => p.endsWith(`/test/${s}`));
  return i < 0 ? LONG.length : i;
};

class LongFirstSequencer extends Sequencer {
  async sort(tests) {
    const sorted = await super.sort(tests);
    // A stable sort: within the rest, jest's order stays.
    return sorted
      .map((t, i) => [t, i])
      .sort((a, b) => rank(a[0]) - rank(b[0]) || a[1] - b[1])
      .map(([t]) => t);
  }
}

module.exports = LongFirstSequencer;
