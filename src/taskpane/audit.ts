/**
 * The auditor's check as the pane shows it: the causes of the report (root cause first, as the app
 * orders them: src/app/verifyCauses.ts), each with the findings it explains and the cells it names,
 * then whatever no cause claims. Pure, so the grouping is tested without a browser.
 */
import type { VerifyCause, VerifyFinding, VerifyReport } from '../app/api';
import { formatCause } from '../app/verifyCauses';
import type { CellTarget, Lang } from '../app/vocabulary';
import { formatCount, formatDateTime } from './format';

export interface CauseGroup {
  cause: VerifyCause;
  /** The cell findings this cause explains, in the report's order. */
  findings: VerifyFinding[];
  /** Places the cause names that are no finding (the master check's FALSE rows, a cut table, a moved name). */
  targets: CellTarget[];
}

export interface AuditView {
  groups: CauseGroup[];
  /** Findings no cause explains (a report without causes: all of them). */
  uncategorised: VerifyFinding[];
}

const keyOf = (sheet: string, address: string) => `${sheet}!${address}`.toUpperCase();

/** "Sheet!A1", "'My sheet'!$A$1:$B$2" -> a target; null for "—", "#REF!" and the like. */
export function refTarget(ref: string, kind: CellTarget['kind']): CellTarget | null {
  const m = /^(?:'((?:[^']|'')+)'|([^'!]+))!(\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)$/.exec(ref.trim());
  if (!m) return null;
  return { sheet: m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2], address: m[3].replace(/\$/g, ''), kind };
}

function targetsOf(c: VerifyCause, own: Set<string>): CellTarget[] {
  if (c.code === 'table-range') {
    const t = refTarget(String(c.params.actual ?? ''), 'table');
    return t ? [t] : [];
  }
  if (c.code === 'name-changed') {
    const t = refTarget(String(c.params.actual ?? ''), 'cell');
    return t ? [t] : [];
  }
  return c.cells.flatMap((ref) => {
    if (own.has(ref.toUpperCase())) return [];
    const t = refTarget(ref, 'cell');
    return t ? [t] : [];
  });
}

/**
 * Which findings each cause explains: the cells it lists (overwritten formulas, a changed
 * structure, values of a sheet), the missing sheet it names, and, for "values follow the changed
 * inputs", every value finding no other cause took. A finding goes to the first cause that claims it.
 * The closing "all match" line is the headline's, not a cause.
 */
export function auditView(report: VerifyReport): AuditView {
  const causes = (report.causes ?? []).filter((c) => c.code !== 'ok');
  const taken = new Set<number>();
  const findingKeys = report.findings.map((f) => keyOf(f.sheet, f.address));
  const claim = (test: (f: VerifyFinding, i: number) => boolean): VerifyFinding[] =>
    report.findings.filter((f, i) => {
      if (taken.has(i) || !test(f, i)) return false;
      taken.add(i);
      return true;
    });
  const groups: CauseGroup[] = causes.map((cause) => ({ cause, findings: [], targets: [] }));
  for (const g of groups) {
    const { code, params, cells } = g.cause;
    if (code === 'sheet-missing') g.findings = claim((f) => f.kind === 'missing' && f.sheet === params.sheet);
    else if (cells.length && code !== 'values-follow-inputs') {
      const wanted = new Set(cells.map((c) => c.toUpperCase()));
      g.findings = claim((_, i) => wanted.has(findingKeys[i]));
    }
  }
  // The consequence of changed inputs: the values left over, once the other causes have theirs.
  for (const g of groups) if (g.cause.code === 'values-follow-inputs') g.findings = claim((f) => f.kind === 'value');
  // The cells a cause names beyond its own findings get links of their own.
  for (const g of groups) g.targets = targetsOf(g.cause, new Set(g.findings.map((f) => keyOf(f.sheet, f.address))));
  return { groups, uncategorised: report.findings.filter((_, i) => !taken.has(i)) };
}

/** Parameters written the language's way: counts grouped ("1 234"), the run's time in local time. */
const COUNT_PARAMS = new Set(['count']);

/** The cause's line in the user's language (the app's wording: what happened and what to do). */
export function causeText(c: VerifyCause, lang: Lang): string {
  const params: VerifyCause['params'] = {};
  for (const [k, v] of Object.entries(c.params)) {
    if (COUNT_PARAMS.has(k) && typeof v === 'number') params[k] = formatCount(v, lang);
    else if (k === 'time' && typeof v === 'string' && v) params[k] = formatDateTime(v, lang);
    else params[k] = v;
  }
  return formatCause({ ...c, params }, lang);
}

/** Causes that explain the others (act on them first); shown with a warning rather than an error mark. */
export const ROOT_CAUSES: ReadonlySet<VerifyCause['code']> = new Set([
  'inputs-changed',
  'recalculate-first',
  'no-run-log',
  'inputs-invalid',
]);
