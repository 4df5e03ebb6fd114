/**
 * WorkbookPort over the package itself (the .xlsx/.xlsm bytes): the command line's workbook, and the
 * core of ExcelJsWorkbook (preview, tests). Reads stream the input tables out of the zip; writes add
 * the output sheets to the package and keep every other part byte-identical (writeOutputs.ts).
 *
 * Why package surgery and not a library: exceljs (and every other JavaScript xlsx library we could
 * use) re-serialises the whole workbook from its own model, and what it does not model is lost:
 * charts and comments of the user's sheets, pivot caches, slicers, macros (an .xlsm came back as an
 * .xlsx that Excel refuses), custom XML. Generating our own sheets' SheetML from SheetSpec and
 * splicing it into the zip keeps the user's parts as they were, gives us exact control over cached
 * values, styles and names, and streams: a 200,000-row input is never held as a cell model.
 *
 * Browser-safe: Node's fs, path and stream are imported lazily by the file methods only.
 */
import type { RawWorkbook } from '../../domain/raw';
import type { OutputCell, WorkbookPort, WriteOutcome } from '../../workbook/port';
import { OWNER_NAME, type SheetSpec } from '../../workbook/sheetSpec';
import { NO_FORMATS, readCellFormats, type CellFormats } from './cellFormats';
import { OpcPackage } from './opc';
import { readRawWorkbook, readSheetCells, type ReadContext, type SheetCell } from './readTables';
import { readSharedStrings } from './sharedStrings';
import { readTableParts, type TablePart } from './tableParts';
import { readWorkbookInfo, sheetsWithScopedName, type WorkbookInfo } from './workbookPart';
import { planOutputs, type OutputPlan } from './writeOutputs';
import { readCentralDirectory, writeZip, type ZipSource } from './zipWriter';
import { planSettingWrite } from './settingWrite';
import type { SettingKey } from '../../domain/contract';

export { OWNER_NAME } from '../../workbook/sheetSpec';
export { UnreadableWorkbookError, type UnreadableReason } from './opc';
export { CellEditError } from './cellEdit';

interface State {
  wb: WorkbookInfo;
  tables: TablePart[];
  formats?: CellFormats;
  strings?: readonly string[];
}

let tempCounter = 0;

export class PackageWorkbook implements WorkbookPort {
  private state: State | null = null;
  /** Parts written as chunks (big output sheets), generated when the package is written or read. */
  private readonly pending = new Map<string, () => Iterable<string>>();
  /** Zip entries (lower-cased names) written since the package was opened; the others are the input's bytes. */
  private readonly changed = new Set<string>();

  /**
   * Hook for tests: called before each new sheet is planned. Throwing here simulates a failure in
   * the middle of the write (the package is then left exactly as it was).
   */
  beforeSheetWrite?: (sheet: SheetSpec, index: number) => void;

  protected constructor(
    private readonly pkg: OpcPackage,
    /** The bytes the package was opened from (its entries are copied from here when saved). */
    private readonly source: Uint8Array,
    state: State,
    /** The file this workbook was loaded from (saveAs refuses to write over it). */
    readonly sourcePath: string | null,
  ) {
    this.state = state;
    this.contentType = state.wb.contentType;
  }

  /** Opens a package; throws UnreadableWorkbookError when it is no readable workbook. */
  static async fromBuffer(buf: ArrayBuffer | Uint8Array, sourcePath: string | null = null): Promise<PackageWorkbook> {
    const bytes = buf instanceof Uint8Array ? buf : new Uint8Array(buf);
    const pkg = await OpcPackage.open(bytes);
    return new PackageWorkbook(pkg, bytes, await PackageWorkbook.inspect(pkg), sourcePath);
  }

  static async load(path: string): Promise<PackageWorkbook> {
    const { data, real } = await readFileReal(path);
    return PackageWorkbook.fromBuffer(data, real);
  }

  private static async inspect(pkg: OpcPackage): Promise<State> {
    const wb = await readWorkbookInfo(pkg);
    return { wb, tables: await readTableParts(pkg, wb) };
  }

