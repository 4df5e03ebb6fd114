import type { RunSummary, ValidationReport, VerifyReport } from '../../src/app/api';
import { error, warning } from '../../src/domain/problems';
import { barActions, primaryAction } from '../../src/taskpane/actions';
import { translator } from '../../src/taskpane/i18n';
import {
  failureOf,
  freshness,
  initialState,
  noticeText,
  progressOf,
  reduce,
  type PaneEvent,
  type PaneState,
} from '../../src/taskpane/state';
import { SheetConflictError, WorkbookChangedError } from '../../src/workbook/port';

const tr = translator('fi');
const say = (s: PaneState) => (s.announcement ? noticeText(s.announcement, tr) : '');
const all = (s: PaneState, ...evs: PaneEvent[]) => evs.reduce(reduce, s);

const ALL_TABLES = {
  asetukset: 'Asetukset',
  kunnat: 'Kunnat',
  henkilosto: 'Henkilosto',
  ilmoittautumiset: 'Ilmoittautumiset',
  kustannukset: 'Kustannukset',
};
const validation: ValidationReport = {
  problems: [
    error('number-is-text', { sheet: 'Kustannukset', cell: 'E2' }, { value: 'x' }),
    warning('hidden-rows', {}, { count: 1, rows: '3' }),
  ],
  tablesFound: { ...ALL_TABLES, kunnat: null, henkilosto: null, ilmoittautumiset: null },
  settings: null,
  ok: false,
  fingerprint: 'f0',
};
const clean: ValidationReport = { problems: [], tablesFound: ALL_TABLES, settings: null, ok: true, fingerprint: 'f1' };
const summary = (year: number): RunSummary => ({
  year,
  kinds: [],
  sheets: ['TYM_Tulokset', 'TYM_Jako'],
  masterCheck: true,
  invoicing: { period: 'year', dueMonths: [1], employer: 'Järvenpää', receivers: [] },
});
const ran = (fingerprint: string, seq: number): PaneEvent => ({
  type: 'ran',
  report: { ok: true, problems: [], summary: summary(2026), fingerprint },
  seq,
  at: '2026-12-01T10:00:00Z',
});

