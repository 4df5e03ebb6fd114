/**
 * The audit view by cause (issue 9's causes in the pane): every finding under the one cause that
 * explains it, root cause first, the cells a cause names as links, the rest "other differences";
 * in Finnish, Swedish and English.
 */
import { html, text } from '../support/render';
import { ExcelJsWorkbook } from '../../src/adapters/exceljs/excelJsWorkbook';
import type { VerifyFinding, VerifyReport } from '../../src/app/api';
import { createAllocationApp } from '../../src/app/run';
import { groupFindings } from '../../src/app/verifyCauses';
import { error } from '../../src/domain/problems';
import { buildSampleInputs } from '../../src/sample/sample';
import { auditView, causeText, refTarget } from '../../src/taskpane/audit';
import { AuditSection, type AuditSectionProps } from '../../src/taskpane/components/AuditSection';
import { translator } from '../../src/taskpane/i18n';
import type { Lang } from '../../src/app/vocabulary';

const NB = '\u00a0';
const noop = () => undefined;
const props = (report: VerifyReport, lang: Lang = 'fi'): AuditSectionProps => ({
  report,
  steps: [],
  running: false,
  busy: false,
  freshness: 'current',
  localActual: {},
  tables: [],
  lang,
  tr: translator(lang),
  onVerify: noop,
  onSelect: noop,
});

const f = (sheet: string, address: string, kind: VerifyFinding['kind'], expected = '1', actual = '2'): VerifyFinding => ({
  sheet,
  address,
  kind,
  expected,
  actual,
});

describe("grouping (hand-made report, causes from the app's own grouping)", () => {
  // Two overwritten formulas on TYM_Jako, three values on TYM_Tulokset after a changed input, a missing sheet.
  const findings = [
    f('TYM_Tulokset', 'C5', 'value'),
    f('TYM_Jako', 'D7', 'formula', '=B7*C7', '100'),
    f('TYM_Tulokset', 'C6', 'value'),
    f('TYM_Laskutus', 'A1', 'missing', 'taulukko', '(puuttuu)'),
    f('TYM_Jako', 'D8', 'formula', '=B8*C8', '=1'),
    f('TYM_Tulokset', 'C7', 'value'),
  ];
  const causes = [
    { code: 'inputs-changed' as const, params: { time: '2026-12-01T10:05:00.000Z', tables: 'Kustannukset' }, cells: [], count: 1 },
    {
      code: 'table-range' as const,
      params: { table: 'Tulokset', expected: 'TYM_Tulokset!A4:F20', actual: 'TYM_Tulokset!A4:F19' },
      cells: [],
      count: 1,
    },
    {
      code: 'name-changed' as const,
      params: { name: 'TYM_KELA_PROS', expected: 'TYM_Parametrit!$B$3', actual: "'TYM_Parametrit'!$B$1" },
      cells: [],
      count: 1,
    },
    ...groupFindings(
      findings,
      new Map([
        ['TYM_Jako', 400],
        ['TYM_Tulokset', 60],
      ]),
      true,
    ),
    { code: 'master-false' as const, params: { checks: 'Jako täsmää' }, cells: ['TYM_Tarkistukset!B5', 'TYM_Tarkistukset!B9'], count: 2 },
  ];
  const report: VerifyReport = { ok: false, problems: [], findings, cellsChecked: 500, causes };

  test("each finding under exactly one cause, in the causes' order; nothing left over", () => {
    const view = auditView(report);
    expect(view.groups.map((g) => g.cause.code)).toEqual([
      'inputs-changed',
      'table-range',
      'name-changed',
      'overwritten',
      'sheet-missing',
      'values-follow-inputs',
      'master-false',
    ]);
    const of = (code: string) => view.groups.find((g) => g.cause.code === code)!;
    expect(of('overwritten').findings.map((x) => x.address)).toEqual(['D7', 'D8']);
    expect(of('sheet-missing').findings.map((x) => x.sheet)).toEqual(['TYM_Laskutus']);
    expect(of('values-follow-inputs').findings.map((x) => x.address)).toEqual(['C5', 'C6', 'C7']);
    expect(of('inputs-changed').findings).toEqual([]);
    expect(view.uncategorised).toEqual([]);
    // the places a cause names that are no finding: the cut table, the moved name, the FALSE checks
    expect(of('table-range').targets).toEqual([{ sheet: 'TYM_Tulokset', address: 'A4:F19', kind: 'table' }]);
    expect(of('name-changed').targets).toEqual([{ sheet: 'TYM_Parametrit', address: 'B1', kind: 'cell' }]);
    expect(of('master-false').targets.map((t) => t.address)).toEqual(['B5', 'B9']);
    expect(of('overwritten').targets).toEqual([]);
  });

  test('a report without causes (or with findings no cause names) lists them as uncategorised', () => {
    expect(auditView({ ...report, causes: undefined })).toEqual({ groups: [], uncategorised: findings });
    const partial = auditView({ ...report, causes: causes.filter((c) => c.code !== 'values-follow-inputs') });
    expect(partial.uncategorised.map((x) => x.address)).toEqual(['C5', 'C6', 'C7']);
  });

  test("the cause lines in the three languages, counts and the run's time written the language's way", () => {
    const many = { code: 'values-follow-inputs' as const, params: { count: 12345 }, cells: [], count: 12345 };
    expect(causeText(many, 'fi')).toBe(`Syötteitä vastaamattomia tulosarvoja 12${NB}345 (seurausta yllä mainitusta muutoksesta).`);
    expect(causeText(many, 'en')).toBe('Output values that no longer match the inputs: 12,345 (a consequence of the change above).');
    const changed = causeText(causes[0], 'sv');
    expect(changed).toMatch(
      /^Indata har ändrats efter beräkningen \(2026-12-01 kl\. \d\d\.05\): Kustannukset\. Beräkna kostnadsfördelningen på nytt\.$/,
    );
  });

  test('references to links', () => {
    expect(refTarget("'Oma ''taulu'''!$A$1:$B$2", 'table')).toEqual({ sheet: "Oma 'taulu'", address: 'A1:B2', kind: 'table' });
    expect(refTarget('TYM_Jako!C3', 'cell')).toEqual({ sheet: 'TYM_Jako', address: 'C3', kind: 'cell' });
    expect(refTarget('—', 'cell')).toBeNull();
    expect(refTarget('#REF!', 'cell')).toBeNull();
  });

  test('rendered: the causes first under their heading, each finding folded under its cause with a link', () => {
    const h = html(<AuditSection {...props(report)} />);
    const t = text(h);
    expect(t).toContain('Syyt ja mitä tehdä');
    const order = [
      'Syötteet ovat muuttuneet laskennan',
      'Taulukon Tulokset alue',
      'Määritetty nimi TYM_KELA_PROS',
      'TYM_Jako: käsin korvattuja',
      'Tulosvälilehti TYM_Laskutus puuttuu',
      'Syötteitä vastaamattomia tulosarvoja 3',
      'TYM_TARKISTUS on EPÄTOSI',
    ];
    const at = order.map((s) => t.indexOf(s));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    // folded findings with their count, one link per finding and per named place
    expect(h).toMatch(/<li[^>]*data-cause="overwritten"[\s\S]*?<details[^>]*><summary[^>]*>Poikkeavat solut \(2\)<\/summary>/);
    expect(h).toContain('data-cell="TYM_Jako!D7"');
    expect(h).toContain('data-cell="TYM_Tulokset!A4:F19"');
    expect(t).toContain('Näytä taulukko Tulokset (TYM_Tulokset!A4:F19)');
    expect(t).toContain('Siirry soluun TYM_Tarkistukset!B9');
    expect(h.match(/data-cell=/g)).toHaveLength(6 + 4);
    expect(t).not.toContain('Muut poikkeamat');
    // Swedish
    const sv = text(html(<AuditSection {...props(report, 'sv')} />));
    expect(sv).toContain('Orsaker och vad du ska göra');
    expect(sv).toContain('Avvikande celler (3)');
    expect(sv).toContain('Gå till cell TYM_Jako!D8');
  });

  test('input errors stop the check: the errors under their cause, with their links', () => {
    const problems = [
      error('number-is-text', { sheet: 'Kustannukset', table: 'Kustannukset', row: 2, column: 'Summa', cell: 'E2' }, { value: 'kymmenen' }),
    ];
    const stopped: VerifyReport = {
      ok: false,
      problems,
      findings: [],
      cellsChecked: 0,
      causes: [{ code: 'inputs-invalid', params: {}, cells: [], count: 1 }],
    };
    const h = html(<AuditSection {...props(stopped, 'en')} />);
    const t = text(h);
    expect(t).toContain('The inputs have errors (below): the results cannot be recomputed to verify them.');
    expect(t).toContain('Cell E2, column "Summa"');
    expect(h).toContain('data-cell="Kustannukset!E2"');
  });
});

