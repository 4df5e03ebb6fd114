import type { Decimal } from './decimal';

/** The three parties of the contract (section 2). TVA's share is split further among municipalities. */
export type PartyCode = 'TVA' | 'HVA' | 'KELA';
export const PARTIES: readonly PartyCode[] = ['TVA', 'HVA', 'KELA'];

/**
 * Internal codes are English; the Finnish words users type and see are mapped to them at the
 * workbook boundary (the word tables of src/domain/contract.ts) and in the faces (docs/GLOSSARY.md).
 */
/** How staff are counted for the staff-keyed pools (docs/allocation-rules.md §3.1, §3.3): henkilömäärä, htv, htv-aikapainotettu. */
export type StaffBasis = 'headcount' | 'fte' | 'fte-time-weighted';
/** How TVA's share is split among the municipalities (docs/allocation-rules.md §2.4): asukasluku, työttömät, henkilöstö, sovittu. */
export type MunicipalBasis = 'population' | 'jobseekers' | 'staff' | 'agreed';
/** How often advances are invoiced (docs/allocation-rules.md §5): vuosi, puolivuosi, neljännes, kuukausi. */
export type BillingPeriod = 'year' | 'half-year' | 'quarter' | 'month';
/** TA = budget (talousarvio), TOT = actual (toteuma). */
export type CostKind = 'TA' | 'TOT';
export const COST_KINDS: readonly CostKind[] = ['TA', 'TOT'];
/** a = leading person, muu = other joint costs (both staff-keyed), b = development days. */
export type Pool = 'a' | 'muu' | 'b';
export const POOLS: readonly Pool[] = ['a', 'muu', 'b'];

/** Where a row came from: for messages, and for formulas that point back at the input. */
export interface RowRef {
  table: string;
  sheet: string;
  /** 1-based data row within the table (the n in INDEX(Table[Col], n)). */
  index: number;
  /** Sheet row number (1-based). */
  sheetRow: number;
}

/** An input table as found, with the header text actually used for each canonical column. */
export interface TableInfo {
  name: string;
  sheet: string;
  headerRow: number;
  firstColumn: number;
  rowCount: number;
  /** canonical column key -> header text in the workbook (absent when the optional column is missing) */
  columns: Record<string, string | undefined>;
}

export interface Settings {
  year: number;
  staffBasis: StaffBasis;
  municipalBasis: MunicipalBasis;
  /** Agreed TVA percentage of the staff-keyed pools (0..100); null = by staff. */
  agreedTvaPct: Decimal | null;
  /** Kela's percentage of the staff-keyed pools (0..100). */
  kelaPct: Decimal;
  /** The administrative employer (a municipality name), default Järvenpää. */
  employer: string;
  billingPeriod: BillingPeriod;
  /** Optional customer estimate for the staff sufficiency figures (contract section 6). */
  customerEstimate: Decimal | null;
}

export interface Municipality {
  name: string;
  population: Decimal | null;
  jobseekers: Decimal | null;
  agreedPct: Decimal | null;
  /** Finnish business ID (Y-tunnus) from the optional Kunnat column, for invoice rows; absent or null = none. */
  businessId?: string | null;
  ref: RowRef;
}

export interface StaffMember {
  party: PartyCode;
  /** Municipality name as in the Kunnat table, or null. */
  municipality: string | null;
  unit: string;
  title: string;
  headcount: Decimal;
  fte: Decimal;
  /** Days since 1970-01-01 (UTC); null = from the start / to the end of the year. */
  start: number | null;
  end: number | null;
  ref: RowRef;
}

export interface Registration {
  /** Event name as written (trimmed); display only. */
  event: string;
  /** Normalised event identity (Excel TRIM + case fold). */
  eventKey: string;
  /** Day number, or null when blank. */
  date: number | null;
  /** Normalised person identity. Never written to any output. */
  personKey: string;
  party: PartyCode;
  cancelled: boolean;
  ref: RowRef;
}

export interface CostLine {
  kind: CostKind;
  pool: Pool;
  item: string;
  /** Event name (trimmed) for pool b lines tied to an event, else null. */
  event: string | null;
  eventKey: string | null;
  amount: Decimal;
  /** Who paid the line: a municipality name, HVA or KELA; default the administrative employer. */
  payer: string;
  /** Optional Vuosi column; null = the settings year. */
  year: number | null;
  ref: RowRef;
}

export interface InputModel {
  settings: Settings;
  municipalities: Municipality[];
  staff: StaffMember[];
  registrations: Registration[];
  costs: CostLine[];
  /** The tables as found, keyed by canonical table key (asetukset, kunnat, henkilosto, ilmoittautumiset, kustannukset). */
  tables: Record<string, TableInfo>;
  /** Where each setting's row is in Asetukset (canonical setting key -> row), for formulas. */
  settingRows: Record<string, RowRef>;
  /** The optional participant plan (issue 12); absent = no plan table. */
  plan?: PlanRow[];
  /** Invoice-data settings (issue 12); absent = the defaults. */
  billing?: BillingDetails;
}

/** One row of the participant plan: planned participants of one organisation, per event or for the year. */
export interface PlanRow {
  /** Event name (trimmed), or null for the year (lines with no event). */
  event: string | null;
  eventKey: string | null;
  party: PartyCode;
  count: number;
  /** Optional Vuosi column; null = the settings year. */
  year: number | null;
  ref: RowRef;
}

/** The invoice-data settings of Asetukset (issue 12). */
export interface BillingDetails {
  /** Day of the month the invoices are dated (1..31; a shorter month takes its last day). */
  invoiceDay: number;
  /** Days from the invoice date to the due date. */
  paymentTermDays: number;
  /** Date of the settlement invoices (day number); null = the invoice day of the January after the year. */
  settlementDate: number | null;
  /** Business IDs (Y-tunnus) of the wellbeing area and Kela; null = none. */
  businessIds: { HVA: string | null; KELA: string | null };
}
