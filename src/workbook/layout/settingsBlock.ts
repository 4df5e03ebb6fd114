/**
 * TYM_Parametrit, the settings block: the settings found by NAME in Asetukset (never by row
 * position), each with its value in force and a check. Every setting in force is a defined name
 * (TYM_VUOSI, TYM_KELA_PROS, ...). The invoice data's settings are written by billingSettings.ts.
 */
import { BILLING_SETTINGS, DEFAULT_EMPLOYER, SETTINGS, type BillingSettingKey, type SettingKey } from '../../domain/contract';
import { excelSerialFromDay } from '../../domain/dates';
import { PARTIES } from '../../domain/types';
import type { RawValue } from '../../domain/raw';
import { a1, columnRef } from '../formula';
import type { Grid } from '../grid';
import type { CellValue, NameSpec } from '../sheetSpec';
import { billingSettings } from './billingSettings';
import { orFalse } from './block';
import type { Ctx } from './context';
import { NAMES } from './names';
import { ALLOCATION_SETTING_ROWS, BILLING_SETTING_ROWS, SETTING_COL as COL } from './settingRows';
import { INSTALLMENT_CODE, MUNICIPAL_BASIS_CODE, STAFF_BASIS_CODE, WORD_LISTS, fourDecimals, wordCode } from './settings';

/** Where a settings formula reads its value from: the raw Arvo cell of the row found by name. */
export interface SettingsInput {
  /** The Arvo cell of each setting's row as it stands in Asetukset (absent = no row). */
  values: Partial<Record<SettingKey | BillingSettingKey, RawValue>>;
}

function rawCell(v: RawValue | undefined): CellValue {
  if (v === undefined || v === null) return '';
  if (v instanceof Date) return excelSerialFromDay(Math.floor(v.getTime() / 86_400_000));
  if (typeof v === 'object') return v.error;
  return v;
}

const isBlank = (v: RawValue | undefined) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/**
 * Writes the settings block from `top` (its header row) and returns the next free row and the names.
 * Each setting is found by its Finnish or English name anywhere in Asetukset (TRIM, any case).
 */
