/**
 * The problem codes: every input problem the domain can report. A code is a stable English id;
 * its text lives in one catalogue per language (fi.ts, sv.ts, en.ts), each typed
 * `Record<ProblemCode, string>`, so a misspelt code or a missing translation fails at compile time.
 */
export const PROBLEM_CODES = [
  // The allocation (src/domain/allocate.ts, keys.ts)
  'key-total-zero',
  'event-without-registrants',
  'no-cost-lines',
  'duplicate-registration',
  // Tables and columns (src/domain/parse/locate.ts)
  'table-missing',
  'table-duplicate',
  'column-missing',
  'column-duplicate',
  'merged-cells',
  'hidden-rows',
  // Cells (src/domain/parse/cells.ts)
  'required',
  'error-value',
  'text-expected',
  'number-is-text',
  'number-is-text-comma',
  'number-is-boolean',
  'number-is-date',
  'percent-format',
  'negative-key',
  'negative-value',
  'percent-range',
  'not-integer',
  'too-many-decimals',
  'date-is-text',
  'date-invalid',
  'date-serial',
  'end-before-start',
  'unknown-word',
  // Settings (src/domain/parse/settings.ts)
  'setting-unnamed',
  'setting-unknown',
  'setting-duplicate',
  'setting-missing',
  'year-invalid',
  // Municipalities, staff, registrations, costs
  'basis-column-missing',
  'basis-value-missing',
  'agreed-sum',
  'no-municipalities',
  'municipality-duplicate',
  'municipality-unknown',
  'employer-unknown',
  'staff-municipality-required',
  'event-wildcard',
  'event-not-pool-b',
  'event-unknown',
  'payer-unknown',
  'municipality-reserved',
  'municipality-name-chars',
  // What the cells hide (src/domain/parse/cells.ts, locate.ts, text.ts)
  'formula-not-calculated',
  'hidden-characters',
  'percent-fraction',
  'agreed-sum-fractions',
  'fte-above-headcount',
  'values-below-table',
  'setting-misspelt',
  // The file itself (the adapters' reasons, reported by the command line and the preview)
  'file-not-found',
  'file-is-directory',
  'file-unreadable',
  'file-empty',
  'file-not-zip',
  'file-xls',
  'file-encrypted',
  'file-ods',
  'file-xlsb',
  'file-not-workbook',
  'file-damaged',
  // The output sheets would take a name the user's workbook already uses (src/app/conflicts.ts)
  'output-sheet-taken',
  'output-table-taken',
  // The range in which the written formulas are exact (src/domain/exactRange.ts)
  'key-too-precise',
  'amount-out-of-range',
  'key-out-of-range',
  // Issue 12: the budget-time key of pool b (src/domain/budgetKey.ts), invoice settings and business IDs (src/domain/parse/billing.ts)
  'budget-key-previous-year',
  'budget-event-without-key',
  'budget-year-without-key',
  'plan-table-missing',
  'plan-table-added',
  'business-id-invalid',
  'invoice-day-range',
  'payment-term-range',
] as const;

export type ProblemCode = (typeof PROBLEM_CODES)[number];

/** The words that say where a problem is, and the problem texts, of one language. */
export interface Catalogue {
  where: { sheet: string; row: string; column: string; cell: string };
  problems: Record<ProblemCode, string>;
}
