/** Server-side renders of the components (react-dom/server): what a user and a screen reader get. */
import { renderToString } from 'react-dom/server';
import { html, text } from '../support/render';
import type { AllocationApp, RunSummary } from '../../src/app/api';
import { tableLocation } from '../../src/app/inputs';
import { error, warning } from '../../src/domain/problems';
import { App, templateYear } from '../../src/taskpane/App';
import { AuditSection } from '../../src/taskpane/components/AuditSection';
import { ProblemList } from '../../src/taskpane/components/ProblemList';
import { ResultCard } from '../../src/taskpane/components/ResultCard';
import { ResultDetails } from '../../src/taskpane/components/ResultDetails';
import { TableStatus } from '../../src/taskpane/components/TableStatus';
import { translator } from '../../src/taskpane/i18n';
import type { ResultView } from '../../src/taskpane/state';
import type { Host } from '../../src/app/host';

const NB = '\u00a0';

const problems = [
  warning('hidden-rows', { sheet: 'Henkilosto', table: 'Henkilosto' }, { count: 1, rows: '4' }),
  error('number-is-text', { sheet: 'Kustannukset', table: 'Kustannukset', row: 2, column: 'Summa', cell: 'E2' }, { value: 'kymmenen' }),
];
const tables = [
  tableLocation({
    name: 'Henkilosto',
    sheet: 'Henkilosto',
    headerRow: 1,
    firstColumn: 1,
    headers: ['Organisaatio', 'HTV'],
    rows: Array(5).fill([]),
  }),
];
const noop = () => undefined;

test('problems: grouped by table, errors listed, warnings folded with their count, every one with a link', () => {
  const h = html(
    <ProblemList
      problems={problems}
      tables={tables}
      lang="fi"
      tr={translator('fi')}
      onSelect={noop}
      headingId="p"
      heading="Syötteiden tarkistus"
    />,
  );
  const t = text(h);
  expect(t).toContain('Virheitä 1, varoituksia 1.');
  expect(t).toContain('Virhe: Solu E2, sarake "Summa": Solussa on tekstiä ("kymmenen"), ei lukua.');
  expect(h).toMatch(/<h3[^>]*>Kustannukset<\/h3>/);
  expect(h).toMatch(/<button[^>]*data-cell="Kustannukset!E2"[^>]*>Siirry soluun Kustannukset!E2<\/button>/);
  // the warning without a cell links to its table
  expect(h).toMatch(/<details[^>]*><summary[^>]*>Varoitukset \(1\)<\/summary>/);
  expect(h).toMatch(/data-cell="Henkilosto!A1:B6"[^>]*>Näytä taulukko Henkilosto \(Henkilosto!A1:B6\)<\/button>/);
  expect(h.match(/data-cell=/g)).toHaveLength(2);
  expect(h).toContain('<h2 id="p"');
});

test('problems in Swedish', () => {
  const t = text(
    html(<ProblemList problems={problems} tables={tables} lang="sv" tr={translator('sv')} onSelect={noop} headingId="p" heading="x" />),
  );
  expect(t).toContain('Fel: Cell E2, kolumn "Summa": Cellen innehåller text ("kymmenen"), inte ett tal.');
  expect(t).toContain('Gå till cell Kustannukset!E2');
});

const summary: RunSummary = {
  year: 2026,
  masterCheck: true,
  sheets: ['TYM_Tulokset'],
  invoicing: {
    period: 'quarter',
    dueMonths: [1, 4, 7, 10],
    employer: 'Järvenpää',
    receivers: [
      {
        receiver: 'Järvenpää',
        isEmployer: true,
        taShare: '500.00',
        taPaid: '1500.01',
        taNet: '-1000.01',
        advances: [],
        actual: { share: '510.00', paid: '1510.00', net: '-1000.00', advancesBilled: '-1000.01', settlement: '0.01' },
      },
      {
        receiver: 'HVA',
        isEmployer: false,
        taShare: '1000.01',
        taPaid: '0.00',
        taNet: '1000.01',
        advances: ['250.01', '250.00', '250.00', '250.00'],
        actual: { share: '1000.00', paid: '0.00', net: '1000.00', advancesBilled: '1000.01', settlement: '-0.01' },
      },
    ],
  },
  kinds: [
    {
      kind: 'TA',
      total: '100000.00',
      receivers: [
        { receiver: 'TVA', level: 'party', amount: '58333.33' },
        { receiver: 'HVA', level: 'party', amount: '41666.67' },
        { receiver: 'KELA', level: 'party', amount: '0.00' },
        { receiver: 'Järvenpää', level: 'municipality', amount: '58333.33' },
      ],
    },
  ],
};
const result: ResultView = {
  summary,
  warnings: [problems[0]],
  fingerprint: 'f',
  at: new Date(2026, 11, 1, 10, 37).toISOString(),
  restored: false,
};