export function settingsBlock(g: Grid, ctx: Ctx, input: SettingsInput, top: number): { next: number; names: NameSpec[] } {
  const model = ctx.model;
  const s = model.settings;
  const set = model.tables.asetukset;
  g.value(top - 1, 0, 'Asetukset (haetaan nimellä Asetukset-taulukosta)', 'subtitle');
  g.headers(top, 0, ['Asetus', 'Myös', 'Rivejä', 'Taulukon rivi', 'Arvo taulukossa', 'Oletus', 'Käytössä', 'Koodi', 'Kelpaa', 'Selite']);
  const names: NameSpec[] = [];
  const label = columnRef(set, 'setting');
  // The invoice settings have up to four spellings (columns A, B, K, L; a missing one repeats the first): any of them counts once.
  const billingRows = new Set<number>();
  const matches = (r: number) =>
    billingRows.has(r)
      ? `((TRIM(${label})=$A${r + 1})+(TRIM(${label})=$B${r + 1})+(TRIM(${label})=$K${r + 1})+(TRIM(${label})=$L${r + 1})>0)`
      : `(TRIM(${label})=$A${r + 1})+(TRIM(${label})=$B${r + 1})`;
  const at = (r: number, c: number) => a1(r, c);
  const value = (r: number) => at(r, COL.value);
  let row = top + 1;
  const rowOf = {} as Record<SettingKey | BillingSettingKey, number>;
  const spellings = (key: SettingKey | BillingSettingKey) =>
    key in SETTINGS ? SETTINGS[key as SettingKey].names : BILLING_SETTINGS[key as BillingSettingKey].names;
  for (const key of [...ALLOCATION_SETTING_ROWS, ...BILLING_SETTING_ROWS]) {
    const r = row++;
    rowOf[key] = r;
    const present = model.settingRows[key];
    const raw = input.values[key];
    const names = spellings(key);
    g.value(r, COL.name, names[0], 'label');
    g.value(r, COL.alias, names[1] ?? '', 'text');
    if (key in BILLING_SETTINGS) {
      billingRows.add(r);
      g.value(r, COL.alias2, names[2] ?? names[0], 'text');
      g.value(r, COL.alias3, names[3] ?? names[0], 'text');
    }
    g.formula(r, COL.count, `SUMPRODUCT(${matches(r)})`, present ? 1 : 0, 'integer');
    g.formula(
      r,
      COL.row,
      `IF(${at(r, COL.count)}=1,SUMPRODUCT((${matches(r)})*(ROW(${label})-ROW(INDEX(${label},1))+1)),0)`,
      present ? present.index : 0,
      'integer',
    );
    const cell = `INDEX(${columnRef(set, 'value')},${at(r, COL.row)})`;
    // A blank Arvo stays blank (a reference to an empty cell would read as 0).
    g.formula(
      r,
      COL.value,
      `IF(${at(r, COL.row)}=0,"",IF(TRIM(${cell})="","",${cell}))`,
      present && !isBlank(raw) ? rawCell(raw) : '',
      'text',
    );
  }
  const wordSetting = (
    key: 'staffBasis' | 'municipalBasis' | 'billingPeriod',
    listId: string,
    fallback: string,
    code: number,
    name: string,
    explain: string,
  ) => {
    const r = rowOf[key];
    g.value(r, COL.fallback, fallback, 'text');
    g.formula(
      r,
      COL.code,
      `IF(TRIM(${value(r)})="",${wordCode(listId, at(r, COL.fallback))},${wordCode(listId, `TRIM(${value(r)})`)})`,
      code,
      'integer',
    );
    const canonical = WORD_LISTS.find((l) => l.id === listId)!.pairs.find(([, c]) => c === code)![0];
    g.formula(r, COL.inForce, `INDEX(${NAMES.words(listId)},MATCH(${at(r, COL.code)},${NAMES.codes(listId)},0))`, canonical, 'text');
    g.formula(r, COL.ok, orFalse(`AND(${at(r, COL.count)}<=1,${at(r, COL.code)}>0)`), true, 'check');
    g.value(r, COL.note, explain, 'note');
    names.push({ name, row: r, col: COL.code, comment: `${SETTINGS[key].names[0]}: ${explain}` });
  };
  const numberSetting = (
    key: 'agreedTvaPct' | 'kelaPct' | 'customerEstimate',
    v: number,
    name: string,
    explain: string,
    percent: boolean,
  ) => {
    const r = rowOf[key];
    g.value(r, COL.fallback, 0, 'decimal');
    g.formula(r, COL.inForce, `IF(TRIM(${value(r)})="",${at(r, COL.fallback)},${value(r)})`, v, 'decimal');
    const range = percent ? `,${value(r)}<=100,${fourDecimals(value(r))}` : '';
    g.formula(
      r,
      COL.ok,
      orFalse(`AND(${at(r, COL.count)}<=1,IF(TRIM(${value(r)})="",TRUE,AND(ISNUMBER(${value(r)}),${value(r)}>=0${range})))`),
      true,
      'check',
    );
    g.value(r, COL.note, explain, 'note');
    names.push({ name, row: r, col: COL.inForce, comment: `${SETTINGS[key].names[0]}: ${explain}` });
  };

  // Vuosi: required, one row.
  const yr = rowOf.year;
  g.formula(yr, COL.inForce, `IF(${at(yr, COL.count)}=1,${value(yr)},NA())`, s.year, 'integer');
  g.formula(
    yr,
    COL.ok,
    orFalse(`AND(${at(yr, COL.count)}=1,ISNUMBER(${value(yr)}),${value(yr)}=INT(${value(yr)}),${value(yr)}>=2000,${value(yr)}<=2100)`),
    true,
    'check',
  );
  g.value(yr, COL.note, 'Talousarviovuosi; pakollinen', 'note');
  names.push({ name: NAMES.year, row: yr, col: COL.inForce, comment: 'Vuosi: talousarviovuosi' });

  wordSetting(
    'staffBasis',
    'HPERUSTE',
    'henkilömäärä',
    STAFF_BASIS_CODE[s.staffBasis],
    NAMES.staffBasis,
    'Koodi 1 = henkilömäärä, 2 = HTV, 3 = HTV päivillä painotettuna',
  );
  wordSetting(
    'municipalBasis',
    'KPERUSTE',
    'asukasluku',
    MUNICIPAL_BASIS_CODE[s.municipalBasis],
    NAMES.municipalBasis,
    'Koodi 1 = asukasluku, 2 = työttömät, 3 = TVA:n henkilöstö, 4 = sovittu %',
  );
  numberSetting(
    'agreedTvaPct',
    s.agreedTvaPct?.toNumber() ?? 0,
    NAMES.agreedPct,
    'Sovittu TVA:n osuus (%); koodi 1 = käytössä, 0 = jako henkilöstön mukaan',
    true,
  );
  const ar = rowOf.agreedTvaPct;
  g.formula(ar, COL.code, `IF(TRIM(${value(ar)})="",0,1)`, s.agreedTvaPct === null ? 0 : 1, 'integer');
  names.push({
    name: NAMES.agreedInUse,
    row: ar,
    col: COL.code,
    comment: 'Sovittu TVA-osuus käytössä (1) vai jako henkilöstön mukaan (0)',
  });
  numberSetting('kelaPct', s.kelaPct.toNumber(), NAMES.kelaPct, 'Kelan osuus henkilöstöperusteisista pooleista (a, muu), %', true);

  // Hallinnollinen työnantaja: a municipality of Kunnat; the code is its receiver number.
  const er = rowOf.employer;
  const written = `IF(TRIM(${value(er)})="",${at(er, COL.fallback)},TRIM(${value(er)}))`;
  const m = `MATCH(${written},${NAMES.municipalities},0)`;
  const empIndex = model.municipalities.findIndex((x) => x.name === s.employer);
  g.value(er, COL.fallback, DEFAULT_EMPLOYER, 'text');
  g.formula(
    er,
    COL.code,
    `ROWS(${NAMES.parties})+IF(INDEX(${NAMES.municipalities},${m})=${written},${m},NA())`,
    PARTIES.length + (model.municipalities[empIndex]?.ref.index ?? 0),
    'integer',
  );
  g.formula(er, COL.inForce, `INDEX(${NAMES.receivers},${at(er, COL.code)},1)`, s.employer, 'text');
  g.formula(er, COL.ok, orFalse(`AND(${at(er, COL.count)}<=1,ISNUMBER(${at(er, COL.code)}))`), true, 'check');
  g.value(er, COL.note, 'Maksaa yhteiset kustannukset ja laskuttaa muita; koodi = vastaanottajan numero', 'note');
  names.push({ name: NAMES.employer, row: er, col: COL.inForce, comment: 'Hallinnollinen työnantaja (kunta)' });
  names.push({ name: NAMES.employerNo, row: er, col: COL.code, comment: 'Hallinnollisen työnantajan vastaanottajanumero' });

  wordSetting(
    'billingPeriod',
    'JAKSO',
    'vuosi',
    INSTALLMENT_CODE[s.billingPeriod],
    NAMES.installments,
    'Koodi = ennakkoerien määrä vuodessa (1, 2, 4 tai 12)',
  );
  numberSetting(
    'customerEstimate',
    s.customerEstimate?.toNumber() ?? 0,
    NAMES.customers,
    'Asiakasmääräarvio (liite 2): henkilöstön riittävyyden seurantaan',
    false,
  );
  billingSettings(g, ctx, (key) => rowOf[key], names);
  [28, 22, 8, 9, 16, 14, 18, 8, 8, 50, 22, 22, 8].forEach((w, i) => g.width(i, w));
  return { next: row + 1, names };
}

/** Rows that are not known settings, counted (Asetukset may hold only the settings above). */
export function unknownSettingsFormula(ctx: Ctx, countRange: string): string {
  const label = columnRef(ctx.model.tables.asetukset, 'setting');
  return `SUMPRODUCT(--(TRIM(${label})<>""))=SUM(${countRange})`;
}
