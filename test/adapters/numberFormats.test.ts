/**
 * Both adapters show every output figure alike: the office.js styles and the package writer take
 * their number formats from one table (src/workbook/numberFormats.ts). And percent cells, which hold
 * percentage points (12.5 = 12,5 %), never get Excel's "%" format, which would multiply by 100.
 */
import { OFFICE_STYLES } from '../../src/adapters/officejs/styles';
import { NUMBER_FORMATS } from '../../src/workbook/numberFormats';
import type { CellStyle } from '../../src/workbook/sheetSpec';

test('office.js styles use the shared number formats (General where none is given)', () => {
  for (const style of Object.keys(OFFICE_STYLES) as CellStyle[]) {
    expect([style, OFFICE_STYLES[style].numberFormat]).toEqual([style, NUMBER_FORMATS[style] ?? 'General']);
  }
});

test('no style scales by 100: a "%" appears only inside quotes', () => {
  for (const code of Object.values(NUMBER_FORMATS)) expect(code!.replace(/"[^"]*"/g, '')).not.toContain('%');
  expect(NUMBER_FORMATS.percent).toBe('0.00" %"');
});
