/** The Henkilosto table: appendix 2 staff of the parties. */
import { MUNICIPAL_BASIS_WORDS, ORGANISATION_WORDS, wordOf } from '../contract';
import { ONE } from '../decimal';
import { error, type Problem } from '../problems';
import { identityKey, visible } from '../text';
import type { MunicipalBasis, Municipality, StaffMember } from '../types';
import { RowReader, type Located } from './cells';
import { isEmptyRow } from './locate';

/** `municipalities` is null when Kunnat could not be read (names are then not checked). */
export function parseStaff(
  t: Located,
  basis: MunicipalBasis,
  municipalities: Map<string, Municipality> | null,
  out: Problem[],
): StaffMember[] {
  const raw = t.raw;
  const list: StaffMember[] = [];
  if (basis === 'staff' && !t.cols.has('municipality')) {
    out.push(
      error(
        'basis-column-missing',
        { sheet: raw.sheet, table: raw.name, row: raw.headerRow },
        { column: 'Kunta', basis: wordOf(MUNICIPAL_BASIS_WORDS, basis) },
      ),
    );
  }
  raw.rows.forEach((_, i) => {
    if (isEmptyRow(raw, i)) return;
    const r = new RowReader(t, i, out);
    const party = r.word('organisation', ORGANISATION_WORDS, true);
    let municipality: string | null = null;
    const written = r.name('municipality');
    if (written !== null && municipalities) {
      const m = municipalities.get(identityKey(written));
      if (m) municipality = m.name;
      else
        r.error('municipality-unknown', 'municipality', {
          name: visible(written),
          known: [...municipalities.values()].map((x) => x.name).join(', '),
        });
    } else if (written === null && r.isBlank('municipality') && basis === 'staff' && party === 'TVA' && t.cols.has('municipality')) {
      r.error('staff-municipality-required', 'municipality');
    }
    const unit = r.freeText('unit') ?? '';
    const title = r.freeText('title') ?? '';
    const headcount = r.number('headcount', { nonNegative: 'negative-key' });
    const fte = r.number('fte', { nonNegative: 'negative-key', maxDecimals: 4 });
    const start = r.date('start');
    const end = r.date('end');
    if (start !== null && end !== null && end < start) r.error('end-before-start', 'end');
    if (party === null) return;
    const hc = headcount ?? (r.isBlank('headcount') ? ONE : null);
    if (hc === null) return;
    // One person works at most one FTE: more FTE than persons is a typing slip (5 for 0.5, say).
    if (fte !== null && fte.gt(hc)) r.warning('fte-above-headcount', 'fte', { fte: fte.toString(), headcount: hc.toString() });
    list.push({
      party,
      municipality,
      unit,
      title,
      headcount: hc,
      fte: fte ?? hc,
      start,
      end,
      ref: r.ref(),
    });
  });
  return list;
}
