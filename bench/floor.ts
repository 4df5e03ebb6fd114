/**
 * The floor the command line is compared with: a bare exceljs read of IN and write to OUT, with the
 * same exceljs calls the command line's adapter makes (read the file into a buffer, xlsx.load,
 * xlsx.writeBuffer, write the file) and nothing else. Prints its phase times, so that a floor of
 * "read one file, write another" can be composed from two runs.
 *   node floor.js IN OUT
 */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import { performance } from 'perf_hooks';
import { emitResult } from './lib';

export interface FloorResult {
  /** From process start (performance.timeOrigin) to the first line of this script. */
  startupMs: number;
  readMs: number;
  writeMs: number;
}

async function main(): Promise<void> {
  const startupMs = performance.now();
  const [input, output] = process.argv.slice(2);
  if (!input || !output) throw new Error('usage: floor.js IN OUT');
  const t0 = performance.now();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync(input) as unknown as ArrayBuffer);
  const t1 = performance.now();
  const data = await wb.xlsx.writeBuffer();
  fs.writeFileSync(output, Buffer.from(data as ArrayBuffer));
  const t2 = performance.now();
  const result: FloorResult = { startupMs, readMs: t1 - t0, writeMs: t2 - t1 };
  emitResult(result);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
