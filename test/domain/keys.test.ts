/**
 * Staff keys (docs/allocation-rules.md §3.1-§3.3: headcount, FTE, FTE weighted by days) and registration
 * counting (distinct persons per event, cancelled and other-year rows ignored, duplicates once).
 * Day counts are worked out by hand from the calendar in the comments.
 */
import { Decimal } from '../../src/domain/decimal';
import {
  countRegistrations,
  registrationInYear,
  staffDays,
  staffKey,
  staffKeyByParty,
  tvaStaffKeyByMunicipality,
} from '../../src/domain/keys';
import { identityKey, excelTrim } from '../../src/domain/text';
import type { StaffBasis } from '../../src/domain/types';
import { model } from './support/modelBuilder';

const dec = (x: string | number) => new Decimal(x);

/** The key of the single staff row of a one-row model. */
function keyOf(basis: StaffBasis, year: number, row: Parameters<ReturnType<typeof model>['staff']>[1]) {
  const m = model({ year, staffBasis: basis }).staff('TVA', row).build();
  return { days: staffDays(m.settings, m.staff[0]), key: staffKey(m.settings, m.staff[0]) };
}

describe('staff days in the budget year', () => {
  it('blank dates = the whole year (365 in 2025, 366 in 2024)', () => {
    expect(keyOf('fte', 2025, {}).days).toBe(365);
    expect(keyOf('fte', 2024, {}).days).toBe(366);
  });

  it('start 1.7. counts 184 days in both a non-leap and a leap year', () => {
    // July 31 + Aug 31 + Sep 30 + Oct 31 + Nov 30 + Dec 31 = 184 (February is not in the range)
    expect(keyOf('fte', 2025, { start: '2025-07-01' }).days).toBe(184);
    expect(keyOf('fte', 2024, { start: '2024-07-01' }).days).toBe(184);
  });

  it('both ends inclusive: 1.3.–31.5.2025 = 92 days, a single day = 1, 1.1.–29.2.2024 = 60', () => {
    // 31 + 30 + 31 = 92
    expect(keyOf('fte', 2025, { start: '2025-03-01', end: '2025-05-31' }).days).toBe(92);
    expect(keyOf('fte', 2025, { start: '2025-06-15', end: '2025-06-15' }).days).toBe(1);
    // Jan 31 + Feb 29 (leap) = 60
    expect(keyOf('fte', 2024, { end: '2024-02-29' }).days).toBe(60);
  });

  it('a range crossing the year boundary counts only the days inside the year', () => {
    // 15.12.2024–10.1.2025 in 2025: 1.1.–10.1. = 10 days
    expect(keyOf('fte', 2025, { start: '2024-12-15', end: '2025-01-10' }).days).toBe(10);
  });

  it('a row entirely outside the year has 0 days', () => {
    expect(keyOf('fte', 2025, { end: '2024-12-31' }).days).toBe(0);
    expect(keyOf('fte', 2025, { start: '2026-01-01' }).days).toBe(0);
  });
});

