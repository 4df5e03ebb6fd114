/** The Asetukset table: one setting per row (Asetus, Arvo). */
import {
  BILLING_PERIOD_WORDS,
  BILLING_SETTING_KEYS,
  BILLING_SETTINGS,
  DEFAULT_EMPLOYER,
  MUNICIPAL_BASIS_WORDS,
  SETTING_KEYS,
  SETTINGS,
  STAFF_BASIS_WORDS,
  type SettingKey,
} from '../contract';
import { ZERO } from '../decimal';
import { error, type Problem } from '../problems';
import { editDistance, identityKey, visible } from '../text';
import type { RowRef, Settings } from '../types';
import type { BillingDetails } from '../types';
import { BillingSettingsReader, billingSettingNames, defaultBilling } from './billing';
import { RowReader, type Located } from './cells';
import { isEmptyRow } from './locate';

export interface ParsedSettings {
  settings: Settings;
  rows: Record<string, RowRef>;
  /** The employer as written (TRIM-ed) and where, to be checked against Kunnat. */
  employerAt: RowReader | null;
  /** The invoice-data settings (issue 12), defaults where not given. */
  billing: BillingDetails;
}

function settingOf(name: string): SettingKey | undefined {
  const k = identityKey(name);
  return SETTING_KEYS.find((s) => SETTINGS[s].names.some((n) => identityKey(n) === k));
}

/** The setting name (any accepted spelling) nearest to a misspelt one, when it is near enough to be meant. */
export function nearestSetting(name: string): string | undefined {
  const k = identityKey(name);
  let best: { name: string; d: number } | undefined;
  // The invoice settings (issue 12) are settings of the same table: a slip in their names is caught too.
  const names = [...SETTING_KEYS.flatMap((s) => SETTINGS[s].names), ...BILLING_SETTING_KEYS.flatMap((s) => BILLING_SETTINGS[s].names)];
  for (const n of names) {
    const d = editDistance(k, identityKey(n));
    if (!best || d < best.d) best = { name: n, d };
  }
  // Near enough: a few slips, relative to the length (Vuosi vs Vuos; Kelan osuus vs Kelan osuus %).
  return best && best.d <= Math.max(2, Math.floor(k.length / 4)) ? best.name : undefined;
}

export function defaultSettings(): Settings {
  return {
    year: 0,
    staffBasis: 'headcount',
    municipalBasis: 'population',
    agreedTvaPct: null,
    kelaPct: ZERO,
    employer: DEFAULT_EMPLOYER,
    billingPeriod: 'year',
    customerEstimate: null,
  };
}

export function parseSettings(t: Located | undefined, out: Problem[]): ParsedSettings {
  const settings = defaultSettings();
  const rows: Record<string, RowRef> = {};
  const result: ParsedSettings = { settings, rows, employerAt: null, billing: defaultBilling() };
  if (!t || !t.usable) return result;
  const billing = new BillingSettingsReader();
  result.billing = billing.details;
  const firstRow: Partial<Record<SettingKey, number>> = {};
  t.raw.rows.forEach((_, i) => {
    if (isEmptyRow(t.raw, i)) return;
    const r = new RowReader(t, i, out);
    const name = r.name('setting');
    if (name === null) {
      if (r.isBlank('setting')) r.warning('setting-unnamed', 'setting');
      return;
    }
    const key = settingOf(name);
    if (!key) {
      if (billing.accept(name, r, rows)) return;
      // An error, not a warning: a misspelt setting would silently leave its default in force.
      const known = [...SETTING_KEYS.map((s) => SETTINGS[s].names[0]), ...billingSettingNames()].join(', ');
      const suggestion = nearestSetting(name);
      if (suggestion) r.error('setting-misspelt', 'setting', { name: visible(name), suggestion, known });
      else r.error('setting-unknown', 'setting', { name: visible(name), known });
      return;
    }
    const before = firstRow[key];
    if (before !== undefined) {
      r.error('setting-duplicate', 'setting', { setting: SETTINGS[key].names[0], firstRow: before });
      return;
    }
    firstRow[key] = r.sheetRow;
    rows[key] = r.ref();
    readSetting(key, r, result);
  });
  if (rows.year === undefined) {
    out.push(error('setting-missing', { sheet: t.raw.sheet, table: t.raw.name }, { setting: SETTINGS.year.names[0] }));
  }
  return result;
}

function readSetting(key: SettingKey, r: RowReader, result: ParsedSettings): void {
  const s = result.settings;
  switch (key) {
    case 'year': {
      const y = r.number('value', { required: true });
      if (y === null) return;
      if (!y.isInteger() || y.lt(2000) || y.gt(2100)) {
        r.error('year-invalid', 'value', { value: y.toString() });
        return;
      }
      s.year = y.toNumber();
      return;
    }
    case 'staffBasis':
      s.staffBasis = r.word('value', STAFF_BASIS_WORDS) ?? s.staffBasis;
      return;
    case 'municipalBasis':
      s.municipalBasis = r.word('value', MUNICIPAL_BASIS_WORDS) ?? s.municipalBasis;
      return;
    case 'billingPeriod':
      s.billingPeriod = r.word('value', BILLING_PERIOD_WORDS) ?? s.billingPeriod;
      return;
    case 'agreedTvaPct':
      s.agreedTvaPct = r.number('value', { percent: true, fractionWarning: true });
      return;
    case 'kelaPct':
      s.kelaPct = r.number('value', { percent: true, fractionWarning: true }) ?? ZERO;
      return;
    case 'customerEstimate':
      s.customerEstimate = r.number('value', { nonNegative: 'negative-value' });
      return;
    case 'employer': {
      const name = r.name('value');
      if (name !== null) s.employer = name;
      else if (!r.isBlank('value')) return; // already reported
      // Checked against Kunnat later, also when blank (the default must be a member municipality).
      result.employerAt = r;
      return;
    }
  }
}
