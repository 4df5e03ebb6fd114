/**
 * One rule for "this number format shows a date or a time" (src/domain/parse/cells.ts isDateFormat),
 * used by the parser (a number in a date column without a warning) and the office.js reader (a
 * number turned into a date). Expected values are Excel's own classification of each format (the
 * cell shows a date or time serial), worked out by hand; the cases where the two former rules
 * disagreed are marked.
 */
import { isDateFormat } from '../../src/domain/parse/cells';

describe('isDateFormat', () => {
  it.each([
    ['d.m.yyyy', true],
    ['[$-40B]d. mmmm yyyy', true], // a locale section is not a date part; the rest is
    ['yyyy-mm-dd hh:mm', true],
    ['hh:mm:ss', true],
    ['ss.000', true], // seconds only: the former parser rule (d, m, y) said no
    ['[h]:mm', true], // elapsed hours
    ['[ss]', true], // elapsed seconds: a bracket that is a time part, not a colour
    ['General', false],
    ['@', false],
    ['#,##0.00 €', false],
    ['# ##0,00\\ "pv"', false], // "pv" (days) quoted
    ['0" d"', false],
    ['0\\d', false], // an escaped d is a literal letter
    ['[Red]-0.00;[Magenta]0.00', false], // colours, one starting with M
    ['0.00_m', false], // _m: a space as wide as an m (the former parser rule said yes)
    ['#,##0*d', false], // *d: fill the cell with d (the former parser rule said yes)
    ['_-* #,##0.00\\ [$€-40B]_-', false], // Finnish accounting format
    ['', false],
    [undefined, false],
  ])('%s -> %s', (format, expected) => {
    expect(isDateFormat(format)).toBe(expected);
  });
});