test('a real check: an input changed and a formula typed over; every finding in one group, the overwritten cell alone under its cause', async () => {
  const port = ExcelJsWorkbook.fromWorkbook(await buildSampleInputs({ year: 2026, scale: 0.1 }));
  expect((await createAllocationApp(port).run()).ok).toBe(true);
  const book = await ExcelJsWorkbook.fromBuffer(await port.toBuffer());
  const formulaCell = (await book.readOutputCells(['TYM_Tulokset'])).find((c) => c.formula !== undefined && typeof c.value === 'number')!;
  const ws = book.workbook.getWorksheet('TYM_Tulokset')!;
  ws.getCell(formulaCell.address).value = 12345;
  const costs = book.workbook.getWorksheet('Kustannukset')!;
  const header = (costs.getRow(1).values as unknown[]).indexOf('Summa');
  costs.getCell(2, header).value = Number(costs.getCell(2, header).value) + 1000;
  await book.commitView();
  const report = await createAllocationApp(book).verify();
  const view = auditView(report);
  const codes = view.groups.map((g) => g.cause.code);
  expect(codes[0]).toBe('inputs-changed');
  expect(codes).toContain('overwritten');
  expect(view.groups.find((g) => g.cause.code === 'overwritten')!.findings.map((x) => `${x.sheet}!${x.address}`)).toEqual([
    `TYM_Tulokset!${formulaCell.address}`,
  ]);
  // every finding once: the groups and the rest add up to the report
  const all = [...view.groups.flatMap((g) => g.findings), ...view.uncategorised];
  expect(all).toHaveLength(report.findings.length);
  expect(new Set(all).size).toBe(report.findings.length);
  expect(view.uncategorised).toEqual([]);
  expect(report.findings.some((x) => x.kind === 'value')).toBe(true);
  expect(view.groups.find((g) => g.cause.code === 'values-follow-inputs')!.findings.every((x) => x.kind === 'value')).toBe(true);
}, 120_000);
