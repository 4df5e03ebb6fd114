import type { RunReport, ValidationReport, VerifyReport } from '../../src/app/api';
import { error, warning } from '../../src/domain/problems';
import { translator } from '../../src/taskpane/i18n';
import { failureOf, initialState, noticeText, progressOf, reduce, type PaneState } from '../../src/taskpane/state';
import { SheetConflictError, WorkbookChangedError } from '../../src/workbook/port';

const tr = translator('fi');
const say = (s: PaneState) => (s.announcement ? noticeText(s.announcement, tr) : '');

const validation: ValidationReport = {
  problems: [error('number-is-text', { sheet: 'Kustannukset', cell: 'E2' }, { value: 'x' }), warning('hidden-rows', {}, { count: 1, rows: '3' })],
  tablesFound: { asetukset: 'Asetukset', kunnat: null, henkilosto: null, ilmoittautumiset: null, kustannukset: 'Kustannukset' },
  settings: null,
  ok: false,
};

describe('pane state', () => {
  test('validate: busy, then the report and a spoken count', () => {
    const s1 = reduce(initialState, { type: 'start', action: 'validate' });
    expect(s1.busy).toBe('validate');
    const s2 = reduce(s1, { type: 'validated', report: validation });
    expect(s2.busy).toBeNull();
    expect(s2.problems).toHaveLength(2);
    expect(say(s2)).toBe('Tarkistus valmis: virheitä 1, varoituksia 1.');
  });

  test('run: clears the old result, collects steps in order, announces each, ends with the summary', () => {
    const old: RunReport = { ok: true, problems: [], summary: { year: 2025, kinds: [], sheets: ['A'], masterCheck: true, invoicing: { period: 'vuosi', dueMonths: [1], employer: 'Järvenpää', receivers: [] } } };
    let s = reduce({ ...initialState, run: old }, { type: 'start', action: 'run' });
    expect(s.run).toBeNull();
    s = reduce(s, { type: 'progress', step: 'read' });
    expect(say(s)).toBe('Luetaan syöttötaulukot');
    s = reduce(s, { type: 'progress', step: 'validate' });
    s = reduce(s, { type: 'progress', step: 'validate' });
    s = reduce(s, { type: 'progress', step: 'write' });
    expect(s.steps).toEqual(['read', 'validate', 'write']);
    expect(progressOf(s.steps)).toBeCloseTo(5 / 6);
    const done: RunReport = { ok: true, problems: [], summary: { year: 2026, kinds: [], sheets: ['TYM_Tulokset', 'TYM_Jako'], masterCheck: true, invoicing: { period: 'vuosi', dueMonths: [1], employer: 'Järvenpää', receivers: [] } } };
    s = reduce(s, { type: 'ran', report: done });
    expect(s.busy).toBeNull();
    expect(say(s)).toBe('Laskenta valmis vuodelle 2026. Tulosvälilehdet: TYM_Tulokset, TYM_Jako.');
  });

  test('a run stopped by errors shows the problems and says so', () => {
    const s = reduce(reduce(initialState, { type: 'start', action: 'run' }), { type: 'ran', report: { ok: false, problems: validation.problems } });
    expect(s.problems).toBe(validation.problems);
    expect(say(s)).toMatch(/^Laskentaa ei tehty/);
  });

  test('verify: findings, input errors, no outputs, all good', () => {
    const base: VerifyReport = { ok: true, problems: [], findings: [], cellsChecked: 120 };
    const v = (r: Partial<VerifyReport>) => say(reduce(initialState, { type: 'verified', report: { ...base, ...r } }));
    expect(v({})).toBe('Kaikki tulossolut täsmäävät (tarkistettuja soluja 120).');
    expect(v({ ok: false, findings: [{ sheet: 'S', address: 'A1', kind: 'formula', expected: 'SUM(A2)', actual: '5' }] })).toBe('Poikkeamia 1 (tarkistettuja soluja 120).');
    expect(v({ ok: false, cellsChecked: 0, problems: validation.problems })).toMatch(/syötteissä on virheitä/);
    expect(v({ cellsChecked: 0 })).toMatch(/Tulosvälilehtiä ei löytynyt/);
  });

  test('failures become actionable notices', () => {
    expect(noticeText(failureOf(new SheetConflictError('TYM_Tulokset')), tr)).toMatch(/^Välilehti "TYM_Tulokset" on jo olemassa/);
    const tableClash = Object.assign(new Error('x'), { name: 'TableNameConflictError', table: 'Tulokset', sheet: 'Oma' });
    expect(noticeText(failureOf(tableClash), tr)).toBe('Taulukon nimi "Tulokset" on jo käytössä välilehdellä "Oma". Nimeä se taulukko uudelleen ja laske uudelleen.');
    expect(noticeText(failureOf(new WorkbookChangedError('Henkilosto', 'Henkilöstö')), tr)).toBe(
      'Taulukko "Henkilosto" (välilehti "Henkilöstö") muuttui lukemisen aikana. Mitään ei kirjoitettu. Lopeta muokkaus ja yritä uudelleen.',
    );
    expect(noticeText(failureOf(new WorkbookChangedError('Henkilosto', 'Henkilöstö')), translator('en'))).toMatch(/^Table "Henkilosto" \(sheet "Henkilöstö"\) changed while it was being read/);
    expect(noticeText(failureOf(new Error('boom')), tr)).toBe('Odottamaton virhe: boom');
    expect(noticeText(failureOf('str'), tr)).toBe('Odottamaton virhe: str');
    const s = reduce(reduce(initialState, { type: 'start', action: 'run' }), { type: 'failed', failure: failureOf(new Error('boom')) });
    expect(s.busy).toBeNull();
    expect(s.failure).not.toBeNull();
  });
});
