/**
 * Builds InputModel objects directly (no workbook, no parser) for the domain tests.
 * Names and events are normalised with the domain's identity rule (Excel TRIM + case fold),
 * which is what the parser hands the engine; dates are ISO strings turned into day numbers here.
 */
import { Decimal } from '../../../src/domain/decimal';
import { identityKey, excelTrim } from '../../../src/domain/text';
import { PLAN_TABLE, TABLES, SETTING_KEYS, type TableKey } from '../../../src/domain/contract';
import type {
  CostKind,
  CostLine,
  InputModel,
  Municipality,
  PartyCode,
  PlanRow,
  Pool,
  Registration,
  RowRef,
  Settings,
  StaffMember,
  TableInfo,
} from '../../../src/domain/types';

export type Num = string | number;

const d = (x: Num): Decimal => new Decimal(x);

/** ISO date "2025-07-01" -> days since 1970-01-01 (UTC). */
export function isoDay(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`bad ISO date ${iso}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86_400_000;
}

export function defaultSettings(over: Partial<Settings> = {}): Settings {
  return {
    year: 2025,
    staffBasis: 'headcount',
    municipalBasis: 'population',
    agreedTvaPct: null,
    kelaPct: new Decimal(0),
    employer: 'Järvenpää',
    billingPeriod: 'year',
    customerEstimate: null,
    ...over,
  };
}

export interface SettingsInput {
  year?: number;
  staffBasis?: Settings['staffBasis'];
  municipalBasis?: Settings['municipalBasis'];
  agreedTvaPct?: Num | null;
  kelaPct?: Num;
  employer?: string;
  billingPeriod?: Settings['billingPeriod'];
}

export interface MunicipalityInput {
  population?: Num | null;
  jobseekers?: Num | null;
  agreedPct?: Num | null;
}

export interface StaffInput {
  municipality?: string | null;
  unit?: string;
  title?: string;
  /** default 1 */
  headcount?: Num;
  /** default = headcount */
  fte?: Num;
  /** ISO date or null (blank) */
  start?: string | null;
  end?: string | null;
}

export interface RegistrationInput {
  /** ISO date or null (blank) */
  date?: string | null;
  cancelled?: boolean;
}

export interface CostInput {
  event?: string | null;
  item?: string;
  payer?: string;
  /** Vuosi column; null = blank = the settings year */
  year?: number | null;
}

/** Sheet row of each table's header (data row i, 1-based, sits at headerRow + i). */
export type HeaderRows = Partial<Record<TableKey, number>>;

export class ModelBuilder {
  private settingsValue: Settings;
  private readonly municipalities: Municipality[] = [];
  private readonly staffRows: StaffMember[] = [];
  private readonly registrationRows: Registration[] = [];
  private readonly costRows: CostLine[] = [];
  private planRows: PlanRow[] | null = null;
  private readonly headerRows: Record<TableKey, number>;

  constructor(settings: SettingsInput = {}, headerRows: HeaderRows = {}) {
    this.settingsValue = defaultSettings();
    this.settings(settings);
    this.headerRows = { asetukset: 1, kunnat: 1, henkilosto: 1, ilmoittautumiset: 1, kustannukset: 1, ...headerRows };
  }

  settings(s: SettingsInput): this {
    const { agreedTvaPct, kelaPct, ...rest } = s;
    this.settingsValue = {
      ...this.settingsValue,
      ...rest,
      ...(agreedTvaPct !== undefined ? { agreedTvaPct: agreedTvaPct === null ? null : d(agreedTvaPct) } : {}),
      ...(kelaPct !== undefined ? { kelaPct: d(kelaPct) } : {}),
    };
    return this;
  }

  private ref(table: TableKey, index: number): RowRef {
    const name = TABLES[table].names[0];
    return { table: name, sheet: TABLES[table].sheet, index, sheetRow: this.headerRows[table] + index };
  }

  municipality(name: string, m: MunicipalityInput = {}): this {
    this.municipalities.push({
      name,
      population: m.population === undefined || m.population === null ? null : d(m.population),
      jobseekers: m.jobseekers === undefined || m.jobseekers === null ? null : d(m.jobseekers),
      agreedPct: m.agreedPct === undefined || m.agreedPct === null ? null : d(m.agreedPct),
      ref: this.ref('kunnat', this.municipalities.length + 1),
    });
    return this;
  }

  /** Several municipalities by population, in table order. */
  populations(list: ReadonlyArray<readonly [string, Num]>): this {
    for (const [name, pop] of list) this.municipality(name, { population: pop });
    return this;
  }

  staff(party: PartyCode, s: StaffInput = {}): this {
    const headcount = d(s.headcount ?? 1);
    this.staffRows.push({
      party,
      municipality: s.municipality ?? null,
      unit: s.unit ?? '',
      title: s.title ?? '',
      headcount,
      fte: s.fte === undefined ? headcount : d(s.fte),
      start: s.start ? isoDay(s.start) : null,
      end: s.end ? isoDay(s.end) : null,
      ref: this.ref('henkilosto', this.staffRows.length + 1),
    });
    return this;
  }

  /** `count` staff rows of one party, each with the same options. */
  staffMany(party: PartyCode, count: number, s: StaffInput = {}): this {
    for (let i = 0; i < count; i++) this.staff(party, s);
    return this;
  }

  registration(event: string, name: string, party: PartyCode, r: RegistrationInput = {}): this {
    this.registrationRows.push({
      event: excelTrim(event),
      eventKey: identityKey(event),
      date: r.date ? isoDay(r.date) : null,
      personKey: identityKey(name),
      party,
      cancelled: r.cancelled ?? false,
      ref: this.ref('ilmoittautumiset', this.registrationRows.length + 1),
    });
    return this;
  }

  /** `count` distinct registrants of one party for an event (names "<prefix> 1", "<prefix> 2", ...). */
  registrants(event: string, party: PartyCode, count: number, prefix = `${party} henkilö`): this {
    for (let i = 1; i <= count; i++) this.registration(event, `${prefix} ${i}`, party);
    return this;
  }

  cost(kind: CostKind, pool: Pool, amount: Num, c: CostInput = {}): this {
    const event = c.event === undefined || c.event === null || excelTrim(c.event) === '' ? null : excelTrim(c.event);
    this.costRows.push({
      kind,
      pool,
      item: c.item ?? '',
      event,
      eventKey: event === null ? null : identityKey(event),
      amount: d(amount),
      payer: c.payer ?? this.settingsValue.employer,
      year: c.year ?? null,
      ref: this.ref('kustannukset', this.costRows.length + 1),
    });
    return this;
  }

  /** A participant plan row (issue 12); event null = the year. Any call gives the model a plan table. */
  plan(event: string | null, party: PartyCode, count: number, opts: { year?: number | null } = {}): this {
    const rows = (this.planRows ??= []);
    const e = event === null || excelTrim(event) === '' ? null : excelTrim(event);
    rows.push({
      event: e,
      eventKey: e === null ? null : identityKey(e),
      party,
      count,
      year: opts.year ?? null,
      ref: { table: 'Osallistujasuunnitelma', sheet: 'Osallistujasuunnitelma', index: rows.length + 1, sheetRow: rows.length + 2 },
    });
    return this;
  }

  build(): InputModel {
    const tableInfo = (key: TableKey, rowCount: number): TableInfo => ({
      name: TABLES[key].names[0],
      sheet: TABLES[key].sheet,
      headerRow: this.headerRows[key],
      firstColumn: 1,
      rowCount,
      columns: Object.fromEntries(TABLES[key].columns.map((c) => [c.key, c.names[0]])),
    });
    const settingRows = Object.fromEntries(SETTING_KEYS.map((k, i) => [k, this.ref('asetukset', i + 1)]));
    return {
      settings: { ...this.settingsValue },
      municipalities: [...this.municipalities],
      staff: [...this.staffRows],
      registrations: [...this.registrationRows],
      costs: [...this.costRows],
      tables: {
        asetukset: tableInfo('asetukset', SETTING_KEYS.length),
        kunnat: tableInfo('kunnat', this.municipalities.length),
        henkilosto: tableInfo('henkilosto', this.staffRows.length),
        ilmoittautumiset: tableInfo('ilmoittautumiset', this.registrationRows.length),
        kustannukset: tableInfo('kustannukset', this.costRows.length),
        ...(this.planRows
          ? {
              suunnitelma: {
                name: PLAN_TABLE.names[0],
                sheet: PLAN_TABLE.sheet,
                headerRow: 1,
                firstColumn: 1,
                rowCount: this.planRows.length,
                columns: Object.fromEntries(PLAN_TABLE.columns.map((c) => [c.key, c.names[0]])),
              },
            }
          : {}),
      },
      settingRows,
      ...(this.planRows ? { plan: [...this.planRows] } : {}),
    };
  }
}

export function model(settings: SettingsInput = {}, headerRows: HeaderRows = {}): ModelBuilder {
  return new ModelBuilder(settings, headerRows);
}

/** Euros with two decimals, for comparing amounts as text (decimal.js prints -0 as "0.00"; check isNegative() for that). */
export function eur(x: Decimal): string {
  return x.toFixed(2);
}
