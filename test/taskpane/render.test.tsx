/** Server-side renders of the components (react-dom/server): what a user and a screen reader get. */
import * as React from 'react';
import { renderToString } from 'react-dom/server';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { AllocationApp, RunReport } from '../../src/app/api';
import { error, warning } from '../../src/domain/problems';
import { App, templateYear } from '../../src/taskpane/App';
import { ProblemList, sortProblems } from '../../src/taskpane/components/ProblemList';
import { Summary } from '../../src/taskpane/components/Summary';
import { VerifyPanel } from '../../src/taskpane/components/VerifyPanel';
import { translator } from '../../src/taskpane/i18n';
import type { Host } from '../../src/app/host';

const NB = '\u00a0';
const html = (el: React.ReactElement) => renderToString(<FluentProvider theme={webLightTheme}>{el}</FluentProvider>);
/** Visible text: style sheets dropped, tags removed, entities decoded (no-break spaces kept). */
const text = (h: string) =>
  h
    .replace(/<style[^>]*>[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/[ \t\r\n]+/g, ' ');

const problems = [
  warning('hidden-rows', { sheet: 'Henkilosto', table: 'Henkilosto' }, { count: 1, rows: '4' }),
  error('number-is-text', { sheet: 'Kustannukset', table: 'Kustannukset', row: 2, column: 'Summa', cell: 'E2' }, { value: 'kymmenen' }),
];

test('problems: errors first, message from formatProblem, a real button to the cell', () => {
  expect(sortProblems(problems).map((p) => p.severity)).toEqual(['error', 'warning']);
  const h = html(<ProblemList problems={problems} lang="fi" tr={translator('fi')} onSelectCell={() => undefined} headingId="p" heading="Syötteiden tarkistus" />);
  const t = text(h);
  expect(t).toContain('Virheitä 1, varoituksia 1.');
  expect(t).toContain('Virhe: Taulukko Kustannukset (Kustannukset), solu E2, sarake "Summa": Solussa on tekstiä ("kymmenen"), ei lukua.');
  expect(h).toMatch(/<button[^>]*data-cell="Kustannukset!E2"[^>]*>Siirry soluun Kustannukset!E2<\/button>/);
  // the warning has no cell, so no button
  expect(h.match(/data-cell=/g)).toHaveLength(1);
  expect(h).toContain('<h2 id="p"');
});

test('problems in Swedish', () => {
  const t = text(html(<ProblemList problems={problems} lang="sv" tr={translator('sv')} onSelectCell={() => undefined} headingId="p" heading="x" />));
  expect(t).toContain('Fel: Blad Kustannukset (Kustannukset), cell E2, kolumn "Summa": Cellen innehåller text ("kymmenen"), inte ett tal.');
  expect(t).toContain('Gå till cell Kustannukset!E2');
});

const summary: NonNullable<RunReport['summary']> = {
  year: 2026,
  masterCheck: true,
  sheets: ['TYM_Tulokset'],
  invoicing: { period: 'vuosi', dueMonths: [1], employer: 'Järvenpää', receivers: [] },
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

test('summary: a table per kind with Finnish euros, a chart with a text alternative, the master check', () => {
  const h = html(<Summary summary={summary} lang="fi" tr={translator('fi')} />);
  const t = text(h);
  expect(t).toContain('Yhteenveto 2026');
  expect(t).toContain('Täsmäytys kunnossa');
  expect(t).toContain(`Jaettavat kustannukset yhteensä 100${NB}000,00${NB}€`);
  expect(h).toMatch(/<table[^>]*aria-labelledby="kind-TA"/);
  expect(t).toContain(`Työllisyysalue (TVA)58${NB}333,33${NB}€`);
  expect(t).toContain(`Hyvinvointialue (HVA)41${NB}666,67${NB}€`);
  expect(h).toContain(`aria-label="Talousarvio (TA): osapuolten osuudet: Työllisyysalue (TVA) 58${NB}333,33${NB}€; Hyvinvointialue (HVA) 41${NB}666,67${NB}€; Kela 0,00${NB}€"`);
  expect(h).toContain('role="img"');
  const failed = text(html(<Summary summary={{ ...summary, masterCheck: false }} lang="en" tr={translator('en')} />));
  expect(failed).toContain('Master check failed');
  expect(failed).toContain('€100,000.00');
});

test('summary: the invoicing per receiver, with installments, the employer not invoiced, and the settlement', () => {
  // 1 000,01 € net in quarterly installments: 250,01 + 250,00 + 250,00 + 250,00 (leftover cent first).
  const invoicing: NonNullable<RunReport['summary']>['invoicing'] = {
    period: 'neljännes',
    dueMonths: [1, 4, 7, 10],
    employer: 'Järvenpää',
    receivers: [
      { receiver: 'Järvenpää', isEmployer: true, taShare: '500.00', taPaid: '1500.01', taNet: '-1000.01', advances: [], actual: { share: '510.00', paid: '1510.00', net: '-1000.00', advancesBilled: '-1000.01', settlement: '0.01' } },
      { receiver: 'HVA', isEmployer: false, taShare: '1000.01', taPaid: '0.00', taNet: '1000.01', advances: ['250.01', '250.00', '250.00', '250.00'], actual: { share: '1000.00', paid: '0.00', net: '1000.00', advancesBilled: '1000.01', settlement: '-0.01' } },
    ],
  };
  const t = text(html(<Summary summary={{ ...summary, invoicing }} lang="fi" tr={translator('fi')} />));
  expect(t).toContain('Laskutus: ennakot ja tasaus');
  expect(t).toContain('Järvenpää maksaa yhteiset kustannukset ja laskuttaa muilta niiden osuuden 4 ennakkoerässä');
  expect(t).toContain('työnantaja, ei laskuteta');
  expect(t).toContain(`erä 1 (tammi): 250,01${NB}€, erä 2 (huhti): 250,00${NB}€`);
  expect(t).toContain(`1${NB}000,01${NB}€`);
  expect(t).toContain(`−0,01${NB}€`);
});

test('verify findings name the cell and what changed', () => {
  const h = html(
    <VerifyPanel
      report={{ ok: false, problems: [], cellsChecked: 50, findings: [{ sheet: 'TYM_Tulokset', address: 'C6', kind: 'formula', expected: 'SUM(G21:G22)', actual: '58333.33' }] }}
      tr={translator('fi')}
      onSelectCell={() => undefined}
    />,
  );
  const t = text(h);
  expect(t).toContain('Poikkeamia 1 (tarkistettuja soluja 50).');
  expect(t).toContain('Kaava muutettu: odotettu SUM(G21:G22), nyt 58333.33');
  expect(h).toContain('data-cell="TYM_Tulokset!C6"');
});

test('the App renders its first frame in the host language without touching the app', () => {
  const calls: string[] = [];
  const app: AllocationApp = {
    fingerprint: async () => {
      calls.push('fingerprint');
      throw new Error('no');
    },
    validate: async () => {
      calls.push('validate');
      throw new Error('not during render');
    },
    run: async () => {
      calls.push('run');
      throw new Error('no');
    },
    verify: async () => {
      calls.push('verify');
      throw new Error('no');
    },
  };
  const host = (displayLanguage: string, extra: Partial<Host> = {}): Host => ({
    displayLanguage,
    selectCell: async () => undefined,
    createTemplate: async () => undefined,
    ...extra,
  });
  const fi = text(renderToString(<App app={app} host={host('fi-FI')} />));
  expect(fi).toContain('TYM-kustannustenjako');
  expect(fi).toContain('Laske kustannustenjako');
  expect(fi).toContain('Tarkista syötteet');
  expect(fi).toContain('Tarkista laskelma');
  expect(fi).toContain('Luetaan työkirjaa');
  expect(fi).not.toContain('Muuta asetusta'); // the host cannot write settings
  const sv = renderToString(<App app={app} host={host('sv-SE', { updateSetting: async () => undefined })} />);
  expect(text(sv)).toContain('Beräkna kostnadsfördelningen');
  expect(text(sv)).toContain('Ändra inställning');
  expect(sv).toContain('lang="sv"');
  expect(sv).toContain('role="status"');
  expect(text(renderToString(<App app={app} host={host('en-US')} />))).toContain('Calculate the cost allocation');
  expect(calls).toEqual([]); // effects do not run in a server render
});

test('template year: the settings year, else next year', () => {
  expect(templateYear(2027, new Date(Date.UTC(2025, 5, 1)))).toBe(2027);
  expect(templateYear(undefined, new Date(Date.UTC(2025, 5, 1)))).toBe(2026);
  expect(templateYear(0, new Date(Date.UTC(2025, 5, 1)))).toBe(2026);
});