  private async current(): Promise<State> {
    if (!this.state) this.state = await PackageWorkbook.inspect(this.pkg);
    return this.state;
  }

  /** The content type of the workbook part (.xlsx, .xlsm, .xltx, .xltm: the output keeps it). */
  readonly contentType: string;

  /** An .xlsm or .xltm package (macros kept): its output must keep that file extension. */
  get macroEnabled(): boolean {
    return this.contentType.includes('macroenabled');
  }

  private async context(): Promise<ReadContext> {
    this.materialise();
    const st = await this.current();
    if (!st.formats) st.formats = await readCellFormats(this.pkg, st.wb.stylesPart).catch(() => NO_FORMATS);
    return {
      pkg: this.pkg,
      wb: st.wb,
      tables: st.tables,
      formats: st.formats,
      strings: async () => (st.strings ??= await readSharedStrings(this.pkg, st.wb.sharedStringsPart)),
    };
  }

  async readTables(): Promise<RawWorkbook> {
    return readRawWorkbook(await this.context());
  }

  async ownSheetNames(): Promise<string[]> {
    const { wb } = await this.current();
    const own = sheetsWithScopedName(wb, OWNER_NAME);
    return wb.sheets.filter((_, i) => own.has(i)).map((s) => s.name);
  }

  async readOutputCells(sheetNames: string[]): Promise<OutputCell[]> {
    return readSheetCells(await this.context(), sheetNames);
  }

  /**
   * Writes one setting into the Asetukset table in place (its value cell, or a new row at the table's
   * end); every other part and byte of the sheet stays. Throws CellEditError when the sheet cannot be
   * edited safely (the caller may then edit through exceljs instead).
   */
  async writeSetting(tableName: string, key: SettingKey, value: string | number | null): Promise<void> {
    const put = await planSettingWrite(await this.context(), tableName, key, value);
    this.apply({ put, remove: new Set() });
  }

  /** Every non-empty cell of the named sheets with its formula, value and number format (for display). */
  async readCells(sheetNames: string[]): Promise<SheetCell[]> {
    return readSheetCells(await this.context(), sheetNames, { formats: true });
  }

  /** Workbook-level defined names and their references, as written (for `verify`). */
  async readDefinedNames(): Promise<{ name: string; ref: string }[]> {
    return (await this.current()).wb.names.filter((n) => n.localSheetId === undefined).map((n) => ({ name: n.name, ref: n.text }));
  }

  /** Every sheet name, in order. */
  async sheetNames(): Promise<string[]> {
    return (await this.current()).wb.sheets.map((s) => s.name);
  }

  async replaceOutputs(sheets: SheetSpec[]): Promise<WriteOutcome> {
    this.materialise();
    const st = await this.current();
    const plan = await planOutputs({ pkg: this.pkg, wb: st.wb, tables: st.tables }, sheets, this.beforeSheetWrite);
    this.apply(plan);
    return { otherMarkedSheets: plan.otherMarkedSheets, finishingFailures: [], recalculated: false };
  }

  /** Applies a plan in one synchronous step (no await: nothing can interleave or half-apply). */
  private apply(plan: Pick<OutputPlan, 'put' | 'remove'>): void {
    for (const part of plan.remove) {
      const name = this.pkg.entryName(part);
      if (name !== undefined) this.pkg.zip.remove(name);
      this.pending.delete(part.toLowerCase());
    }
    for (const [part, content] of plan.put) {
      const name = this.pkg.entryName(part) ?? part.slice(1);
      this.changed.add(name.toLowerCase());
      if (typeof content === 'string') {
        this.pkg.zip.file(name, content);
        this.pending.delete(part.toLowerCase());
      } else {
        this.pkg.zip.file(name, '');
        this.pending.set(part.toLowerCase(), content);
      }
    }
    this.pkg.reindex();
    this.state = null;
  }

  /** Writes the pending parts into the zip as text (for reading them, or for an in-memory copy). */
  private materialise(): void {
    for (const [part, produce] of this.pending) {
      let text = '';
      for (const chunk of produce()) text += chunk;
      this.pkg.zip.file(this.pkg.entryName(part) ?? part.slice(1), text);
    }
    this.pending.clear();
    this.pkg.reindex();
  }

