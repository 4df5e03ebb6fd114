/**
 * Formulas in the user's language, for the auditor's findings: the function names our output
 * formulas use, the argument separator (";") and the decimal comma as a Finnish or Swedish Excel
 * shows them. Text in quotes, sheet names in single quotes and structured references in brackets
 * are left as they are. Where Excel itself can say it (Range.formulasLocal, through
 * Host.localFormulas), the pane uses Excel's text for the cell as it stands.
 *
 * The names are Microsoft's localised function names (cross-checked against a published
 * spreadsheet engine's fi-FI and sv-SE language packs); only the functions src/workbook writes.
 */
import type { Lang } from '../app/vocabulary';

type Local = 'fi' | 'sv';

const FUNCTIONS: Record<string, Record<Local, string>> = {
  ABS: { fi: 'ITSEISARVO', sv: 'ABS' },
  AND: { fi: 'JA', sv: 'OCH' },
  CHOOSE: { fi: 'VALITSE.INDEKSI', sv: 'VÄLJ' },
  COUNT: { fi: 'LASKE', sv: 'ANTAL' },
  COUNTIF: { fi: 'LASKE.JOS', sv: 'ANTAL.OM' },
  COUNTIFS: { fi: 'LASKE.JOS.JOUKKO', sv: 'ANTAL.OMF' },
  DATE: { fi: 'PÄIVÄYS', sv: 'DATUM' },
  IF: { fi: 'JOS', sv: 'OM' },
  INDEX: { fi: 'INDEKSI', sv: 'INDEX' },
  INT: { fi: 'KOKONAISLUKU', sv: 'HELTAL' },
  ISERROR: { fi: 'ONVIRHE', sv: 'ÄRFEL' },
  ISNUMBER: { fi: 'ONLUKU', sv: 'ÄRTAL' },
  MATCH: { fi: 'VASTINE', sv: 'PASSA' },
  MAX: { fi: 'MAKS', sv: 'MAX' },
  MIN: { fi: 'MIN', sv: 'MIN' },
  N: { fi: 'N', sv: 'N' },
  OR: { fi: 'TAI', sv: 'ELLER' },
  ROUND: { fi: 'PYÖRISTÄ', sv: 'AVRUNDA' },
  ROUNDDOWN: { fi: 'PYÖRISTÄ.DES.ALAS', sv: 'AVRUNDA.NEDÅT' },
  ROWS: { fi: 'RIVIT', sv: 'RADER' },
  SIGN: { fi: 'ETUMERKKI', sv: 'TECKEN' },
  SUM: { fi: 'SUMMA', sv: 'SUMMA' },
  SUMIFS: { fi: 'SUMMA.JOS.JOUKKO', sv: 'SUMMA.OMF' },
  SUMPRODUCT: { fi: 'TULOJEN.SUMMA', sv: 'PRODUKTSUMMA' },
  TRIM: { fi: 'POISTA.VÄLIT', sv: 'RENSA' },
  YEAR: { fi: 'VUOSI', sv: 'ÅR' },
};

const CONSTANTS: Record<string, Record<Local, string>> = {
  TRUE: { fi: 'TOSI', sv: 'SANT' },
  FALSE: { fi: 'EPÄTOSI', sv: 'FALSKT' },
};

/** "=SUMIFS(T[A],T[B],"x, y")" -> "=SUMMA.JOS.JOUKKO(T[A];T[B];"x, y")" in Finnish; English unchanged. */
export function localFormula(formula: string, lang: Lang): string {
  const body = formula.startsWith('=') ? formula.slice(1) : formula;
  if (lang === 'en') return `=${body}`;
  let out = '';
  let i = 0;
  while (i < body.length) {
    const ch = body[i];
    if (ch === '"' || ch === "'") {
      // a string or a quoted sheet name; a doubled quote is an escaped one
      let j = i + 1;
      while (j < body.length && !(body[j] === ch && body[j + 1] !== ch)) j += body[j] === ch ? 2 : 1;
      out += body.slice(i, j + 1);
      i = j + 1;
    } else if (ch === '[') {
      // a structured reference, brackets nested, ' escapes the next character
      let depth = 0;
      let j = i;
      for (; j < body.length; j++) {
        if (body[j] === "'") j++;
        else if (body[j] === '[') depth++;
        else if (body[j] === ']' && --depth === 0) break;
      }
      out += body.slice(i, j + 1);
      i = j + 1;
    } else if (/[A-Za-z_]/.test(ch)) {
      const m = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(body.slice(i))![0];
      const next = body[i + m.length];
      const name = m.toUpperCase().replace(/^_XLFN\./, '');
      if (next === '(' && FUNCTIONS[name]) out += FUNCTIONS[name][lang];
      else if (next !== '(' && next !== '[' && next !== '!' && CONSTANTS[name]) out += CONSTANTS[name][lang];
      else out += m;
      i += m.length;
    } else if (/[0-9]/.test(ch)) {
      const m = /^[0-9]+(\.[0-9]+)?(E[+-]?[0-9]+)?/i.exec(body.slice(i))![0];
      out += m.replace('.', ',');
      i += m.length;
    } else {
      out += ch === ',' ? ';' : ch;
      i++;
    }
  }
  return `=${out}`;
}
