/**
 * The problem catalogues (src/domain/messages): one text per code in every language, with the same
 * placeholders, and problem codes that the type checker knows (`npm run typecheck` covers this file).
 */
import { EN } from '../../src/domain/messages/en';
import { FI } from '../../src/domain/messages/fi';
import { SV } from '../../src/domain/messages/sv';
import { error, formatProblem, PROBLEM_CODES, warning } from '../../src/domain/problems';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

test('every code has a non-empty text in fi, sv and en with the same placeholders', () => {
  for (const code of PROBLEM_CODES) {
    const texts = [FI, SV, EN].map((c) => c.problems[code]);
    for (const t of texts) expect(t.trim().length).toBeGreaterThan(10);
    expect({ code, sv: placeholders(texts[1]), en: placeholders(texts[2]) }).toEqual({
      code,
      sv: placeholders(texts[0]),
      en: placeholders(texts[0]),
    });
  }
  // No catalogue holds a text for a code that does not exist.
  for (const c of [FI, SV, EN]) expect(Object.keys(c.problems).sort()).toEqual([...PROBLEM_CODES].sort());
});

test('a misspelt problem code does not compile', () => {
  // @ts-expect-error 'requierd' is not a ProblemCode: the type checker refuses it.
  const p = error('requierd', {});
  // @ts-expect-error nor is a code of another spelling in a warning.
  warning('Hidden-Rows', {});
  // At run time a code unknown to the catalogues still prints something (never a crash).
  expect(formatProblem(p, 'fi')).toContain('requierd');
});
