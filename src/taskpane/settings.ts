/** The settings panel's pure logic: what is shown for each setting, and what the form writes. */
import {
  BILLING_PERIOD_WORDS,
  canonicalWords,
  type Lang,
  MUNICIPAL_BASIS_WORDS,
  SETTING_KEYS,
  type SettingKey,
  SETTINGS,
  type Settings,
  STAFF_BASIS_WORDS,
  type BillingPeriod,
  type MunicipalBasis,
  type StaffBasis,
  wordOf,
} from '../app/vocabulary';
import { formatDecimalText, parseTypedNumber } from './format';
import { settingLabelKey, type MessageKey, type Translate } from './i18n';
import { municipalityName } from './names';

const INFO_KEYS: Record<SettingKey, MessageKey> = {
  year: 'infoYear',
  staffBasis: 'infoStaffBasis',
  municipalBasis: 'infoMunicipalBasis',
  agreedTvaPct: 'infoAgreedTvaPct',
  kelaPct: 'infoKelaPct',
  employer: 'infoEmployer',
  billingPeriod: 'infoBillingPeriod',
  customerEstimate: 'infoCustomerEstimate',
};

type ChoiceCode = StaffBasis | MunicipalBasis | BillingPeriod;

/** What each code of the choice settings means, in every language. */
const VALUE_KEYS: Record<ChoiceCode, MessageKey> = {
  headcount: 'valueHeadcount',
  fte: 'valueFte',
  'fte-time-weighted': 'valueFteTime',
  population: 'valuePopulation',
  jobseekers: 'valueJobseekers',
  staff: 'valueStaff',
  agreed: 'valueAgreed',
  year: 'valueYear',
  'half-year': 'valueHalfYear',
  quarter: 'valueQuarter',
  month: 'valueMonth',
};

/** The words a choice setting's cell accepts (the workbook contract's word tables), to their codes. */
const CHOICE_WORDS: ReadonlyArray<readonly [string, ChoiceCode]> = [
  ...STAFF_BASIS_WORDS,
  ...MUNICIPAL_BASIS_WORDS,
  ...BILLING_PERIOD_WORDS,
];

/**
 * A choice setting's word (as the cell holds it) as the pane shows it: explained in the UI
 * language, with the word in parentheses where the explanation is in another language ("quarter,
 * 4 installments (neljännes)"). A word the contract does not know is shown as it is.
 */
export function choiceText(word: string, lang: Lang, tr: Translate): string {
  const wanted = word.trim().toLowerCase();
  const code = CHOICE_WORDS.find(([w]) => w === wanted)?.[1];
  if (!code) return word;
  const key = VALUE_KEYS[code];
  return lang === 'fi' ? tr(key) : `${tr(key)} (${word})`;
}

export function settingInfo(key: SettingKey, tr: Translate): string {
  return tr(INFO_KEYS[key]);
}
import type { SettingValue } from '../app/host';

export interface SettingRow {
  key: SettingKey;
  label: string;
  /** What the setting does, in a sentence or two (shown behind an info button). */
  info: string;
  /** The word written in the Asetus column (canonical Finnish name). */
  sheetName: string;
  value: string;
}

type DecimalLike = { toString(): string } | null;

function dec(x: DecimalLike, lang: Lang, tr: Translate, emptyKey: MessageKey = 'settingNotSet'): string {
  return x === null ? tr(emptyKey) : formatDecimalText(x.toString(), lang, true);
}

export function settingRows(s: Settings, lang: Lang, tr: Translate): SettingRow[] {
  const value: Record<SettingKey, string> = {
    year: String(s.year),
    staffBasis: choiceText(wordOf(STAFF_BASIS_WORDS, s.staffBasis), lang, tr),
    municipalBasis: choiceText(wordOf(MUNICIPAL_BASIS_WORDS, s.municipalBasis), lang, tr),
    agreedTvaPct: dec(s.agreedTvaPct, lang, tr, 'settingAgreedNotSet'),
    kelaPct: dec(s.kelaPct, lang, tr),
    employer: municipalityName(s.employer, lang),
    billingPeriod: choiceText(wordOf(BILLING_PERIOD_WORDS, s.billingPeriod), lang, tr),
    customerEstimate: dec(s.customerEstimate, lang, tr),
  };
  return SETTING_KEYS.map((key) => ({
    key,
    label: tr(settingLabelKey(key)),
    info: settingInfo(key, tr),
    sheetName: SETTINGS[key].names[0],
    value: value[key],
  }));
}

export type FieldKind = { type: 'choice'; options: string[] } | { type: 'number'; integer: boolean } | { type: 'text' };

export function fieldOf(key: SettingKey): FieldKind {
  switch (key) {
    case 'staffBasis':
      return { type: 'choice', options: canonicalWords(STAFF_BASIS_WORDS) };
    case 'municipalBasis':
      return { type: 'choice', options: canonicalWords(MUNICIPAL_BASIS_WORDS) };
    case 'billingPeriod':
      return { type: 'choice', options: canonicalWords(BILLING_PERIOD_WORDS) };
    case 'year':
      return { type: 'number', integer: true };
    case 'agreedTvaPct':
    case 'kelaPct':
    case 'customerEstimate':
      return { type: 'number', integer: false };
    case 'employer':
      return { type: 'text' };
  }
}

/** The current value of a setting as the form's initial text. */
export function formTextOf(key: SettingKey, s: Settings | null, lang: Lang): string {
  if (!s) return '';
  const d = (x: DecimalLike) => (x === null ? '' : formatDecimalText(x.toString(), lang).replace('\u2212', '-'));
  switch (key) {
    case 'year':
      return s.year ? String(s.year) : '';
    case 'agreedTvaPct':
      return d(s.agreedTvaPct);
    case 'kelaPct':
      return d(s.kelaPct);
    case 'customerEstimate':
      return d(s.customerEstimate);
    // The choice settings: the word the cell takes for the code in force (Finnish, as the template writes it).
    case 'staffBasis':
      return wordOf(STAFF_BASIS_WORDS, s.staffBasis);
    case 'municipalBasis':
      return wordOf(MUNICIPAL_BASIS_WORDS, s.municipalBasis);
    case 'billingPeriod':
      return wordOf(BILLING_PERIOD_WORDS, s.billingPeriod);
    case 'employer':
      return s.employer;
  }
}

/** The typed text as the cell value to write, or the key of the message explaining what is wrong. */
export function parseSettingInput(key: SettingKey, text: string): { ok: true; value: SettingValue } | { ok: false; error: MessageKey } {
  const field = fieldOf(key);
  if (field.type === 'number') {
    const n = parseTypedNumber(text, field.integer);
    return n.ok ? { ok: true, value: n.value } : { ok: false, error: field.integer ? 'settingInvalidInteger' : 'settingInvalidNumber' };
  }
  const trimmed = text.trim();
  return { ok: true, value: trimmed === '' ? null : trimmed };
}
