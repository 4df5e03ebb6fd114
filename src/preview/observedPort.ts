/** A WorkbookPort that tells the preview when the workbook changed, so the grid redraws. */
import type { RawWorkbook } from '../domain/raw';
import type { SheetSpec } from '../workbook/sheetSpec';
import type { OutputCell, WorkbookPort } from '../workbook/port';

/** `onChange` gets the names of the sheets written, or null when the write failed. */
export function observed(port: WorkbookPort, onChange: (written: string[] | null) => void): WorkbookPort {
  return {
    readTables: (): Promise<RawWorkbook> => port.readTables(),
    ownSheetNames: (): Promise<string[]> => port.ownSheetNames(),
    readOutputCells: (names: string[]): Promise<OutputCell[]> => port.readOutputCells(names),
    async replaceOutputs(sheets: SheetSpec[]): Promise<void> {
      try {
        await port.replaceOutputs(sheets);
      } catch (e) {
        // the adapter promises the old state after a failure; redraw what is there
        onChange(null);
        throw e;
      }
      onChange(sheets.map((s) => s.name));
    },
  };
}
