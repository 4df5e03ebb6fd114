/**
 * The workbook of the browser preview and of the tests: the package port (PackageWorkbook, the same
 * reader and writer the command line uses: results are added to the user's file, nothing of theirs
 * is re-serialised) plus an exceljs view of the same package for display and for edits.
 *
 * The package is the truth. `workbook` is the exceljs view of it; edits made through the view reach
 * the package only with `commitView()`, which re-serialises the whole workbook through exceljs (and
 * so loses what exceljs does not model: charts, comments, macros): it is meant for the preview's
 * setting edits and for building test fixtures, never for writing results.
 *
 * Owner mark: every output sheet carries a WORKSHEET-SCOPED defined name OWNER_NAME
 * ("TYM_kustannustenjako", i.e. OWNER_MARK with "-" -> "_" since names allow no hyphen) that
 * refers to that sheet's $A$1. Why a scoped name: it survives save/load in Excel, LibreOffice and
 * (with scopedNames.ts) exceljs; it goes away with the sheet; it is invisible to the user; it cannot
 * be typed over like a marker cell; and office.js reads/writes it cheaply
 * (`worksheet.names.getItemOrNullObject(OWNER_NAME)`, `worksheet.names.add(OWNER_NAME, ws.getRange("A1"))`,
 * ExcelApi 1.4). A user sheet that merely has the same name as an output is never ours.
 */
import type { Workbook } from 'exceljs';
import type { RawWorkbook } from '../../domain/raw';
import type { SheetSpec } from '../../workbook/sheetSpec';
import { TableNameConflictError, type OutputCell, type WorkbookPort, type WriteOutcome } from '../../workbook/port';
import { CellEditError, PackageWorkbook, readFileReal } from '../xlsx/packageWorkbook';
import type { SettingKey } from '../../domain/contract';
import { loadView, serialiseView, viewFromPackage } from './exceljsView';

export { OWNER_NAME } from '../xlsx/packageWorkbook';
export { tablesOf, parseRange } from './exceljsView';

/** A table of the output would take a name that a table on a user's sheet already has. */
export { TableNameConflictError };

export class ExcelJsWorkbook implements WorkbookPort {
  private book: PackageWorkbook | null;
  private viewModel: Workbook | null;
  private viewProblem: Error | null = null;
  /** The view was handed out since it was loaded: keep it current after a write. */
  private viewInUse = false;

  /**
   * Hook for tests: called before each new sheet is written. Throwing here simulates a failure in the
   * middle of the write.
   */
  beforeSheetWrite?: (sheet: SheetSpec, index: number) => void;

  private constructor(book: PackageWorkbook | null, view: Workbook | null) {
    this.book = book;
    this.viewModel = view;
  }

  /** The file this workbook was loaded from (saveAs refuses to write over it). */
  get sourcePath(): string | null {
    return this.book?.sourcePath ?? null;
  }

  /** Opens a file; the exceljs view is loaded too unless `view: false`. */
  static async load(path: string, opts: { view?: boolean } = {}): Promise<ExcelJsWorkbook> {
    const { data, real } = await readFileReal(path);
    return ExcelJsWorkbook.open(data, real, opts.view ?? true);
  }

  static async fromBuffer(buf: ArrayBuffer | Uint8Array, opts: { view?: boolean } = {}): Promise<ExcelJsWorkbook> {
    return ExcelJsWorkbook.open(buf instanceof Uint8Array ? buf : new Uint8Array(buf), null, opts.view ?? true);
  }

  private static async open(bytes: Uint8Array, path: string | null, withView: boolean): Promise<ExcelJsWorkbook> {
    const book = await PackageWorkbook.fromBuffer(bytes, path);
    const wb = new ExcelJsWorkbook(book, null);
    if (withView) await wb.reloadView(bytes);
    return wb;
  }

