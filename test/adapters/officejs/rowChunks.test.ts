import { ChunkTooLargeError, RowChunkPlanner, SAFETY_FACTOR } from '../../../src/adapters/officejs/rowChunks';
import { isPayloadLimitError } from '../../../src/adapters/officejs/officeJsWorkbook';

/** Runs the planner against rows of known sizes and a response limit, like Excel on the web would. */
function simulate(sizes: number[][], guess: number, budget: number, limit: number) {
  const planner = new RowChunkPlanner(
    sizes.map((rows) => ({ rows: rows.length, bytesPerRowGuess: guess })),
    budget,
  );
  const read: number[][] = sizes.map(() => []);
  const responses: { bytes: number; refused: boolean }[] = [];
  let guard = 0;
  while (!planner.done) {
    if (++guard > 10_000) throw new Error('no progress');
    const batch = planner.nextBatch();
    const bytes = batch.map((c) => sizes[c.source].slice(c.start, c.start + c.count).reduce((a, b) => a + b, 0));
    const total = bytes.reduce((a, b) => a + b, 0);
    if (total > limit) {
      responses.push({ bytes: total, refused: true });
      planner.refuse();
      continue;
    }
    responses.push({ bytes: total, refused: false });
    batch.forEach((c) => {
      for (let r = c.start; r < c.start + c.count; r++) read[c.source].push(r);
    });
    planner.accept(bytes);
  }
  return { read, responses, planner };
}

test('every row is read exactly once, in order, and no accepted response is over the limit', () => {
  const sizes = [Array.from({ length: 5000 }, (_, i) => 80 + (i % 7) * 10), Array.from({ length: 300 }, () => 200), []];
  const { read, responses } = simulate(sizes, 64, 45_000, 50_000);
  expect(read[0]).toEqual(Array.from({ length: 5000 }, (_, i) => i));
  expect(read[1]).toEqual(Array.from({ length: 300 }, (_, i) => i));
  expect(read[2]).toEqual([]);
  for (const r of responses.filter((x) => !x.refused)) expect(r.bytes).toBeLessThanOrEqual(50_000);
  // Total ≈ 5000 × 110 + 300 × 200 = 610,000 bytes: at least 13 syncs of ≤ 50,000, and not wasteful.
  expect(responses.length).toBeGreaterThanOrEqual(13);
  expect(responses.length).toBeLessThanOrEqual(25);
});

test('learns the real row size from the first chunk, with the safety margin', () => {
  const planner = new RowChunkPlanner([{ rows: 10_000, bytesPerRowGuess: 10 }], 100_000);
  const first = planner.nextBatch();
  expect(first).toEqual([{ source: 0, start: 0, count: 10_000 }]);
  planner.refuse(); // 10,000 rows of 50 bytes = 500,000: refused
  const second = planner.nextBatch();
  expect(second[0].start).toBe(0);
  expect(second[0].count).toBeLessThanOrEqual(5_000);
  planner.accept([second[0].count * 50]);
  expect(planner.estimate(0)).toBeCloseTo(50 * SAFETY_FACTOR);
  const third = planner.nextBatch();
  expect(third[0].start).toBe(second[0].count);
  expect(third[0].count).toBe(Math.floor(100_000 / (50 * SAFETY_FACTOR)));
});

test('rows that grow longer later are caught by a refusal and read again in smaller chunks', () => {
  const sizes = [Array.from({ length: 2000 }, (_, i) => (i < 1000 ? 20 : 400))];
  const { read, responses } = simulate(sizes, 20, 40_000, 50_000);
  expect(read[0]).toEqual(Array.from({ length: 2000 }, (_, i) => i));
  expect(responses.some((r) => r.refused)).toBe(true);
  for (const r of responses.filter((x) => !x.refused)) expect(r.bytes).toBeLessThanOrEqual(50_000);
});

test('small sources share one sync; a source that does not fit ends the batch', () => {
  const planner = new RowChunkPlanner(
    [
      { rows: 10, bytesPerRowGuess: 100 },
      { rows: 20, bytesPerRowGuess: 100 },
      { rows: 1000, bytesPerRowGuess: 100 },
      { rows: 5, bytesPerRowGuess: 100 },
    ],
    10_000,
  );
  expect(planner.nextBatch()).toEqual([
    { source: 0, start: 0, count: 10 },
    { source: 1, start: 0, count: 20 },
    { source: 2, start: 0, count: 70 },
  ]);
  expect(planner.exhausted).toBe(false);
});

test('a single row over the limit cannot be split and is an error', () => {
  const planner = new RowChunkPlanner([{ rows: 3, bytesPerRowGuess: 10 }], 1_000);
  expect(planner.nextBatch()).toEqual([{ source: 0, start: 0, count: 3 }]);
  planner.refuse();
  const batch = planner.nextBatch();
  expect(batch).toEqual([{ source: 0, start: 0, count: 1 }]);
  expect(() => planner.refuse()).toThrow(ChunkTooLargeError);
});

test('a batch must be settled before the next one', () => {
  const planner = new RowChunkPlanner([{ rows: 3, bytesPerRowGuess: 10 }], 1_000);
  planner.nextBatch();
  expect(() => planner.nextBatch()).toThrow(/neither accepted nor refused/);
});

test('payload-limit errors are recognised by code or message, nothing else', () => {
  expect(isPayloadLimitError({ code: 'ResponsePayloadSizeLimitExceeded', message: '' })).toBe(true);
  expect(isPayloadLimitError({ code: 'RequestPayloadSizeLimitExceeded', message: '' })).toBe(true);
  expect(isPayloadLimitError({ code: 'GeneralException', message: 'The response payload size has exceeded the limit.' })).toBe(true);
  expect(isPayloadLimitError({ code: 'ItemNotFound', message: 'worksheet not found' })).toBe(false);
  expect(isPayloadLimitError(new Error('network down'))).toBe(false);
  expect(isPayloadLimitError(null)).toBe(false);
});
