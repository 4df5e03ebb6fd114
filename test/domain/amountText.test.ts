/**
 * The one amount formatter of the pane and the command line (src/domain/amountText.ts). Expected
 * texts written by hand: Finnish groups thousands with a no-break space and writes a decimal comma;
 * the command line asks for a hyphen-minus (plain text other programs read), the pane for a real minus sign.
 */
import { formatAmount } from '../../src/domain/amountText';
import { finnishEuros } from '../../src/cli/format';

const NBSP = '\u00a0';

describe('formatAmount', () => {
  it('groups, pads to cents and signs as the pane shows it', () => {
    expect(formatAmount('1234567.5', 'fi')).toBe(`1${NBSP}234${NBSP}567,50`);
    expect(formatAmount('-1234567.5', 'fi')).toBe(`\u22121${NBSP}234${NBSP}567,50`);
    expect(formatAmount('-1234567.5', 'en')).toBe('-1,234,567.50');
    expect(formatAmount('-0.00', 'fi')).toBe('0,00');
  });

  it('gives the command line the same text with a hyphen-minus', () => {
    expect(finnishEuros('-1234567.5', 'fi')).toBe(`-1${NBSP}234${NBSP}567,50`);
    expect(finnishEuros('-1234567.5', 'sv')).toBe(`-1${NBSP}234${NBSP}567,50`);
    expect(finnishEuros('1000', 'en')).toBe('1,000.00');
    expect(finnishEuros('999.5', 'fi')).toBe('999,50');
  });
});
