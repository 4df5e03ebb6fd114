/**
 * The key of pool b, live (issue 12 on issue 9's layout), recalculated in LibreOffice. A budget
 * year (2027) with no registrations of its own: the budget (TA) lines of pool b are keyed from the
 * participant plan (an event named only in the plan, and the whole year) and from 2026's
 * registrations (an event without plan rows), in a workbook with an empty plan and in one set up
 * without any plan table (the run adds an empty one, so a plan typed later is seen). As written and after recalculation every figure
 * equals the engine's and TYM_TARKISTUS is TRUE; after each edit a user makes (a plan count, the
 * plan sorted, a plan row added, last year's registrations cancelled or deleted, a registration of
 * the year added or redated) every figure equals a fresh engine run on the edited inputs, or
 * TYM_TARKISTUS is FALSE and a check row names the cause. Figures are compared by meaning
 * (test/support/figures.ts); the plan split is hand-checked.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ExcelJsWorkbook } from '../../src/adapters/exceljs/excelJsWorkbook';
import { buildInputWorkbook, type InputCell, type InputData } from '../../src/adapters/exceljs/template';
import { computeOutputs } from '../../src/app/pipeline';
import { checkRows, differences, figuresOf, masterCheck, readableSpecs, readableWorkbook, type Value } from '../support/figures';
import { recalculateMany } from '../support/libreoffice';
import { XlsxPackage, type Value as CellValue } from '../support/xlsxEdit';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tym-budgetkey-'));
afterAll(() => {
  if (!process.env.TYM_KEEP_ARTIFACTS) fs.rmSync(dir, { recursive: true, force: true });
});

const d = (y: number, m: number, day: number) => new Date(Date.UTC(y, m - 1, day));
/** Excel's serial number of a date (what the edited package holds). */
const serial = (date: Date) => Math.round((date.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000);
const SPRING = 'Kevätpäivä 2027';
const AUTUMN = 'Syyspäivä';

/** The budget of 2027 drafted in the autumn of 2026: registrations of 2026 only. */
function budgetYear(plan: InputCell[][]): InputData {
  return {
    year: 2027,
    municipalities: [
      ['Hyvinkää', 47_400, 2_100, 25, '0125400-2'],
      ['Järvenpää', 46_000, 1_900, 25, null],
      ['Tuusula', 40_300, 1_400, 50, null],
    ],
    staff: [
      ['TVA', 'Hyvinkää', 'Työllisyyspalvelut', 'Ohjaaja', 2, 1.8, null, null],
      ['TVA', 'Tuusula', 'Yrityspalvelut', 'Asiantuntija', 1, 0.6, null, null],
      ['HVA', null, 'Aikuissosiaalityö', 'Sosiaaliohjaaja', 3, 2.5, null, null],
      ['KELA', null, 'Kela', 'Asiantuntija', 1, 1, null, null],
    ],
    registrations: [
      [AUTUMN, d(2026, 10, 1), 'Aino Aaltonen', 'TVA', null],
      [AUTUMN, d(2026, 10, 1), 'Eino Heikkilä', 'HVA', null],
      [AUTUMN, d(2026, 10, 1), ' aino  aaltonen', 'HVA', null],
      ['Talvipäivä', d(2026, 2, 3), 'Lyyli Nieminen', 'KELA', null],
    ],
    costs: [
      ['TA', 'a', 'Johtavan henkilön palkka', null, 96_000, null, null],
      ['TA', 'b', 'Kehittämispäivät: tilat ja tarjoilu', null, 8_000, null, null],
      ['TA', 'b', 'Syyspäivän tilat', AUTUMN, 2_000, null, null],
      ...(plan.length ? [['TA', 'b', 'Kevätpäivän puhujat', SPRING, 3_000, null, null] as InputCell[]] : []),
    ],
    plan,
  };
}

const PLAN: InputCell[][] = [
  [SPRING, 'TVA', 20, null],
  [SPRING, 'HVA', 12, null],
  [SPRING, 'KELA', 3, null],
  [null, 'TVA', 35, null],
];

interface Edit {
  name: string;
  /** A FALSE check row's label must match this when the master check is FALSE. */
  cause: RegExp;
  /** The formulas must follow it: master TRUE and every figure a fresh run's. */
  live?: boolean;
  apply(pkg: XlsxPackage): Promise<boolean>;
}

const PLAN_TABLE = 'Osallistujasuunnitelma';
const REG_TABLE = 'Ilmoittautumiset';
const isPrevious = (v: CellValue) => typeof v === 'number' && new Date(Date.UTC(1899, 11, 30) + v * 86_400_000).getUTCFullYear() === 2026;

const EDITS: Edit[] = [
  {
    name: 'change a plan count',
    cause: /Osallistujasuunnitelma/,
    live: true,
    async apply(pkg) {
      const t = await pkg.table(PLAN_TABLE);
      const i = t.rows().findIndex((r) => r[t.col('Organisaatio')] === 'HVA');
      if (i < 0) return false;
      t.set(i, 'Osallistujia', 15);
      return true;
    },
  },
  {
    name: 'sort the plan by organisation',
    cause: /Osallistujasuunnitelma/,
    live: true,
    async apply(pkg) {
      const t = await pkg.table(PLAN_TABLE);
      const rows = t.rows();
      const c = t.col('Organisaatio');
      const sorted = [...rows].sort((a, b) => String(a[c]).localeCompare(String(b[c])));
      if (sorted.every((r, i) => r === rows[i])) return false;
      t.setRows(sorted);
      return true;
    },
  },
  {
    // A plan-only event's label follows its first plan row: when another row comes first, recalculate.
    name: 'sort the plan (reverse its rows)',
    cause: /Osallistujasuunnitelma/,
    async apply(pkg) {
      const t = await pkg.table(PLAN_TABLE);
      const rows = t.rows();
      if (rows.length < 2) return false;
      t.setRows([...rows].reverse());
      return true;
    },
  },
  {
    name: 'add a plan row (Syyspäivä, KELA 4)',
    cause: /Osallistujasuunnitelma/,
    async apply(pkg) {
      const t = await pkg.table(PLAN_TABLE);
      const rows = t.rows().filter((r) => r.some((v) => v !== null && v !== ''));
      t.setRows([...rows, [AUTUMN, 'KELA', 4, null]]);
      return true;
    },
  },
  {
    // More rows than the plan had when the run wrote its plan rows: "run again".
    name: 'add two plan rows (Syyspäivä KELA 4, the whole year HVA 6)',
    cause: /Osallistujasuunnitelma/,
    async apply(pkg) {
      const t = await pkg.table(PLAN_TABLE);
      const rows = t.rows().filter((r) => r.some((v) => v !== null && v !== ''));
      t.setRows([...rows, [AUTUMN, 'KELA', 4, null], [null, 'HVA', 6, null]]);
      return true;
    },
  },
  {
    name: "cancel last year's registrations (Tila = peruttu)",
    cause: /pooli b:n ryhmällä on avain/,
    async apply(pkg) {
      const t = await pkg.table(REG_TABLE);
      let n = 0;
      t.rows().forEach((r, i) => {
        if (isPrevious(r[t.col('Päivämäärä')])) {
          t.set(i, 'Tila', 'peruttu');
          n += 1;
        }
      });
      return n > 0;
    },
  },
  {
    name: "delete last year's registrations (rows)",
    cause: /Ilmoittautumiset/,
    async apply(pkg) {
      const t = await pkg.table(REG_TABLE);
      const rows = t.rows();
      const kept = rows.filter((r) => !isPrevious(r[t.col('Päivämäärä')]));
      if (kept.length === rows.length) return false;
      t.setRows(kept);
      return true;
    },
  },
  {
    name: 'add a registration of the year (Syyspäivä 2027)',
    cause: /Ilmoittautumiset/,
    async apply(pkg) {
      const t = await pkg.table(REG_TABLE);
      t.setRows([...t.rows(), [AUTUMN, serial(d(2027, 1, 10)), 'Veikko Virtanen', 'TVA', null]]);
      return true;
    },
  },
  {
    name: "redate last year's Syyspäivä registration of HVA to the year (the year's registrations now key it)",
    cause: /Ilmoittautumiset/,
    live: true,
    async apply(pkg) {
      const t = await pkg.table(REG_TABLE);
      const i = t.rows().findIndex((r) => r[t.col('Nimi')] === 'Eino Heikkilä');
      if (i < 0) return false;
      t.set(i, 'Päivämäärä', serial(d(2027, 1, 10)));
      return true;
    },
  },
];

interface Variant {
  caseName: string;
  edit: number;
  file: string;
  master?: Value;
  freshOk?: boolean;
  diffs?: string[];
  falseChecks?: string[];
  sources?: string[];
}

const variants: Variant[] = [];
/** The engine's key source of each TA pool b group per case (as written). */
const sourcesAtRun = new Map<string, string[]>();
/** TYM_Jako's written cells per case. */
const written = new Map<string, Uint8Array>();

beforeAll(async () => {
  const cases: [string, InputData][] = [
    ['plan', budgetYear(PLAN)],
    ['previous', budgetYear([])],
    // Set up before the plan existed: no plan table at all. The run adds an empty one (issue 12).
    ['noplan', { ...budgetYear([]), plan: null }],
  ];
  for (const [name, data] of cases) {
    const port = await ExcelJsWorkbook.fromBuffer(Buffer.from(await (await buildInputWorkbook(data)).xlsx.writeBuffer()));
    const result = computeOutputs(await port.readTables());
    if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.problems.slice(0, 3))}`);
    sourcesAtRun.set(
      name,
      result.allocation.groups.filter((g) => g.kind === 'TA' && g.pool === 'b').map((g) => g.keySource),
    );
    await port.replaceOutputs(result.sheets);
    const buf = await port.toBuffer();
    written.set(name, buf);
    const base = path.join(dir, `${name}--base.xlsx`);
    fs.writeFileSync(base, buf);
    variants.push({ caseName: name, edit: -1, file: base });
    for (let i = 0; i < EDITS.length; i++) {
      const copy = await XlsxPackage.load(buf);
      if (!(await EDITS[i].apply(copy))) continue;
      const file = path.join(dir, `${name}--${i}.xlsx`);
      fs.writeFileSync(file, await copy.toBuffer());
      variants.push({ caseName: name, edit: i, file });
    }
  }
  const out = await recalculateMany(
    variants.map((v) => v.file),
    path.join(dir, 'recalculated'),
  );
  for (let i = 0; i < variants.length; i++) {
    const v = variants[i];
    const port = await ExcelJsWorkbook.load(out[i]);
    const fresh = computeOutputs(await port.readTables());
    v.master = masterCheck(port.workbook).value;
    v.freshOk = fresh.ok;
    v.sources = fresh.ok ? fresh.allocation.groups.filter((g) => g.kind === 'TA' && g.pool === 'b').map((g) => g.keySource) : [];
    v.diffs = fresh.ok
      ? differences(figuresOf(readableWorkbook(port.workbook)), figuresOf(readableSpecs(fresh.sheets)))
      : ['(a fresh run refuses the edited inputs)'];
    v.falseChecks = checkRows(port.workbook)
      .filter((r) => r.value !== true && !r.label.startsWith('KAIKKI'))
      .map((r) => `${r.label} = ${String(r.value)}`);
  }
}, 1_200_000);

test('the engine keys the budget from the plan (plan-only event, whole year) and from last year (no plan rows)', () => {
  expect([...sourcesAtRun.get('plan')!].sort()).toEqual(['plan', 'plan', 'previous-year']);
  expect(sourcesAtRun.get('previous')).toEqual(['previous-year', 'previous-year']);
  expect(sourcesAtRun.get('noplan')).toEqual(['previous-year', 'previous-year']);
});

test('a workbook without a plan table gets the empty plan; a plan typed into its row later is followed live in the workbook itself', async () => {
  const pkg = await XlsxPackage.load(written.get('noplan')!);
  const t = await pkg.table(PLAN_TABLE);
  expect(t.rows().map((r) => r.map((v) => v ?? ''))).toEqual([['', '', '', '']]);
  // Before the fix there was no table to type into: a plan made afterwards was a new table that no
  // formula read, and TYM_TARKISTUS stayed TRUE over the split of last year's registrations. Now the
  // key block reads the added table's row: the plan keys Syyspäivä (KELA 4 of 4) and, since a line
  // with no event is keyed by every plan row of the year (rule book §9), the whole year too.
  const typed = variants.find((v) => v.caseName === 'noplan' && v.edit === EDITS.findIndex((e) => e.name.startsWith('add a plan row')))!;
  expect(typed.sources).toEqual(['plan', 'plan']);
  expect({ master: typed.master, diffs: typed.diffs, falseChecks: typed.falseChecks }).toEqual({
    master: true,
    diffs: [],
    falseChecks: [],
  });
  // Two rows where the run wrote one: the workbook says "run again" instead of showing a figure.
  const two = variants.find((v) => v.caseName === 'noplan' && v.edit === EDITS.findIndex((e) => e.name.startsWith('add two plan rows')))!;
  expect(two.master).toBe(false);
  expect(two.falseChecks!.some((c) => /Osallistujasuunnitelma/.test(c))).toBe(true);
});

test('the plan split is hand-checked: 3 000 € by 20 : 12 : 3 = 1 714.29 / 1 028.57 / 257.14', async () => {
  const port = await ExcelJsWorkbook.fromBuffer(Buffer.from(written.get('plan')!));
  const cells = await port.readOutputCells(['TYM_Jako']);
  const shares = cells.filter((c) => typeof c.value === 'number').map((c) => c.value);
  expect(shares).toEqual(expect.arrayContaining([1714.29, 1028.57, 257.14]));
  // The whole year by every plan row of 2027: TVA 20 + 35, HVA 12, KELA 3 of 8 000 € = 6 285.71 / 1 371.43 / 342.86.
  expect(shares).toEqual(expect.arrayContaining([6285.71, 1371.43, 342.86]));
});

test('every edit applies to at least one case', () => {
  const applied = new Set(variants.map((v) => v.edit));
  expect(EDITS.filter((_, i) => !applied.has(i)).map((e) => e.name)).toEqual([]);
});

describe.each(EDITS.map((e, i) => [e.name, i] as const))('%s', (_name, index) => {
  const edit = EDITS[index];
  test('every figure equals a fresh run, or TYM_TARKISTUS is FALSE and a check row names the cause', () => {
    const bad: unknown[] = [];
    for (const v of variants.filter((x) => x.edit === index)) {
      if (v.master === true) {
        if (!v.freshOk || v.diffs!.length) bad.push({ case: v.caseName, wrongFigures: v.diffs });
      } else if (!v.falseChecks!.some((c) => edit.cause.test(c)))
        bad.push({ case: v.caseName, cause: String(edit.cause), falseChecks: v.falseChecks });
    }
    expect(bad).toEqual([]);
  });
  if (edit.live) {
    test("the formulas follow it live: TRUE master check and a fresh run's figures", () => {
      const wrong = variants
        .filter((x) => x.edit === index && (x.master !== true || x.diffs!.length))
        .map((v) => ({ case: v.caseName, master: v.master, diffs: v.diffs, falseChecks: v.falseChecks }));
      expect(wrong).toEqual([]);
    });
  }
});

test('the edits move the key where the engine moves it (the suite tests what it says)', () => {
  const of = (name: string, edit: string) =>
    variants.find((v) => v.caseName === name && v.edit === EDITS.findIndex((e) => e.name.startsWith(edit)));
  // Last year's registrations cancelled: no key for Syyspäivä, the engine refuses, the workbook says so.
  expect(of('previous', 'cancel')!.freshOk).toBe(false);
  expect(of('previous', 'cancel')!.master).toBe(false);
  // Redated into 2027: Syyspäivä and the whole year keyed from the year's registrations (live).
  expect(of('previous', 'redate')!.sources).toEqual(['registrations', 'registrations']);
});
