/** The Kunnat table: the member municipalities, in the order used for tie-breaks. */
import { MUNICIPAL_BASIS_WORDS, ORGANISATION_WORDS, TABLES, wordOf } from '../contract';
import { Decimal, HUNDRED, ZERO } from '../decimal';
import { error, type Problem } from '../problems';
import { identityKey } from '../text';
import type { MunicipalBasis, Municipality } from '../types';
import { readBusinessId } from './billing';
import { RowReader, type Located } from './cells';
import { isEmptyRow } from './locate';

/** The Kunnat column each municipal basis needs (henkilöstö counts TVA staff instead). */
const BASIS_COLUMN: Partial<Record<MunicipalBasis, 'population' | 'jobseekers' | 'agreedPct'>> = {
  population: 'population',
  jobseekers: 'jobseekers',
  agreed: 'agreedPct',
};

// A municipality's name is a receiver in the written SUMIFS (case-insensitive, wildcards and leading
// comparison operators active) and a payer word: a party's name ("Kela") would add the party's euros
// to the municipality, and "*", "?", "~" or a leading "=", "<", ">" would match other receivers
// (codes municipality-reserved and municipality-name-chars).

/** The party a name would be taken for (TRIM, ignoring case), or undefined. */
function partyNamed(name: string): string | undefined {
  const k = identityKey(name);
  return ORGANISATION_WORDS.find(([w]) => identityKey(w) === k)?.[1];
}

function canonicalHeader(key: string): string {
  return TABLES.kunnat.columns.find((c) => c.key === key)?.names[0] ?? key;
}

export function parseMunicipalities(t: Located, basis: MunicipalBasis, out: Problem[]): Municipality[] {
  const raw = t.raw;
  const list: Municipality[] = [];
  const firstRow = new Map<string, number>();
  const needed = BASIS_COLUMN[basis];
  const where = { sheet: raw.sheet, table: raw.name, row: raw.headerRow };
  if (needed && !t.cols.has(needed)) {
    out.push(error('basis-column-missing', where, { column: canonicalHeader(needed), basis: wordOf(MUNICIPAL_BASIS_WORDS, basis) }));
  }
  let sum = ZERO;
  let sumComplete = true;
  raw.rows.forEach((_, i) => {
    if (isEmptyRow(raw, i)) return;
    const r = new RowReader(t, i, out);
    const name = r.name('name', true);
    const population = r.number('population', { nonNegative: 'negative-key' });
    const jobseekers = r.number('jobseekers', { nonNegative: 'negative-key' });
    const agreedPct = r.number('agreedPct', { nonNegative: 'negative-key', percent: true });
    const value: Record<string, Decimal | null> = { population, jobseekers, agreedPct };
    const businessId = readBusinessId(r, 'businessId');
    if (needed && t.cols.has(needed) && r.isBlank(needed)) {
      r.error('basis-value-missing', needed, { column: raw.headers[t.cols.get(needed)!], basis: wordOf(MUNICIPAL_BASIS_WORDS, basis) });
    }
    if (basis === 'agreed') {
      if (agreedPct === null) sumComplete = false;
      else sum = sum.plus(agreedPct);
    }
    if (name === null) return;
    const party = partyNamed(name);
    if (party !== undefined) {
      r.error('municipality-reserved', 'name', { name, party });
      return;
    }
    if (/[*?~]/.test(name) || /^[=<>]/.test(name)) {
      r.error('municipality-name-chars', 'name', { name });
      return;
    }
    const k = identityKey(name);
    const before = firstRow.get(k);
    if (before !== undefined) {
      r.error('municipality-duplicate', 'name', { name, firstRow: before });
      return;
    }
    firstRow.set(k, r.sheetRow);
    list.push({
      name,
      population: value.population,
      jobseekers: value.jobseekers,
      agreedPct: value.agreedPct,
      ...(r.has('businessId') ? { businessId } : {}),
      ref: r.ref(),
    });
  });
  if (firstRow.size === 0 && !raw.rows.some((_, i) => !isEmptyRow(raw, i))) {
    out.push(error('no-municipalities', where));
  }
  // Only a complete column can be summed meaningfully; missing values are reported above.
  if (basis === 'agreed' && t.cols.has('agreedPct') && sumComplete && list.length > 0 && !sum.eq(HUNDRED)) {
    const header = raw.headers[t.cols.get('agreedPct')!];
    // Shares typed as fractions (0.25 for 25 %) sum to about 1: say so rather than only "not 100".
    const code =
      sum.gt(0) && sum.lte(1) && list.every((m) => m.agreedPct === null || m.agreedPct.lt(1)) ? 'agreed-sum-fractions' : 'agreed-sum';
    out.push(error(code, { sheet: raw.sheet, table: raw.name, column: header }, { column: header, sum: sum.toString() }));
  }
  return list;
}

/** Finds a municipality by name as the formulas would (TRIM, ignoring case). */
export function municipalityIndex(list: Municipality[]): Map<string, Municipality> {
  return new Map(list.map((m) => [identityKey(m.name), m]));
}
