/**
 * `npm run test:fast` runs every suite but those named *.slow.test.ts(x): the ones that need
 * LibreOffice, chromium or a webpack build. This keeps the naming true: a suite that uses one of
 * them must carry the .slow suffix, or the fast run would start soffice or a browser after all:
 * directly, or through a test module it imports (test/support/invariant.ts uses LibreOffice).
 */
import * as fs from 'fs';
import * as path from 'path';

const TEST = path.resolve(__dirname, '..');
const SLOW_MARKERS = [/support\/libreoffice/, /from 'playwright-core'/, /require\('webpack'\)/, /\bsoffice\b/];

function testFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'fixtures' ? [] : testFiles(p);
    return /\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

/** The file and the test modules it imports, directly or through others (test/ only, not src/). */
function withTestImports(file: string, seen = new Set<string>()): string[] {
  if (seen.has(file)) return [];
  seen.add(file);
  for (const m of fs.readFileSync(file, 'utf8').matchAll(/from '(\.\.?\/[^']+)'|require\('(\.\.?\/[^']+)'\)/g)) {
    const base = path.resolve(path.dirname(file), m[1] ?? m[2]);
    const found = [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')].find(
      (p) => p.startsWith(TEST) && fs.existsSync(p) && fs.statSync(p).isFile(),
    );
    if (found) withTestImports(found, seen);
  }
  return [...seen];
}

const needsSlow = (file: string) => withTestImports(file).some((f) => SLOW_MARKERS.some((re) => re.test(fs.readFileSync(f, 'utf8'))));

test('every suite that needs LibreOffice, chromium or a build is named *.slow.test.ts (also through the test modules it imports)', () => {
  const misnamed = testFiles(TEST)
    .filter((f) => f !== __filename && !/\.slow\.test\.tsx?$/.test(f))
    .filter(needsSlow)
    .map((f) => path.relative(TEST, f));
  expect(misnamed).toEqual([]);
});

test('the check follows imports: the invariant suites reach LibreOffice through test/support/invariant.ts only', () => {
  const suite = path.join(TEST, 'formulas', 'invariant.slow.test.ts');
  expect(SLOW_MARKERS.some((re) => re.test(fs.readFileSync(suite, 'utf8')))).toBe(false);
  expect(needsSlow(suite)).toBe(true);
});