describe('staffKey on each staff basis', () => {
  const person = { headcount: 1, fte: '0.8' };

  it('headcount: Henkilömäärä, whatever the FTE', () => {
    expect(keyOf('headcount', 2025, person).key.shown.toString()).toBe('1');
    expect(keyOf('headcount', 2025, { headcount: 3, fte: '2.4' }).key.units.toString()).toBe('3');
  });

  it('FTE: HTV, not weighted by days', () => {
    const k = keyOf('fte', 2025, { ...person, start: '2025-07-01' }).key;
    expect(k.shown.toString()).toBe('0.8');
    expect(k.units.toString()).toBe('0.8');
  });

  it('FTE weighted by days, start 1.7.2025 (non-leap): 0,8 x 184 / 365', () => {
    const k = keyOf('fte-time-weighted', 2025, { ...person, start: '2025-07-01' }).key;
    // units = 0.8 x 184 = 147.2 day-FTEs; shown = 147.2 / 365 = 0.40328767...
    expect(k.units.toString()).toBe('147.2');
    expect(k.shown.eq(dec('147.2').div(365))).toBe(true);
    expect(k.shown.toDecimalPlaces(8).toString()).toBe('0.40328767');
  });

  it('FTE weighted by days, start 1.7.2024 (leap year): 0,8 x 184 / 366', () => {
    const k = keyOf('fte-time-weighted', 2024, { ...person, start: '2024-07-01' }).key;
    // units = 147.2; shown = 147.2 / 366 = 0.40218579...
    expect(k.units.toString()).toBe('147.2');
    expect(k.shown.toDecimalPlaces(8).toString()).toBe('0.40218579');
  });

  it('FTE weighted by days, blank dates = the whole year: shown = HTV', () => {
    const k = keyOf('fte-time-weighted', 2024, person).key;
    // units = 0.8 x 366 = 292.8; shown = 292.8 / 366 = 0.8
    expect(k.units.toString()).toBe('292.8');
    expect(k.shown.toString()).toBe('0.8');
  });

  it.each<StaffBasis>(['headcount', 'fte', 'fte-time-weighted'])('a row entirely outside the year counts zero (%s)', (basis) => {
    const before = keyOf(basis, 2025, { headcount: 2, fte: '1.5', end: '2024-12-31' }).key;
    const after = keyOf(basis, 2025, { headcount: 2, fte: '1.5', start: '2026-01-01' }).key;
    for (const k of [before, after]) {
      expect(k.units.isZero()).toBe(true);
      expect(k.shown.isZero()).toBe(true);
    }
  });

  it('headcount and FTE count a row that is in the year for part of it in full', () => {
    expect(keyOf('headcount', 2025, { start: '2025-12-31' }).key.units.toString()).toBe('1');
    expect(keyOf('fte', 2025, { fte: '0.5', end: '2025-01-01' }).key.units.toString()).toBe('0.5');
  });
});

describe('staff keys by party and by municipality', () => {
  const m = model({ year: 2025, staffBasis: 'fte' })
    .staff('TVA', { municipality: 'Järvenpää', fte: '1' })
    .staff('TVA', { municipality: 'Tuusula', fte: '0.5' })
    .staff('TVA', { municipality: 'Tuusula', fte: '0.8', end: '2024-06-30' }) // outside the year
    .staff('TVA', { municipality: null, fte: '1' }) // not placed in any municipality
    .staff('HVA', { municipality: 'Järvenpää', fte: '0.6' })
    .staff('HVA', { fte: '1' })
    .staff('KELA', { fte: '2' })
    .populations([
      ['Hyvinkää', 1],
      ['Järvenpää', 1],
      ['Tuusula', 1],
    ])
    .build();

  it('sums each party: TVA 1 + 0,5 + 0 + 1 = 2,5; HVA 0,6 + 1 = 1,6; KELA 2', () => {
    const k = staffKeyByParty(m);
    expect(k.TVA.shown.toString()).toBe('2.5');
    expect(k.HVA.shown.toString()).toBe('1.6');
    expect(k.KELA.shown.toString()).toBe('2');
  });

  it('places only TVA rows with a municipality: Hyvinkää 0, Järvenpää 1, Tuusula 0,5', () => {
    const k = tvaStaffKeyByMunicipality(m);
    expect(k.get('Hyvinkää')!.shown.toString()).toBe('0');
    expect(k.get('Järvenpää')!.shown.toString()).toBe('1');
    expect(k.get('Tuusula')!.shown.toString()).toBe('0.5');
  });
});

describe('identity of names and events (Excel TRIM + case)', () => {
  it('trims, collapses inner runs of spaces and ignores case', () => {
    expect(identityKey('  Maija   MEHILÄINEN ')).toBe(identityKey('maija mehiläinen'));
    expect(excelTrim('  Kehittämispäivä   1 ')).toBe('Kehittämispäivä 1');
  });

  it('keeps different names apart', () => {
    expect(identityKey('Maija Mehiläinen')).not.toBe(identityKey('Maija Mehilainen'));
  });
});

