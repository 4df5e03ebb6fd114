/**
 * `npm run test:fast` runs every suite but those named *.slow.test.ts(x): the ones that need
 * LibreOffice, chromium or a webpack build. This keeps the naming true: a suite that uses one of
 * them must carry the .slow suffix, or the fast run would start soffice or a browser after all.
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

test('every suite that needs LibreOffice, chromium or a build is named *.slow.test.ts', () => {
  const misnamed = testFiles(TEST)
    .filter((f) => f !== __filename && !/\.slow\.test\.tsx?$/.test(f))
    .filter((f) => SLOW_MARKERS.some((re) => re.test(fs.readFileSync(f, 'utf8'))))
    .map((f) => path.relative(TEST, f));
  expect(misnamed).toEqual([]);
});
