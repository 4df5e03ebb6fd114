/**
 * Reading row ranges in chunks under the payload limit (rowChunks.ts plans them from the bytes it
 * measures). A refused sync starts a fresh Excel.run with smaller chunks.
 */
import { isGeneralException, isPayloadLimitError } from './hostErrors';
import { guessRowBytes, LARGE_RESPONSE_BYTES } from './payload';
import type { Run } from './replace';
import { RowChunkPlanner } from './rowChunks';
import type { RowRange } from './tableRead';

/**
 * Reads row ranges in chunks under `limit` bytes per response. For each range, the chunks' results
 * in order. `finalCheck` queues loads into the last sync and returns a check to run after it.
 * A sync refused as too large (or with a bare GeneralException while the chunk was large: issues
 * 354, 1314) is read again in smaller chunks.
 */
export async function readRowChunks<Q, T>(
  run: Run,
  limit: number,
  ranges: RowRange[],
  queue: (range: Excel.Range) => Q,
  take: (queued: Q) => T,
  measure: (result: T) => number,
  finalCheck?: (ctx: Excel.RequestContext) => () => void,
): Promise<T[][]> {
  const guess = (r: RowRange) => guessRowBytes(r.columns);
  const planner = new RowChunkPlanner(
    ranges.map((r) => ({ rows: r.rows, bytesPerRowGuess: guess(r) })),
    limit,
  );
  const results: T[][] = ranges.map(() => []);
  let checked = false;
  while (!planner.done || (finalCheck && !checked)) {
    await run(async (ctx) => {
      while (!planner.done || (finalCheck && !checked)) {
        const batch = planner.done ? [] : planner.nextBatch();
        const queued = batch.map((chunk) => {
          const r = ranges[chunk.source];
          return queue(
            ctx.workbook.worksheets.getItem(r.sheet).getRangeByIndexes(r.rowIndex + chunk.start, r.columnIndex, chunk.count, r.columns),
          );
        });
        const check = finalCheck && planner.exhausted ? finalCheck(ctx) : null;
        try {
          await ctx.sync();
        } catch (error) {
          const estimate = batch.reduce((n, c) => n + c.count * planner.estimate(c.source), 0);
          const tooLarge = isPayloadLimitError(error) || (isGeneralException(error) && estimate >= LARGE_RESPONSE_BYTES);
          if (batch.length === 0 || !tooLarge) throw error;
          planner.refuse();
          return; // a fresh Excel.run for the smaller chunks
        }
        const taken = queued.map(take);
        planner.accept(taken.map(measure));
        batch.forEach((chunk, k) => results[chunk.source].push(taken[k]));
        if (check) {
          check();
          checked = true;
        }
      }
    });
  }
  return results;
}
