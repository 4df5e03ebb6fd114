/**
 * The layer rules of docs/ARCHITECTURE.md are enforced by `npm run lint` (eslint.config.mjs): for
 * every folder of src/, an import of a folder it may not use fails, and one it may use passes.
 * Also: the whole src/ tree obeys them today.
 */
import { execFileSync } from 'child_process';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..');
const FOLDERS = ['domain', 'workbook', 'app', 'adapters', 'taskpane', 'preview', 'cli', 'sample'];
/** What each folder may import (the table in docs/ARCHITECTURE.md), written out independently of the config. */
const MAY: Record<string, string[]> = {
  domain: [],
  workbook: ['domain'],
  app: ['domain', 'workbook'],
  adapters: ['domain', 'workbook', 'app'],
  taskpane: ['app'],
  preview: ['domain', 'workbook', 'app', 'adapters', 'taskpane', 'sample'],
  cli: ['domain', 'workbook', 'app', 'adapters', 'sample'],
  sample: ['domain', 'workbook', 'app', 'adapters'],
};

interface Probe {
  file: string;
  code: string;
}

/**
 * ESLint 9 loads eslint.config.mjs with a dynamic import, which jest's module sandbox cannot do; so
 * the probes are linted by one plain Node process with ESLint's API, as `npm run lint` would.
 */
function lint(probes: Probe[], lintSrc: boolean): { probes: string[][]; src: string[] } {
  const script = `
    const { ESLint } = require('eslint');
    const path = require('path');
    (async () => {
      const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));
      const eslint = new ESLint({ cwd: input.root });
      const pick = (r) => r.messages.filter((m) => m.ruleId === 'no-restricted-imports');
      const probes = [];
      for (const p of input.probes) {
        const [r] = await eslint.lintText(p.code, { filePath: path.join(input.root, p.file) });
        probes.push(pick(r).map((m) => m.message));
      }
      const src = input.lintSrc
        ? (await eslint.lintFiles(['src'])).flatMap((r) => pick(r).map((m) => path.relative(input.root, r.filePath) + ':' + m.line + ' ' + m.message))
        : [];
      process.stdout.write(JSON.stringify({ probes, src }));
    })().catch((e) => { console.error(e); process.exit(1); });`;
  const out = execFileSync(process.execPath, ['-e', script], {
    cwd: ROOT,
    input: JSON.stringify({ root: ROOT, probes, lintSrc }),
    maxBuffer: 64 << 20,
  });
  return JSON.parse(out.toString('utf8'));
}

const cases = FOLDERS.flatMap((folder) => FOLDERS.filter((t) => t !== folder).map((target) => ({ folder, target })));
let results: { probes: string[][]; src: string[] };
beforeAll(() => {
  const probes: Probe[] = [
    // One level below the layer (src/<folder>/sub/x.ts), so that any depth of ../ is caught.
    ...cases.map(({ folder, target }) => ({
      file: `src/${folder}/sub/probe.ts`,
      code: `import { thing } from '../../${target}/module';\nexport const x = thing;\n`,
    })),
    { file: 'src/taskpane/index.tsx', code: "import { a } from '../adapters/officejs/x';\nexport const b = a;\n" },
    { file: 'src/taskpane/App.tsx', code: "import { a } from '../adapters/officejs/x';\nexport const b = a;\n" },
  ];
  results = lint(probes, true);
}, 120_000);

test.each(cases)('src/$folder importing src/$target', ({ folder, target }) => {
  const errors = results.probes[cases.findIndex((c) => c.folder === folder && c.target === target)];
  if (MAY[folder].includes(target)) expect(errors).toEqual([]);
  else expect(errors.join('\n')).toMatch(/Layer rule/);
});

test('the task pane entry is a composition root: it may wire the office.js adapters in, the pane itself may not', () => {
  expect(results.probes[cases.length]).toEqual([]);
  expect(results.probes[cases.length + 1].join('\n')).toMatch(/Layer rule/);
});

test('src/ obeys the layer rules', () => {
  expect(results.src).toEqual([]);
});
