/**
 * Typed input problems. Every problem names where it is (sheet, table, row, column, cell) and
 * carries a code (src/domain/messages/codes.ts) and parameters; `formatProblem` turns it into
 * Finnish, Swedish or English text from the catalogue of that language (src/domain/messages/).
 */
import { EN } from './messages/en';
import { FI } from './messages/fi';
import { SV } from './messages/sv';
import { PROBLEM_CODES, type Catalogue, type ProblemCode } from './messages/codes';

export { PROBLEM_CODES, type ProblemCode } from './messages/codes';

export type Severity = 'error' | 'warning';

export interface Where {
  sheet?: string;
  table?: string;
  /** Sheet row number (1-based). */
  row?: number;
  /** Header text of the column as in the workbook. */
  column?: string;
  /** A1 address of the cell, e.g. "E7". */
  cell?: string;
}

export type ProblemParams = Record<string, string | number>;

export interface Problem {
  severity: Severity;
  code: ProblemCode;
  params: ProblemParams;
  where: Where;
}

/** Thrown by the domain when the input cannot be allocated. Carries every problem found. */
export class InputError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    super(problems.map((p) => formatProblem(p, 'en')).join('\n'));
    this.name = 'InputError';
    this.problems = problems;
  }
}

export type Lang = 'fi' | 'sv' | 'en';

const CATALOGUES: Record<Lang, Catalogue> = { fi: FI, sv: SV, en: EN };

/** Message texts by code and language (a view over the catalogues, for tests and tools). */
export const MESSAGES: Readonly<Record<ProblemCode, Record<Lang, string>>> = Object.fromEntries(
  PROBLEM_CODES.map((code) => [code, { fi: FI.problems[code], sv: SV.problems[code], en: EN.problems[code] }]),
) as Record<ProblemCode, Record<Lang, string>>;

export function formatProblem(p: Problem, lang: Lang = 'fi'): string {
  const template = CATALOGUES[lang].problems[p.code] ?? `${p.code} ${JSON.stringify(p.params)}`;
  const text = template.replace(/\{(\w+)\}/g, (_, k: string) => (k in p.params ? String(p.params[k]) : `{${k}}`));
  return `${formatWhere(p.where, lang)}${text}`;
}

export function formatWhere(w: Where, lang: Lang = 'fi'): string {
  const words = CATALOGUES[lang].where;
  const parts: string[] = [];
  if (w.sheet) parts.push(`${words.sheet} ${w.sheet}${w.table ? ` (${w.table})` : ''}`);
  else if (w.table) parts.push(w.table);
  if (w.cell) parts.push(`${words.cell} ${w.cell}`);
  else if (w.row !== undefined) parts.push(`${words.row} ${w.row}`);
  if (w.column) parts.push(`${words.column} "${w.column}"`);
  return parts.length ? `${parts.join(', ')}: ` : '';
}

export function error(code: ProblemCode, where: Where, params: ProblemParams = {}): Problem {
  return { severity: 'error', code, params, where };
}

export function warning(code: ProblemCode, where: Where, params: ProblemParams = {}): Problem {
  return { severity: 'warning', code, params, where };
}

export function hasErrors(problems: Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}