describe('pane state', () => {
  test('a run that added the empty participant plan updates the table status without another read', () => {
    const noPlan = { ...clean, tablesFound: { ...ALL_TABLES, suunnitelma: null } };
    const location = {
      name: 'Osallistujasuunnitelma',
      sheet: 'Osallistujasuunnitelma',
      headerRow: 1,
      lastRow: 2,
      firstColumn: 'A',
      lastColumn: 'D',
      columns: {},
    };
    const report = { ok: true, problems: [], summary: summary(2027), fingerprint: 'f2', tables: [location] };
    const s = all(initialState, { type: 'validated', report: noPlan, seq: 0 }, { type: 'ran', report, seq: 0, at: 'x' });
    expect(s.validation?.tablesFound.suunnitelma).toBe('Osallistujasuunnitelma');
    // A run without one leaves the status as it was read.
    const t = all(
      initialState,
      { type: 'validated', report: noPlan, seq: 0 },
      { type: 'ran', report: { ...report, tables: [] }, seq: 0, at: 'x' },
    );
    expect(t.validation?.tablesFound.suunnitelma).toBeNull();
  });

  test('validate: busy, then the report and a spoken count', () => {
    const s1 = reduce(initialState, { type: 'start', action: 'validate' });
    expect(s1.busy).toBe('validate');
    const s2 = reduce(s1, { type: 'validated', report: validation, seq: 0 });
    expect(s2.busy).toBeNull();
    expect(s2.problems).toHaveLength(2);
    expect(s2.inputs).toEqual({ fingerprint: 'f0', seq: 0 });
    expect(say(s2)).toBe('Tarkistus valmis: virheitä 1, varoituksia 1.');
  });

  test('run: collects steps in order, announces each, ends with the result and moves the focus to it', () => {
    let s = reduce(initialState, { type: 'start', action: 'run' });
    s = reduce(s, { type: 'progress', step: 'read' });
    expect(say(s)).toBe('Luetaan syöttötaulukot');
    s = all(s, { type: 'progress', step: 'validate' }, { type: 'progress', step: 'validate' }, { type: 'progress', step: 'write' });
    expect(s.steps).toEqual(['read', 'validate', 'write']);
    expect(progressOf(s.steps)).toBeCloseTo(5 / 6);
    s = reduce(s, ran('f1', 0));
    expect(s.busy).toBeNull();
    expect(s.result?.summary.year).toBe(2026);
    expect(s.focusResult).toBe(1);
    expect(freshness(s, s.result!.fingerprint)).toBe('current');
    expect(say(s)).toBe('Laskenta valmis vuodelle 2026. Tulosvälilehdet: TYM_Tulokset, TYM_Jako.');
  });

  test('a run stopped by errors shows the problems and says so; the earlier result stays, marked stale', () => {
    const before = reduce(initialState, ran('f1', 0));
    const s = all(
      before,
      { type: 'start', action: 'run' },
      { type: 'ran', report: { ok: false, problems: validation.problems, fingerprint: 'f2' }, seq: 0, at: 'x' },
    );
    expect(s.problems).toBe(validation.problems);
    expect(s.runFailed).toBe(true);
    expect(say(s)).toMatch(/^Laskentaa ei tehty/);
    expect(s.result?.fingerprint).toBe('f1');
    expect(freshness(s, 'f1')).toBe('stale');
  });

  describe('never stale unmarked', () => {
    const fresh = reduce(initialState, ran('f1', 0));

    test('a change marks the result stale at once, and the screen reader hears it once', () => {
      const s = reduce(fresh, { type: 'inputsChanged' });
      expect(freshness(s, 'f1')).toBe('stale');
      expect(say(s)).toBe('Tulos on vanhentunut: syötteet ovat muuttuneet. Laske uudelleen.');
      const again = reduce({ ...s, announcement: null }, { type: 'inputsChanged' });
      expect(again.announcement).toBeNull();
    });

    test('a later read with the same fingerprint makes it current again; another fingerprint keeps it stale', () => {
      const changed = reduce(fresh, { type: 'inputsChanged' });
      expect(freshness(reduce(changed, { type: 'validated', report: clean, seq: 1 }), 'f1')).toBe('current');
      expect(freshness(reduce(changed, { type: 'validated', report: { ...clean, fingerprint: 'f9' }, seq: 1 }), 'f1')).toBe('stale');
      expect(freshness(reduce(changed, { type: 'fingerprinted', fingerprint: 'f9', seq: 1 }), 'f1')).toBe('stale');
    });

    test('a read that started before a change cannot clear it (the change came after what it read)', () => {
      const changed = reduce(fresh, { type: 'inputsChanged' }); // changeSeq 1
      const late = reduce(changed, { type: 'validated', report: clean, seq: 0 });
      expect(freshness(late, 'f1')).toBe('stale');
      // nor can an older read replace a newer one
      const newer = reduce(changed, { type: 'fingerprinted', fingerprint: 'f9', seq: 1 });
      expect(reduce(newer, { type: 'fingerprinted', fingerprint: 'f1', seq: 0 }).inputs).toEqual({ fingerprint: 'f9', seq: 1 });
    });

    test('a focus check that finds other inputs marks the result stale (the fallback without events)', () => {
      const s = reduce(fresh, { type: 'fingerprinted', fingerprint: 'f2', seq: 0 });
      expect(freshness(s, 'f1')).toBe('stale');
      expect(say(s)).toMatch(/^Tulos on vanhentunut/);
    });

    test('an audit is stale like a result', () => {
      const audit: VerifyReport = { ok: true, problems: [], findings: [], cellsChecked: 10, fingerprint: 'f1' };
      const s = reduce(fresh, { type: 'verified', report: audit, seq: 0 });
      expect(freshness(s, s.verify!.fingerprint)).toBe('current');
      expect(freshness(reduce(s, { type: 'inputsChanged' }), s.verify!.fingerprint)).toBe('stale');
    });

    test('a result kept in the document: shown at once, checking until the inputs are read, then current or stale', () => {
      const stored = { version: 1 as const, at: '2026-11-30T08:00:00Z', fingerprint: 'f1', summary: summary(2026) };
      const s = reduce(initialState, { type: 'restored', stored });
      expect(s.result?.restored).toBe(true);
      expect(freshness(s, 'f1')).toBe('checking');
      expect(freshness(reduce(s, { type: 'validated', report: clean, seq: 0 }), 'f1')).toBe('current');
      expect(freshness(reduce(s, { type: 'validated', report: { ...clean, fingerprint: 'f2' }, seq: 0 }), 'f1')).toBe('stale');
      // a run of this session is not replaced by the stored one arriving late
      const ranFirst = reduce(initialState, ran('f5', 0));
      expect(reduce(ranFirst, { type: 'restored', stored }).result?.fingerprint).toBe('f5');
    });
  });

  test('verify: findings, input errors, no outputs, all good', () => {
    const base: VerifyReport = { ok: true, problems: [], findings: [], cellsChecked: 120 };
    const v = (r: Partial<VerifyReport>) => say(reduce(initialState, { type: 'verified', report: { ...base, ...r }, seq: 0 }));
    expect(v({})).toBe('Kaikki tulossolut täsmäävät (tarkistettuja soluja 120).');
    expect(v({ ok: false, findings: [{ sheet: 'S', address: 'A1', kind: 'formula', expected: 'SUM(A2)', actual: '5' }] })).toBe(
      'Poikkeamia 1 (tarkistettuja soluja 120).',
    );
    expect(v({ ok: false, cellsChecked: 0, problems: validation.problems })).toMatch(/syötteissä on virheitä/);
    expect(v({ cellsChecked: 0 })).toMatch(/Tulosvälilehtiä ei löytynyt/);
  });

  test('a failure ends the progress, is not repeated by the live region (the alert says it), and can be dismissed', () => {
    let s = all(initialState, { type: 'start', action: 'run' }, { type: 'progress', step: 'read' }, { type: 'progress', step: 'write' });
    s = reduce(s, { type: 'failed', failure: failureOf(new Error('boom')) });
    expect(s.busy).toBeNull();
    expect(s.steps).toEqual([]);
    expect(s.failure).not.toBeNull();
    expect(s.announcement).toBeNull();
    expect(reduce(s, { type: 'dismiss', what: 'failure' }).failure).toBeNull();
    const v = all(
      initialState,
      { type: 'start', action: 'verify' },
      { type: 'verifyProgress', step: 'read' },
      { type: 'failed', failure: failureOf(new Error('x')) },
    );
    expect(v.verifySteps).toEqual([]);
  });

  test('failures become actionable notices', () => {
    expect(noticeText(failureOf(new SheetConflictError('TYM_Tulokset')), tr)).toMatch(/^Välilehti "TYM_Tulokset" on jo olemassa/);
    const tableClash = Object.assign(new Error('x'), { name: 'TableNameConflictError', table: 'Tulokset', sheet: 'Oma' });
    expect(noticeText(failureOf(tableClash), tr)).toBe(
      'Taulukon nimi "Tulokset" on jo käytössä välilehdellä "Oma". Nimeä se taulukko uudelleen ja laske uudelleen.',
    );
    expect(noticeText(failureOf(new WorkbookChangedError('Henkilosto', 'Henkilöstö')), tr)).toBe(
      'Taulukko "Henkilosto" (välilehti "Henkilöstö") muuttui lukemisen aikana. Mitään ei kirjoitettu. Lopeta muokkaus ja yritä uudelleen.',
    );
    expect(noticeText(failureOf(new Error('boom')), tr)).toBe('Odottamaton virhe: boom');
    expect(noticeText(failureOf('str'), tr)).toBe('Odottamaton virhe: str');
  });
});

describe('the primary action follows the workbook', () => {
  const s = (over: Partial<PaneState>): PaneState => ({ ...initialState, ...over });
  test('no tables: create the template (calculate is not primary)', () => {
    const empty: ValidationReport = { problems: [], tablesFound: {}, settings: null, ok: false, fingerprint: 'e' };
    expect(primaryAction(s({ validation: empty }))).toBe('template');
    expect(barActions(s({ validation: empty }))).toEqual(['template', 'run', 'validate']);
  });
  test('errors: check again once fixed; clean: calculate; current result: nothing in the bar', () => {
    const withErrors = { ...clean, problems: validation.problems };
    expect(primaryAction(s({ validation: withErrors, problems: withErrors.problems }))).toBe('validate');
    expect(primaryAction(s({ validation: clean, problems: [] }))).toBe('run');
    const done = reduce(s({ validation: clean, problems: [] }), ran('f1', 0));
    expect(primaryAction(done)).toBeNull();
    expect(barActions(done)).toEqual(['validate']); // the run button is the result card's "Laske uudelleen"
    expect(primaryAction(reduce(done, { type: 'inputsChanged' }))).toBe('run');
  });
});