  /** Wraps a workbook built in memory (template, sample); its package is made on first use. */
  static fromWorkbook(wb: Workbook): ExcelJsWorkbook {
    return new ExcelJsWorkbook(null, wb);
  }

  private async pkg(): Promise<PackageWorkbook> {
    if (!this.book) this.book = await PackageWorkbook.fromBuffer(await serialiseView(this.viewModel!));
    return this.book;
  }

  /** The exceljs view of the package (see the header comment). */
  get workbook(): Workbook {
    if (!this.viewModel) {
      throw this.viewProblem ?? new Error('The exceljs view is not loaded (or out of date after a write): await book.view() first.');
    }
    this.viewInUse = true;
    return this.viewModel;
  }

  /** Loads the view when needed and returns it. */
  async view(): Promise<Workbook> {
    if (!this.viewModel) await this.reloadView();
    return this.workbook;
  }

  private async reloadView(bytes?: Uint8Array): Promise<void> {
    try {
      const view = await loadView(bytes ?? (await this.toBuffer()));
      // exceljs may read a producer's package without its sheets: show what our reader sees instead.
      const sheets = this.book ? await this.book.sheetNames() : null;
      const same =
        !sheets ||
        sheets.join('\n').toLowerCase() ===
          view.worksheets
            .map((w) => w.name)
            .join('\n')
            .toLowerCase();
      this.viewModel = same ? view : await viewFromPackage(this.book!);
      this.viewProblem = null;
    } catch (e) {
      // The package is readable (the port works); only exceljs could not model it.
      this.viewModel = null;
      this.viewProblem = new Error(`exceljs cannot show this workbook: ${(e as Error).message}`);
    }
    this.viewInUse = false;
  }

  /** Makes the edits made through `workbook` the package (re-serialised through exceljs, see above). */
  async commitView(): Promise<void> {
    const bytes = await serialiseView(this.workbook);
    this.book = await PackageWorkbook.fromBuffer(bytes, this.book?.sourcePath ?? null);
  }

  /**
   * Writes one setting into the Asetukset table of the package in place (nothing else of the file
   * changes); the view follows. Where the sheet cannot be edited in place (CellEditError), the edit
   * goes through the exceljs view and commitView instead.
   */
  async writeSetting(tableName: string, key: SettingKey, value: string | number | null, viaView: (wb: Workbook) => void): Promise<void> {
    try {
      await (await this.pkg()).writeSetting(tableName, key, value);
    } catch (e) {
      if (!(e instanceof CellEditError)) throw e;
      viaView(this.workbook);
      await this.commitView();
      return;
    }
    if (this.viewInUse || this.viewModel) await this.reloadView();
  }

  /** An .xlsm/.xltm package (macros kept). */
  async macroEnabled(): Promise<boolean> {
    return (await this.pkg()).macroEnabled;
  }

  async readTables(): Promise<RawWorkbook> {
    return (await this.pkg()).readTables();
  }

  async ownSheetNames(): Promise<string[]> {
    return (await this.pkg()).ownSheetNames();
  }

  async readOutputCells(sheetNames: string[]): Promise<OutputCell[]> {
    return (await this.pkg()).readOutputCells(sheetNames);
  }

  async readDefinedNames(): Promise<{ name: string; ref: string }[]> {
    return (await this.pkg()).readDefinedNames();
  }

  async replaceOutputs(sheets: SheetSpec[]): Promise<WriteOutcome> {
    const book = await this.pkg();
    book.beforeSheetWrite = this.beforeSheetWrite;
    const outcome = await book.replaceOutputs(sheets);
    // A view someone looks at follows the package; an unused one is dropped (reloaded on demand).
    if (this.viewInUse) await this.reloadView();
    else this.viewModel = null;
    return outcome;
  }

  async toBuffer(): Promise<Uint8Array> {
    return (await this.pkg()).toBuffer();
  }

  async saveAs(path: string): Promise<void> {
    return (await this.pkg()).saveAs(path);
  }
}
