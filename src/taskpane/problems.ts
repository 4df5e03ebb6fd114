/**
 * The problems as the pane lists them: grouped by table (in the contract's order), errors first,
 * each with a place in the workbook to go to, and with numbers in the UI language's format.
 */
import {
  formatProblem,
  formatWhere,
  problemTarget,
  TABLE_KEYS,
  TABLES,
  headerKey,
  type CellTarget,
  type Lang,
  type Problem,
  type TableLocation,
} from '../app/vocabulary';
import { formatCount, formatDecimalText, formatIsoDate } from './format';
import type { MessageKey, Translate } from './i18n';

/** Codes whose `value` is a number from a cell (elsewhere `value` quotes what the user typed). */
const NUMERIC_VALUE_CODES = new Set([
  'percent-format',
  'negative-key',
  'negative-value',
  'percent-range',
  'not-integer',
  'too-many-decimals',
  'date-invalid',
  'date-serial',
]);
/** Parameters that are numbers wherever they appear (years and row numbers are left as they are). */
const NUMERIC_PARAMS = new Set(['shown', 'sum', 'max', 'count']);

/**
 * The English aliases among the words the cells accept (src/domain/contract.ts). A Finnish or
 * Swedish message lists only the Finnish words; the English ones still work in the cells.
 */
export const ENGLISH_ALIASES: ReadonlySet<string> = new Set([
  'Employment area',
  'Wellbeing area',
  'registered',
  'cancelled',
  'budget',
  'actual',
  'other',
  'headcount',
  'fte',
  'fte-weighted',
  'population',
  'jobseekers',
  'staff',
  'agreed',
  'year',
  'half-year',
  'quarter',
  'month',
]);

function withoutEnglish(list: string): string {
  const words = list.split(', ');
  const kept = words.filter((w) => !ENGLISH_ALIASES.has(w));
  return kept.length ? kept.join(', ') : list;
}

/** The problem with its numbers written the UI language's way ("1 234,567" in Finnish). */
export function localProblem(p: Problem, lang: Lang): Problem {
  const params: Problem['params'] = {};
  for (const [k, v] of Object.entries(p.params)) {
    if (k === 'accepted' && p.code === 'unknown-word' && lang !== 'en' && typeof v === 'string') params[k] = withoutEnglish(v);
    else if (typeof v === 'number' && NUMERIC_PARAMS.has(k)) params[k] = formatCount(v, lang);
    else if (typeof v === 'string' && (NUMERIC_PARAMS.has(k) || (k === 'value' && NUMERIC_VALUE_CODES.has(p.code))))
      params[k] = formatDecimalText(v, lang, true);
    else if (k === 'value' && p.code === 'year-invalid' && typeof v === 'string') params[k] = formatDecimalText(v, lang);
    else if (k === 'date' && typeof v === 'string') params[k] = formatIsoDate(v, lang);
    else params[k] = v;
  }
  return { ...p, params };
}

/** Messages the pane words itself: the domain's mention the command line, which a pane user does not have. */
const PANE_TEXTS: Record<string, MessageKey> = { 'table-missing': 'problemTableMissing' };

/**
 * The problem's text without the table (the group heading names it): "Solu E2, sarake "Summa":
 * Solussa on tekstiä …".
 */
export function problemText(p: Problem, lang: Lang, tr: Translate): string {
  const local = localProblem(p, lang);
  const where = { row: p.where.row, column: p.where.column, cell: p.where.cell };
  const own = PANE_TEXTS[p.code];
  const text = own ? `${formatWhere(where, lang)}${tr(own, local.params)}` : formatProblem({ ...local, where }, lang);
  return text.charAt(0).toLocaleUpperCase(lang) + text.slice(1);
}

export interface ProblemGroup {
  /** Table (or sheet) name; '' for problems that name no place. */
  table: string;
  sheet?: string;
  errors: number;
  warnings: number;
  items: { problem: Problem; target: CellTarget | null }[];
}

function order(name: string): number {
  const k = headerKey(name);
  const i = TABLE_KEYS.findIndex((t) => TABLES[t].names.some((n) => headerKey(n) === k));
  return i < 0 ? TABLE_KEYS.length : i;
}

/** Problems grouped by table in the contract's order; within a group errors first, then as found. */
export function groupProblems(problems: Problem[], tables: TableLocation[]): ProblemGroup[] {
  const groups = new Map<string, ProblemGroup>();
  const sorted = [...problems.filter((p) => p.severity === 'error'), ...problems.filter((p) => p.severity !== 'error')];
  for (const p of sorted) {
    const table = p.where.table ?? p.where.sheet ?? '';
    const key = table.toLowerCase();
    let g = groups.get(key);
    if (!g) {
      g = { table, sheet: p.where.sheet, errors: 0, warnings: 0, items: [] };
      groups.set(key, g);
    }
    if (p.severity === 'error') g.errors++;
    else g.warnings++;
    g.items.push({ problem: p, target: problemTarget(p, tables) });
  }
  return [...groups.values()].sort((a, b) => (a.table === '' ? 1 : 0) - (b.table === '' ? 1 : 0) || order(a.table) - order(b.table));
}

const LINK_KEYS: Record<CellTarget['kind'], MessageKey> = {
  cell: 'goToCell',
  column: 'goToColumn',
  row: 'goToRow',
  table: 'goToTable',
  sheet: 'goToSheet',
};

/** The link's text: "Siirry soluun Kustannukset!E2", "Näytä sarake Summa", … */
export function targetText(target: CellTarget, problem: Problem, tr: Translate): string {
  const row = /\d+/.exec(target.address)?.[0] ?? '';
  return tr(LINK_KEYS[target.kind], {
    sheet: target.sheet,
    cell: target.address,
    column: problem.where.column ?? '',
    row,
    table: problem.where.table ?? target.sheet,
  });
}
