/** A WorkbookPort that tells the preview when the workbook changed, so the grid redraws. */
import type { RawWorkbook } from '../domain/raw';
import type { SheetSpec } from '../workbook/sheetSpec';
import type { OutputCell, WorkbookPort } from '../workbook/port';

/** A User Timing mark (the bench tells the adapter's reads and writes from the pane's own work by them). */
const mark = (name: string) => globalThis.performance?.mark?.(name);

/** `onChange` gets the names of the sheets written, or null when the write failed. */
export function observed(port: WorkbookPort, onChange: (written: string[] | null) => void): WorkbookPort {
  return {
    async readTables(): Promise<RawWorkbook> {
      mark('tym:read:start');
      try {
        return await port.readTables();
      } finally {
        mark('tym:read:end');
      }
    },
    ownSheetNames: (): Promise<string[]> => port.ownSheetNames(),
    readOutputCells: (names: string[]): Promise<OutputCell[]> => port.readOutputCells(names),
    async replaceOutputs(sheets: SheetSpec[]): Promise<void> {
      mark('tym:write:start');
      try {
        await port.replaceOutputs(sheets);
        mark('tym:write:end');
      } catch (e) {
        mark('tym:write:end');
        // the adapter promises the old state after a failure; redraw what is there
        onChange(null);
        throw e;
      }
      onChange(sheets.map((s) => s.name));
    },
  };
}
