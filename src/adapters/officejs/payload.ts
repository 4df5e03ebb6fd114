/**
 * Excel on the web's payload limits and what the adapter's requests weigh: the figures the write
 * plan packs syncs by and the chunked read sizes its row chunks by. Pure numbers, no office.js.
 */

/** Excel on the web rejects request payloads over 5 MB; stay well below. */
export const DEFAULT_PAYLOAD_LIMIT = 4_500_000;
/**
 * Request bytes office.js serializes per queued operation, beyond its data: the object paths it
 * goes through plus one action per property set or method call. Calibrated against Microsoft's own
 * serializer (test/adapters/officejs/realOfficeJs.test.ts checks that these stay upper bounds).
 */
export const OP_BASE_BYTES = 700;
export const BYTES_PER_ACTION = 300;
/** Each sync starts with the calculation and screen-updating suspensions. */
export const SYNC_BASE_BYTES = 1_000;
/**
 * office.js itself splits a 2-D property set of more than 1,500 cells into row slices of about
 * 1,500 cells, each a set of its own on a sub-range (getRow, getRow, getBoundingRect): this is
 * what one slice adds to the request.
 */
const OFFICE_SPLIT_CELLS = 1_500;
const OFFICE_SPLIT_BYTES = 1_200;

/** What office.js's slicing adds per row of a write `columns` wide (a slice's bytes over its rows). */
export function sliceBytesPerRow(columns: number): number {
  return OFFICE_SPLIT_BYTES / Math.max(1, Math.round(OFFICE_SPLIT_CELLS / columns));
}
/** A write's fixed bytes: its op, office.js's array-size check, and one slice of rounding. */
export const WRITE_FIXED_BYTES = OP_BASE_BYTES + 2 * BYTES_PER_ACTION + OFFICE_SPLIT_BYTES;
/** Below this much room left in a sync, a grid write starts the next sync instead of a sliver. */
export const MIN_SPLIT_ROOM_BYTES = 16_000;

/** First guess of the JSON bytes one cell costs in a read (value, type, format); learnt after the first chunk. */
export const GUESS_BYTES_PER_CELL = 64;
/** A visible-row address and array punctuation per row. */
export const ROW_OVERHEAD_BYTES = 40;

/** First guess of a read's bytes per row `columns` wide: its cells and the row's overhead. */
export function guessRowBytes(columns: number): number {
  return columns * GUESS_BYTES_PER_CELL + ROW_OVERHEAD_BYTES;
}

/** First guess of a read's whole response: every row of every range at guessRowBytes. */
export function guessReadBytes(ranges: { rows: number; columns: number }[]): number {
  return ranges.reduce((n, r) => n + r.rows * guessRowBytes(r.columns), 0);
}
/**
 * A read whose estimated response is at least this large may have been refused by Excel on the web
 * with a bare GeneralException instead of the payload-limit code (issues 354 and 1314); below it a
 * GeneralException is taken at its word.
 */
export const LARGE_RESPONSE_BYTES = 1_000_000;

/** UTF-8 byte length of a string, without Buffer (runs in the browser). */
export { utf8Length } from './blocks';
