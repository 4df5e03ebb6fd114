/**
 * What the user interfaces (task pane, preview, command line) can ask of the application.
 * Every function works through a WorkbookPort, so the same code runs on office.js and exceljs.
 * Implemented in src/app/run.ts.
 */
import type { Problem } from '../domain/problems';
import type { BillingPeriod, CostKind, Settings } from '../domain/types';
import type { WriteOutcome } from '../workbook/port';
import type { TableLocation } from './inputs';

export type { TableLocation };

/** A step of a run, for progress display. */
export type RunStep = 'read' | 'validate' | 'allocate' | 'layout' | 'write' | 'done';

export interface ValidationReport {
  /** Errors and warnings, each naming sheet, row, column and cell. */
  problems: Problem[];
  /**
   * Table names found for each input table (canonical key -> name), for "is my workbook ready?";
   * also 'suunnitelma', the optional participant plan (null when the workbook has none).
   */
  tablesFound: Record<string, string | null>;
  /** The settings as read (null when Asetukset cannot be read). */
  settings: Settings | null;
  ok: boolean;
  /** Where each input table is, so every problem can link to its place (src/app/locate.ts). */
  tables?: TableLocation[];
  /** inputsFingerprint of the tables read: equal to a run's fingerprint means that result is current. */
  fingerprint?: string;
}

/** Euro amounts as strings with two decimals ("1234.50"), so no float ever touches money in the UI. */
export interface ReceiverTotal {
  receiver: string;
  /** 'party' for TVA/HVA/KELA, 'municipality' for TVA's member municipalities. */
  level: 'party' | 'municipality';
  amount: string;
}

export interface KindSummary {
  kind: CostKind;
  total: string;
  receivers: ReceiverTotal[];
}

/** One receiver's budget-year invoicing (issue 4), amounts as two-decimal strings. */
export interface InvoiceSummary {
  receiver: string;
  /** The administrative employer: its own share is not invoiced. */
  isEmployer: boolean;
  taShare: string;
  taPaid: string;
  taNet: string;
  /** Advance installments (empty for the employer). */
  advances: string[];
  /** Present when the year has actual (TOT) lines. */
  actual?: { share: string; paid: string; net: string; advancesBilled: string; settlement: string };
}

export interface InvoicingSummary {
  period: BillingPeriod;
  /** Month (1-12) each installment falls due. */
  dueMonths: number[];
  employer: string;
  receivers: InvoiceSummary[];
}

/** One invoice or credit note for the sales-invoicing system (issue 12); amounts "1234.50", dates ISO "2026-01-15". */
export interface InvoiceRowSummary {
  no: number;
  type: 'invoice' | 'credit-note';
  receiver: string;
  businessId: string | null;
  /** 'advance' (installment n of installments) or 'settlement'. */
  kind: 'advance' | 'settlement';
  installment: number | null;
  installments: number;
  invoiceDate: string;
  dueDate: string;
  amount: string;
  description: string;
}

/** The key source of one budget (TA) group of pool b: an event, or null for the lines with no event. */
export interface BudgetKeySummary {
  event: string | null;
  source: 'plan' | 'registrations' | 'previous-year';
  /** The year whose registrations were counted (the previous year for 'previous-year'). */
  year: number;
}

export interface RunSummary {
  year: number;
  kinds: KindSummary[];
  /** Names of the sheets written. */
  sheets: string[];
  /** The master check as computed by the engine (the workbook recomputes it live). */
  masterCheck: boolean;
  invoicing: InvoicingSummary;
  /** Where each budget line of pool b took its key (issue 12: plan, the year's or the previous year's registrations). */
  budgetKeys?: BudgetKeySummary[];
  /** The invoices and credit notes to send (issue 12), for the CSV download. */
  invoiceRows?: InvoiceRowSummary[];
  /**
   * What the workbook adapter says about the write, when it says anything: marked sheets it kept
   * (a user's copies of output sheets), finishing touches Excel refused, a recalculation.
   */
  write?: WriteOutcome;
}

export interface RunReport {
  ok: boolean;
  problems: Problem[];
  /** Present when ok. */
  summary?: RunSummary;
  /** Where each input table is (problem links). */
  tables?: TableLocation[];
  /** inputsFingerprint of the tables the run read. */
  fingerprint?: string;
}

export interface VerifyFinding {
  sheet: string;
  address: string;
  /** 'formula' = formula text changed or replaced by a constant; 'value' = value differs; 'missing' = output sheet or cell gone. */
  kind: 'formula' | 'value' | 'missing';
  expected: string;
  actual: string;
}

/**
 * A cause of findings, for people: root causes first ("inputs changed after the run"), then one
 * line per sheet and kind. Format with formatCause (src/app/verifyCauses.ts) in fi/sv/en.
 */
export interface VerifyCause {
  code:
    | 'inputs-changed'
    | 'no-run-log'
    | 'recalculate-first'
    | 'sheet-missing'
    | 'table-range'
    | 'name-changed'
    | 'structure'
    | 'overwritten'
    | 'values'
    | 'values-follow-inputs'
    | 'master-false'
    | 'inputs-invalid'
    | 'ok';
  params: Record<string, string | number>;
  /** Cells concerned ("Sheet!A1"), when any. */
  cells: string[];
  count: number;
}

export interface VerifyReport {
  ok: boolean;
  problems: Problem[];
  /** Every cell-level difference (formula, value or missing sheet). */
  findings: VerifyFinding[];
  cellsChecked: number;
  /** The findings grouped by cause, root cause first (always filled by verify). */
  causes?: VerifyCause[];
  /** Input tables whose fingerprint differs from the run log's (canonical keys), when the log is present. */
  changedTables?: string[];
  /** inputsFingerprint of the tables the check read. */
  fingerprint?: string;
}

/** A step of the auditor's check, for progress display. */
export type VerifyStep = 'read' | 'compute' | 'readOutputs' | 'compare';

export interface AllocationApp {
  validate(): Promise<ValidationReport>;
  run(onProgress?: (step: RunStep) => void): Promise<RunReport>;
  verify(onProgress?: (step: VerifyStep) => void): Promise<VerifyReport>;
  /** Reads the input tables and gives their inputsFingerprint (a cheap "did anything change?"). */
  fingerprint(): Promise<string>;
}