test('result card: year, time, status, master check, party totals, open the result sheet, warnings folded', () => {
  const h = html(
    <ResultCard
      result={result}
      freshness="current"
      tables={tables}
      lang="fi"
      tr={translator('fi')}
      busy={false}
      onRun={noop}
      onSelect={noop}
    />,
  );
  const t = text(h);
  expect(t).toContain('Tulos 2026');
  expect(t).toContain('Ajan tasalla');
  expect(t).toContain('Laskettu 1.12.2026 klo 10.37.');
  expect(t).toContain('Täsmäytys kunnossa');
  expect(t).toContain(`Talousarvio (TA)100${NB}000,00${NB}€`);
  expect(t).toContain(`Työllisyysalue (TVA)58${NB}333,33${NB}€`);
  expect(t).toContain('Avaa TYM_Tulokset');
  expect(t).toContain('Varoitukset (1)');
  expect(h).toMatch(/<section[^>]*tabindex="-1"[^>]*aria-labelledby="result-heading"/);
});

test('the result card passes on what the adapter said about the write', () => {
  const write = {
    otherMarkedSheets: ['TYM_Tulokset (2)'],
    finishingFailures: [{ sheet: '~TYM_Jako', what: 'oldOutputs' as const, message: 'refused' }],
    recalculated: true,
  };
  const t = text(
    html(
      <ResultCard
        result={{ ...result, summary: { ...summary, write } }}
        freshness="current"
        tables={tables}
        lang="fi"
        tr={translator('fi')}
        busy={false}
        onRun={noop}
        onSelect={noop}
      />,
    ),
  );
  expect(t).toContain('Työkirja oli manuaalisella laskennalla');
  expect(t).toContain('Välilehdet TYM_Tulokset (2) ovat tulosvälilehtien kopioita');
  expect(t).toContain('Excel ei tehnyt näitä viimeistelyjä: vanhan tulosvälilehden poisto (~TYM_Jako).');
  // nothing to say: nothing shown
  expect(
    html(
      <ResultCard
        result={result}
        freshness="current"
        tables={tables}
        lang="fi"
        tr={translator('fi')}
        busy={false}
        onRun={noop}
        onSelect={noop}
      />,
    ),
  ).not.toContain('write-notes');
});

test('a stale result card says so, offers "Laske uudelleen" first and does not call the old check "kunnossa"', () => {
  const h = html(
    <ResultCard
      result={result}
      freshness="stale"
      tables={tables}
      lang="fi"
      tr={translator('fi')}
      busy={false}
      onRun={noop}
      onSelect={noop}
    />,
  );
  const t = text(h);
  expect(t).toContain('Vanhentunut');
  expect(t).toContain('Syötteet tai asetukset ovat muuttuneet laskennan jälkeen');
  expect(t).not.toContain('Täsmäytys kunnossa');
  expect(t).toContain('Täsmäytys koskee vanhoja syötteitä');
  expect(h.indexOf('Laske uudelleen')).toBeLessThan(h.indexOf('Avaa TYM_Tulokset'));
  expect(h).toMatch(/data-freshness="stale"/);
});

test('details: a table per kind, charts with a text alternative, and the invoicing grid with right-aligned numbers', () => {
  const h = html(<ResultDetails summary={summary} freshness="current" lang="fi" tr={translator('fi')} />);
  const t = text(h);
  expect(t).toContain('Erittely 2026');
  expect(t).toContain(`Jaettavat kustannukset yhteensä 100${NB}000,00${NB}€`);
  expect(h).toContain(
    `aria-label="Talousarvio (TA): osapuolten osuudet: Työllisyysalue (TVA) 58${NB}333,33${NB}€; Hyvinvointialue (HVA) 41${NB}666,67${NB}€; Kela 0,00${NB}€"`,
  );
  // invoicing: a grid, payer × installment, settlement labelled, the employer explained
  expect(h).toMatch(/role="grid"/);
  expect(t).toContain('Erä 1 · tammi');
  expect(t).toContain('Erä 4 · loka');
  expect(t).toContain(`1${NB}000,01`);
  expect(t).toContain('250,01');
  expect(t).toContain('hyvitys');
  expect(t).toContain('työnantaja');
  expect(t).toContain('Järvenpää on hallinnollinen työnantaja');
  expect(t).toContain('Kopioi taulukko');
  expect(h).toMatch(/class="[^"]*tym-grid-num[^"]*"[^>]*data-column="net"/);
  // Swedish names in Swedish
  expect(text(html(<ResultDetails summary={summary} freshness="current" lang="sv" tr={translator('sv')} />))).toContain('Träskända');
});

