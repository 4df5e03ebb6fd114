/**
 * Plans reads of long ranges in row chunks, so that no single response exceeds a byte budget
 * (Excel on the web refuses responses over 5 MB). Pure: no office.js here; the adapter queues
 * each chunk's loads, syncs, and reports back what it measured or that the sync was refused.
 *
 * The planner starts from a guess of bytes per row, learns the real size from every chunk it
 * reads (with a safety margin, since later rows may be longer), and packs chunks of several
 * sources into one sync up to the budget. A refused sync rewinds its chunks and doubles the
 * estimate; a single row that is still refused is an error (it cannot be split further).
 */

export interface RowSourceSpec {
  /** Rows to read, in order. */
  rows: number;
  /** First guess of the response bytes one row costs. */
  bytesPerRowGuess: number;
}

export interface RowChunk {
  /** Index of the source in the list given to the planner. */
  source: number;
  /** 0-based first row within the source, and the number of rows. */
  start: number;
  count: number;
}

/** Measured response bytes are multiplied by this before they size the next chunks. */
export const SAFETY_FACTOR = 1.25;

export class ChunkTooLargeError extends Error {
  constructor(readonly chunk: RowChunk) {
    super(`Row ${chunk.start + 1} of source ${chunk.source + 1} alone exceeds the response limit.`);
    this.name = 'ChunkTooLargeError';
  }
}

export class RowChunkPlanner {
  private readonly next: number[];
  private readonly perRow: number[];
  /** Chunks handed out and not yet accepted or refused. */
  private pending: RowChunk[] = [];
  /** Refused syncs so far (a refused sync costs a round trip). */
  refusals = 0;

  constructor(
    private readonly sources: RowSourceSpec[],
    private readonly budgetBytes: number,
  ) {
    this.next = sources.map(() => 0);
    this.perRow = sources.map((s) => Math.max(1, s.bytesPerRowGuess));
  }

  get done(): boolean {
    return this.pending.length === 0 && this.sources.every((s, i) => this.next[i] >= s.rows);
  }

  /** Every row has been handed out (the last batch may still be pending). */
  get exhausted(): boolean {
    return this.sources.every((s, i) => this.next[i] >= s.rows);
  }

  /** Current estimate of bytes per row for a source (for tests and reports). */
  estimate(source: number): number {
    return this.perRow[source];
  }

  /**
   * The chunks for the next sync: as many rows as the budget allows, source after source.
   * Always at least one row, even when a single row is estimated above the budget.
   */
  nextBatch(): RowChunk[] {
    if (this.pending.length > 0) throw new Error('the previous batch was neither accepted nor refused');
    const batch: RowChunk[] = [];
    let bytes = 0;
    for (let i = 0; i < this.sources.length; i++) {
      const left = this.sources[i].rows - this.next[i];
      if (left <= 0) continue;
      const room = this.budgetBytes - bytes;
      let count = Math.min(left, Math.floor(room / this.perRow[i]));
      if (count <= 0) {
        if (batch.length > 0) break;
        count = 1;
      }
      batch.push({ source: i, start: this.next[i], count });
      this.next[i] += count;
      bytes += count * this.perRow[i];
      if (count < left) break;
    }
    this.pending = batch;
    return batch;
  }

  /** The sync succeeded: learn the real size of each chunk (response bytes as measured). */
  accept(measuredBytes: number[]): void {
    this.pending.forEach((chunk, k) => {
      const measured = measuredBytes[k];
      if (chunk.count > 0 && Number.isFinite(measured) && measured > 0) {
        this.perRow[chunk.source] = Math.max(1, (measured / chunk.count) * SAFETY_FACTOR);
      }
    });
    this.pending = [];
  }

  /** The sync was refused as too large: read the same rows again in smaller chunks. */
  refuse(): void {
    this.refusals += 1;
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 1 && batch[0].count === 1) throw new ChunkTooLargeError(batch[0]);
    for (const chunk of batch) {
      this.next[chunk.source] = Math.min(this.next[chunk.source], chunk.start);
      // At least halve the rows this source gets per sync, whatever the estimate was.
      this.perRow[chunk.source] = Math.max(this.perRow[chunk.source] * 2, (this.budgetBytes / chunk.count) * 2);
    }
  }
}