describe('countRegistrations', () => {
  const E1 = 'Kehittämispäivä 1';
  const E2 = 'Kehittämispäivä 2';
  // Sheet rows = data row + 1 (header on row 1).
  const m = model({ year: 2025 })
    .registration(E1, 'Liisa Virtanen', 'TVA', { date: '2025-03-12' }) // row 2: counts TVA
    .registration(E1, 'Pekka Korhonen', 'HVA', { date: '2025-03-12' }) // row 3: counts HVA
    .registration(E1, 'Pekka Korhonen', 'HVA', { cancelled: true }) // row 4: cancelled duplicate, ignored silently
    .registration(E1, '  liisa   VIRTANEN ', 'HVA') // row 5: duplicate of row 2 -> counted once, for TVA
    .registration(E1, 'Anna Nieminen', 'KELA', { cancelled: true }) // row 6: cancelled
    .registration(E1, 'Olli Mäkinen', 'KELA', { date: '2024-11-20' }) // row 7: other year
    .registration(` ${E1.toUpperCase()}  `, 'Sari Laine', 'KELA') // row 8: same event written differently, blank date counts
    .registration(E2, 'Liisa Virtanen', 'TVA', { date: '2025-09-30' }) // row 9: same person, other event: counts again
    .registration(E2, 'Timo Heikkinen', 'HVA', { date: '2026-01-02' }) // row 10: other year
    .registration(E2, 'LIISA VIRTANEN', 'TVA') // row 11: duplicate of row 9
    .build();
  const c = countRegistrations(m);

  it('counts distinct persons per event and organisation', () => {
    // E1: Liisa (TVA), Pekka (HVA), Sari (KELA) -> 1 / 1 / 1; E2: Liisa (TVA) -> 1 / 0 / 0
    expect(c.events.map((e) => [e.event, e.byParty])).toEqual([
      [E1, { TVA: 1, HVA: 1, KELA: 1 }],
      [E2, { TVA: 1, HVA: 0, KELA: 0 }],
    ]);
  });

  it('marks which rows count', () => {
    expect(c.counted).toEqual([true, true, false, false, false, false, true, true, false, false]);
  });

  it('reports each duplicate active row as a warning naming its row and the first row', () => {
    expect(c.warnings).toHaveLength(2);
    expect(c.warnings.map((w) => [w.severity, w.code, w.where.table, w.where.row, w.params.firstRow])).toEqual([
      ['warning', 'duplicate-registration', 'Ilmoittautumiset', 5, 2],
      ['warning', 'duplicate-registration', 'Ilmoittautumiset', 11, 9],
    ]);
    // No warning repeats a personal name (names are only for counting)
    expect(JSON.stringify(c.warnings).toLowerCase()).not.toContain('virtanen');
  });

  it('a duplicate counts for the organisation of its first row even when the later row says otherwise', () => {
    const m2 = model()
      .registration(E1, 'Matti Meikäläinen', 'HVA')
      .registration(E1, 'matti meikäläinen', 'TVA')
      .registration(E1, 'MATTI  MEIKÄLÄINEN', 'KELA')
      .build();
    const c2 = countRegistrations(m2);
    expect(c2.events[0].byParty).toEqual({ TVA: 0, HVA: 1, KELA: 0 });
    expect(c2.warnings).toHaveLength(2);
  });

  it('a cancelled first row does not block a later active row of the same person', () => {
    const m3 = model().registration(E1, 'Eeva Aho', 'HVA', { cancelled: true }).registration(E1, 'Eeva Aho', 'TVA').build();
    const c3 = countRegistrations(m3);
    expect(c3.events[0].byParty).toEqual({ TVA: 1, HVA: 0, KELA: 0 });
    expect(c3.warnings).toHaveLength(0);
  });

  it('an event with only cancelled or other-year registrations has no count', () => {
    const m4 = model({ year: 2025 })
      .registration(E1, 'A', 'TVA', { cancelled: true })
      .registration(E1, 'B', 'HVA', { date: '2024-05-05' })
      .build();
    expect(countRegistrations(m4).events).toEqual([]);
  });

  it('registrationInYear: blank date belongs to the year, 31.12. and 1.1. at the edges', () => {
    const m5 = model({ year: 2025 })
      .registration(E1, 'A', 'TVA')
      .registration(E1, 'B', 'TVA', { date: '2025-01-01' })
      .registration(E1, 'C', 'TVA', { date: '2025-12-31' })
      .registration(E1, 'D', 'TVA', { date: '2024-12-31' })
      .registration(E1, 'E', 'TVA', { date: '2026-01-01' })
      .build();
    expect(m5.registrations.map((r) => registrationInYear(2025, r))).toEqual([true, true, true, false, false]);
  });
});
