import { DICTIONARIES, langOf, t, stepKey, tableLabelKey, settingLabelKey, type MessageKey } from '../../src/taskpane/i18n';
import { TABLE_KEYS, SETTING_KEYS } from '../../src/domain/contract';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('i18n', () => {
  test('display language picks fi, sv, else en (Finnish when unknown)', () => {
    expect(langOf('fi-FI')).toBe('fi');
    expect(langOf('FI')).toBe('fi');
    expect(langOf('sv-FI')).toBe('sv');
    expect(langOf('sv-SE')).toBe('sv');
    expect(langOf('en-US')).toBe('en');
    expect(langOf('de-DE')).toBe('en');
    expect(langOf('')).toBe('fi');
    expect(langOf(undefined)).toBe('fi');
  });

  test('the three dictionaries have the same keys and the same placeholders, and no empty text', () => {
    const keys = Object.keys(DICTIONARIES.fi).sort();
    for (const lang of ['sv', 'en'] as const) {
      expect(Object.keys(DICTIONARIES[lang]).sort()).toEqual(keys);
      for (const k of keys as MessageKey[]) {
        expect([lang, k, placeholders(DICTIONARIES[lang][k])]).toEqual([lang, k, placeholders(DICTIONARIES.fi[k])]);
      }
    }
    for (const lang of ['fi', 'sv', 'en'] as const) for (const k of keys as MessageKey[]) expect(DICTIONARIES[lang][k].trim()).not.toBe('');
  });

  test('Finnish texts of the brief', () => {
    expect(t('fi', 'runButton')).toBe('Laske kustannustenjako');
    expect(t('fi', 'validateButton')).toBe('Tarkista syötteet');
    expect(t('fi', 'verifyButton')).toBe('Tarkista laskelma');
    expect(t('fi', 'createTemplate')).toBe('Luo syöttöpohja');
  });

  test('placeholders are filled, unknown ones left visible', () => {
    expect(t('fi', 'goToCell', { sheet: 'Kustannukset', cell: 'E2' })).toBe('Siirry soluun Kustannukset!E2');
    expect(t('en', 'problemsCount', { errors: 2, warnings: 0 })).toBe('Errors: 2, warnings: 0.');
    expect(t('fi', 'goToCell', { sheet: 'X' })).toBe('Siirry soluun X!{cell}');
  });

  test('every run step, table and setting has a label in every language', () => {
    for (const step of ['read', 'validate', 'allocate', 'layout', 'write', 'done'] as const)
      expect(DICTIONARIES.sv[stepKey(step)]).toBeTruthy();
    for (const k of TABLE_KEYS) expect(DICTIONARIES.en[tableLabelKey(k)]).toBeTruthy();
    for (const k of SETTING_KEYS) expect(DICTIONARIES.fi[settingLabelKey(k)]).toBeTruthy();
    // The Finnish setting labels are the words written in the Asetukset sheet.
    expect(SETTING_KEYS.map((k) => DICTIONARIES.fi[settingLabelKey(k)])).toEqual([
      'Vuosi',
      'Henkilöstöperuste',
      'Kuntajaon peruste',
      'Sovittu TVA-osuus %',
      'Kelan osuus %',
      'Hallinnollinen työnantaja',
      'Laskutusjakso',
      'Asiakasmäärä',
    ]);
  });
});

test('no text of the pane sends the user to the command line', () => {
  for (const lang of ['fi', 'sv', 'en'] as const) {
    for (const [k, v] of Object.entries(DICTIONARIES[lang]))
      expect([lang, k, /tym-allocate|npm |npx |komentori|kommandorad|command line/i.test(v)]).toEqual([lang, k, false]);
  }
});
