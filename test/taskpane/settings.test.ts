/** Settings as the pane shows them: explained in every language, Swedish municipality names, grouped numbers. */
import { Decimal } from '../../src/domain/decimal';
import type { Settings } from '../../src/domain/types';
import { translator } from '../../src/taskpane/i18n';
import { municipalityName, receiverLabel } from '../../src/taskpane/names';
import { choiceText, settingRows } from '../../src/taskpane/settings';
import { SETTING_KEYS, BILLING_PERIOD_WORDS, MUNICIPAL_BASIS_WORDS, STAFF_BASIS_WORDS } from '../../src/app/vocabulary';

const settings: Settings = {
  year: 2026,
  staffBasis: 'fte',
  municipalBasis: 'agreed',
  agreedTvaPct: null,
  kelaPct: new Decimal('12.5'),
  employer: 'Järvenpää',
  billingPeriod: 'quarter',
  customerEstimate: new Decimal(1900),
};

test('the words of a choice are explained; in Swedish and English the word in the cell follows', () => {
  expect(choiceText('neljännes', 'fi', translator('fi'))).toBe('neljännes (4 erää)');
  expect(choiceText('neljännes', 'sv', translator('sv'))).toBe('kvartal, 4 rater (neljännes)');
  expect(choiceText('htv', 'en', translator('en'))).toBe('FTE (htv)');
  expect(choiceText('tuntematon', 'en', translator('en'))).toBe('tuntematon');
  // every accepted word of every choice setting has an explanation in Swedish and English (Finnish is the word itself)
  for (const words of [STAFF_BASIS_WORDS, MUNICIPAL_BASIS_WORDS, BILLING_PERIOD_WORDS]) {
    for (const [word] of words) for (const lang of ['sv', 'en'] as const) expect(choiceText(word, lang, translator(lang))).not.toBe(word);
  }
});

test('setting rows: values in the language, every setting with an explanation', () => {
  const sv = settingRows(settings, 'sv', translator('sv'));
  const byKey = Object.fromEntries(sv.map((r) => [r.key, r.value]));
  expect(byKey).toEqual({
    year: '2026',
    staffBasis: 'årsverken (htv)',
    municipalBasis: 'avtalade procent (sovittu)',
    agreedTvaPct: 'inte angiven (fördelning enligt personal)',
    kelaPct: '12,5',
    employer: 'Träskända',
    billingPeriod: 'kvartal, 4 rater (neljännes)',
    customerEstimate: '1\u00a0900',
  });
  expect(sv.map((r) => r.key)).toEqual([...SETTING_KEYS]);
  for (const lang of ['fi', 'sv', 'en'] as const)
    for (const r of settingRows(settings, lang, translator(lang))) expect(r.info.length).toBeGreaterThan(40);
});

test('the Swedish names of the Keski-Uusimaa municipalities; other names as written', () => {
  expect(['Hyvinkää', 'Järvenpää', 'Mäntsälä', 'Nurmijärvi', 'Pornainen', 'Tuusula'].map((n) => municipalityName(n, 'sv'))).toEqual([
    'Hyvinge',
    'Träskända',
    'Mäntsälä',
    'Nurmijärvi',
    'Borgnäs',
    'Tusby',
  ]);
  expect(municipalityName(' järvenpää ', 'sv')).toBe('Träskända');
  expect(municipalityName('Järvenpää', 'en')).toBe('Järvenpää');
  expect(municipalityName('Kerava', 'sv')).toBe('Kerava');
  expect(receiverLabel('KELA', 'sv', translator('sv'))).toBe('FPA (Kela)');
});