  async toBuffer(): Promise<Uint8Array> {
    this.materialise();
    return this.pkg.zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
  }

  /**
   * Writes the workbook to `path` atomically: a temporary file in the same folder, flushed, then
   * renamed over the target. Never writes over the file it was loaded from. In Node the output
   * sheets stream straight from their specs into the zip (no sheet is ever one string in memory).
   */
  async saveAs(path: string): Promise<void> {
    const fs = await import('fs');
    const p = await import('path');
    const target = p.resolve(path);
    let targetReal = target;
    try {
      targetReal = await fs.promises.realpath(target);
    } catch {
      /* does not exist yet */
    }
    if (this.sourcePath && (targetReal === this.sourcePath || target === this.sourcePath)) {
      throw new Error(`Refusing to overwrite the input workbook ${path}; write the result to another file.`);
    }
    const tmp = p.join(p.dirname(target), `.${p.basename(target)}.${process.pid}.${Date.now()}.${tempCounter++}.tmp`);
    let handle: import('fs').promises.FileHandle | undefined;
    try {
      handle = await fs.promises.open(tmp, 'wx');
      const stored = readCentralDirectory(this.source);
      if (stored) {
        // The user's parts are copied as stored; ours deflated by zlib, the sheets as they are generated.
        const zlib = await import('zlib');
        const entries: { name: string; source: ZipSource }[] = [];
        const names: string[] = [];
        this.pkg.zip.forEach((name, file) => {
          if (!file.dir) names.push(name);
        });
        for (const name of names) {
          const key = name.toLowerCase();
          const part = this.pending.get(`/${key}`);
          const entry = stored.get(name);
          if (part) entries.push({ name, source: { kind: 'chunks', chunks: part } });
          else if (entry && !this.changed.has(key)) entries.push({ name, source: { kind: 'stored', entry, source: this.source } });
          else entries.push({ name, source: { kind: 'bytes', data: await this.pkg.zip.file(name)!.async('uint8array') } });
        }
        await writeZip(handle, entries, zlib);
      } else await this.writeWithJsZip(handle);
      await handle.sync();
      await handle.close();
      handle = undefined;
      await fs.promises.rename(tmp, target);
    } catch (e) {
      if (handle) await handle.close().catch(() => undefined);
      await fs.promises.unlink(tmp).catch(() => undefined);
      throw e;
    }
  }

  /** The output through JSZip (a source zip this writer does not copy from, e.g. ZIP64), streamed. */
  private async writeWithJsZip(handle: import('fs').promises.FileHandle): Promise<void> {
    const fs = await import('fs');
    const { Readable } = await import('stream');
    try {
      for (const [part, produce] of this.pending) {
        const chunks = (function* () {
          for (const c of produce()) yield Buffer.from(c, 'utf8');
        })();
        this.pkg.zip.file(this.pkg.entryName(part) ?? part.slice(1), Readable.from(chunks));
      }
      const out = this.pkg.zip.generateNodeStream({
        type: 'nodebuffer',
        streamFiles: true,
        compression: 'DEFLATE',
        compressionOptions: { level: 6 },
      });
      await new Promise<void>((resolve, reject) => {
        const sink = fs.createWriteStream('', { fd: handle.fd, autoClose: false } as never);
        out.on('error', reject);
        sink.on('error', reject);
        sink.on('finish', () => resolve());
        out.pipe(sink);
      });
    } finally {
      // The streams are spent: the next read or write generates the parts again.
      for (const part of this.pending.keys()) this.pkg.zip.file(this.pkg.entryName(part) ?? part.slice(1), '');
    }
  }
}

/** Reads a file and its real path (symlinks resolved), Node only. */
export async function readFileReal(path: string): Promise<{ data: Uint8Array; real: string }> {
  const fs = await import('fs');
  const p = await import('path');
  const data = await fs.promises.readFile(path);
  let real = p.resolve(path);
  try {
    real = await fs.promises.realpath(path);
  } catch {
    /* keep the resolved path */
  }
  return { data, real };
}
