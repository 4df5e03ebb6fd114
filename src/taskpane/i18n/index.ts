/**
 * Every user-facing text of the task pane and the preview, in Finnish (first), Swedish and English,
 * one catalogue per language (fi.ts defines the key set; sv.ts and en.ts must have exactly the same
 * keys, which the type checker enforces). Problem texts come from src/domain/problems.ts
 * (formatProblem, through src/app/vocabulary.ts).
 */
import { type Lang, type SettingKey, type TableKey } from '../../app/vocabulary';
import type { RunStep } from '../../app/api';
import { en } from './en';
import { fi } from './fi';
import type { Dictionary, MessageKey } from './keys';
import { sv } from './sv';

export type { Lang };
export type { Dictionary, MessageKey };

export const DICTIONARIES: Record<Lang, Dictionary> = { fi, sv, en };

/** Office's display language ("fi-FI", "sv-SE", "en-US", …) to the pane's language: fi*, sv*, else en. */
export function langOf(displayLanguage: string | null | undefined): Lang {
  const l = (displayLanguage ?? '').trim().toLowerCase();
  if (l.startsWith('fi')) return 'fi';
  if (l.startsWith('sv')) return 'sv';
  return l === '' ? 'fi' : 'en';
}

export type Params = Record<string, string | number>;

/** The text for `key` in `lang` with {name} placeholders filled from params. */
export function t(lang: Lang, key: MessageKey, params: Params = {}): string {
  const template = DICTIONARIES[lang][key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** A translator bound to one language, as the components use it. */
export type Translate = (key: MessageKey, params?: Params) => string;

export function translator(lang: Lang): Translate {
  return (key, params) => t(lang, key, params);
}

const STEP_KEYS: Record<RunStep, MessageKey> = {
  read: 'stepRead',
  validate: 'stepValidate',
  allocate: 'stepAllocate',
  layout: 'stepLayout',
  write: 'stepWrite',
  done: 'stepDone',
};

export function stepKey(step: RunStep): MessageKey {
  return STEP_KEYS[step];
}

const TABLE_KEYS_I18N: Record<TableKey, MessageKey> = {
  asetukset: 'tableAsetukset',
  kunnat: 'tableKunnat',
  henkilosto: 'tableHenkilosto',
  ilmoittautumiset: 'tableIlmoittautumiset',
  kustannukset: 'tableKustannukset',
};

export function tableLabelKey(key: TableKey): MessageKey {
  return TABLE_KEYS_I18N[key];
}

const SETTING_KEYS_I18N: Record<SettingKey, MessageKey> = {
  year: 'settingYear',
  staffBasis: 'settingStaffBasis',
  municipalBasis: 'settingMunicipalBasis',
  agreedTvaPct: 'settingAgreedTvaPct',
  kelaPct: 'settingKelaPct',
  employer: 'settingEmployer',
  billingPeriod: 'settingBillingPeriod',
  customerEstimate: 'settingCustomerEstimate',
};

export function settingLabelKey(key: SettingKey): MessageKey {
  return SETTING_KEYS_I18N[key];
}