test('audit findings: the formula in the user language, values in its format, a link to the cell, stale marked', () => {
  const report = {
    ok: false,
    problems: [],
    cellsChecked: 1234,
    fingerprint: 'f',
    findings: [{ sheet: 'TYM_Tulokset', address: 'C6', kind: 'formula' as const, expected: '=SUM(G21:G22)', actual: '58333.33' }],
  };
  const props = {
    report,
    steps: [],
    running: false,
    busy: false,
    localActual: {},
    tables: [],
    lang: 'fi' as const,
    tr: translator('fi'),
    onVerify: noop,
    onSelect: noop,
  };
  const h = html(<AuditSection {...props} freshness="current" />);
  const t = text(h);
  expect(t).toContain(`Poikkeamia 1 (tarkistettuja soluja 1${NB}234).`);
  expect(t).toContain(`Kaava muutettu: odotettu =SUMMA(G21:G22), nyt 58${NB}333,33`);
  expect(h).toContain('data-cell="TYM_Tulokset!C6"');
  expect(text(html(<AuditSection {...props} freshness="stale" />))).toContain('Syötteet ovat muuttuneet tarkistuksen jälkeen');
  // Excel's own text of the actual formula wins where the host gives it
  const withLocal = {
    ...props,
    report: { ...report, findings: [{ ...report.findings[0], actual: '=SUM(G21)' }] },
    localActual: { 'TYM_Tulokset!C6': '=SUMMA(G21)' },
  };
  expect(text(html(<AuditSection {...withLocal} freshness="current" />))).toContain('nyt =SUMMA(G21)');
});

test('the App renders its first frame in the host language without touching the app', () => {
  const calls: string[] = [];
  const refuse = (name: string) => async () => {
    calls.push(name);
    throw new Error('not during render');
  };
  const app: AllocationApp = {
    validate: refuse('validate'),
    run: refuse('run'),
    verify: refuse('verify'),
    fingerprint: refuse('fingerprint'),
  };
  const host = (displayLanguage: string, extra: Partial<Host> = {}): Host => ({
    displayLanguage,
    selectCell: async () => undefined,
    createTemplate: async () => undefined,
    ...extra,
  });
  const fi = text(renderToString(<App app={app} host={host('fi-FI')} />));
  expect(fi).toContain('TYM-kustannustenjako');
  expect(fi).toContain('Ohje');
  expect(fi).toContain('Laske kustannustenjako');
  expect(fi).toContain('Tarkista syötteet');
  expect(fi).toContain('Tarkista laskelma');
  expect(fi).toContain('Luetaan työkirjaa');
  expect(fi).not.toContain('Muuta asetusta'); // the host cannot write settings
  const sv = renderToString(<App app={app} host={host('sv-SE', { updateSetting: async () => undefined })} />);
  expect(text(sv)).toContain('Beräkna kostnadsfördelningen');
  expect(sv).toContain('lang="sv"');
  expect(sv).toContain('role="status"');
  expect(sv).toContain('src="assets/icon-32.png"');
  expect(text(renderToString(<App app={app} host={host('en-US')} />))).toContain('Calculate the cost allocation');
  expect(calls).toEqual([]); // effects do not run in a server render
});

test('template year: the settings year, else next year', () => {
  expect(templateYear(2027, new Date(Date.UTC(2025, 5, 1)))).toBe(2027);
  expect(templateYear(undefined, new Date(Date.UTC(2025, 5, 1)))).toBe(2026);
  expect(templateYear(0, new Date(Date.UTC(2025, 5, 1)))).toBe(2026);
});

test('the participant plan: a line of its own once the five tables are there; the button only where the host can add one', () => {
  const five = {
    asetukset: 'Asetukset',
    kunnat: 'Kunnat',
    henkilosto: 'Henkilosto',
    ilmoittautumiset: 'Ilmoittautumiset',
    kustannukset: 'Kustannukset',
  };
  const missing = html(<TableStatus tablesFound={{ ...five, suunnitelma: null }} tr={translator('fi')} onAddPlan={noop} />);
  expect(text(missing)).toContain('Osallistujasuunnitelma (vapaaehtoinen): ei työkirjassa.');
  expect(missing).toMatch(
    /<button[^>]*aria-describedby="plan-hint"[^>]*data-testid="add-plan"[^>]*>Lisää osallistujasuunnitelma<\/button>/,
  );
  expect(text(html(<TableStatus tablesFound={{ ...five, suunnitelma: null }} tr={translator('sv')} onAddPlan={noop} />))).toContain(
    'Lägg till deltagarplan',
  );
  // no host method: the line and the hint, no button
  expect(html(<TableStatus tablesFound={{ ...five, suunnitelma: null }} tr={translator('fi')} />)).not.toContain('data-testid="add-plan"');
  const found = html(<TableStatus tablesFound={{ ...five, suunnitelma: 'ParticipantPlan' }} tr={translator('en')} onAddPlan={noop} />);
  expect(text(found)).toContain('Participant plan (optional): found as ParticipantPlan.');
  expect(found).not.toContain('data-testid="add-plan"');
  expect(text(html(<TableStatus tablesFound={{ ...five, suunnitelma: 'osallistujasuunnitelma' }} tr={translator('fi')} />))).toContain(
    'Osallistujasuunnitelma (vapaaehtoinen): löytyi.',
  );
  // a table of the five missing: the template adds the plan too, so no line of its own
  const some = html(<TableStatus tablesFound={{ ...five, kunnat: null, suunnitelma: null }} tr={translator('fi')} onAddPlan={noop} />);
  expect(some).not.toContain('data-testid="plan-status"');
});
