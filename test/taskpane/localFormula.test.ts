/** Formulas in the user's language: names, separators and decimals; strings, sheet names and references untouched. */
import { localFormula } from '../../src/taskpane/localFormula';
import { findingText } from '../../src/taskpane/components/AuditSection';
import { translator } from '../../src/taskpane/i18n';

test('Finnish and Swedish function names, ";" between arguments, decimal comma', () => {
  const f = '=ROUND(SUMIFS(Tulokset[Euroa],Tulokset[Vastaanottaja],"TVA, HVA",Tulokset[[Sovittu osuus %]],$B$3)*0.5,2)';
  expect(localFormula(f, 'fi')).toBe(
    '=PYÖRISTÄ(SUMMA.JOS.JOUKKO(Tulokset[Euroa];Tulokset[Vastaanottaja];"TVA, HVA";Tulokset[[Sovittu osuus %]];$B$3)*0,5;2)',
  );
  expect(localFormula(f, 'sv')).toBe(
    '=AVRUNDA(SUMMA.OMF(Tulokset[Euroa];Tulokset[Vastaanottaja];"TVA, HVA";Tulokset[[Sovittu osuus %]];$B$3)*0,5;2)',
  );
  expect(localFormula(f, 'en')).toBe(f);
});

test('constants, nested names, quoted sheets with commas, escaped quotes, unknown functions', () => {
  expect(localFormula("IF(AND(TRUE,'Oma, lehti'!A1>1.5),INDEX(Kunnat[Kunta],MATCH(C5,Kunnat[Kunta],0)),FALSE)", 'fi')).toBe(
    "=JOS(JA(TOSI;'Oma, lehti'!A1>1,5);INDEKSI(Kunnat[Kunta];VASTINE(C5;Kunnat[Kunta];0));EPÄTOSI)",
  );
  expect(localFormula('IF(A1="a ""b"", c",ROUNDDOWN(X1,2),SUMPRODUCT(A1:A3,B1:B3))', 'sv')).toBe(
    '=OM(A1="a ""b"", c";AVRUNDA.NEDÅT(X1;2);PRODUKTSUMMA(A1:A3;B1:B3))',
  );
  expect(localFormula('MYSTERY(1,2)', 'fi')).toBe('=MYSTERY(1;2)');
  expect(localFormula('TRUE_NAME+T[TRUE]', 'fi')).toBe('=TRUE_NAME+T[TRUE]');
});

test('finding texts: placeholders, values in the language, formulas localised', () => {
  const fi = translator('fi');
  expect(findingText('(tyhjä)', 'en', translator('en'))).toBe('(empty)');
  expect(findingText('58333.33', 'fi', fi)).toBe('58\u00a0333,33');
  expect(findingText('=SUM(G21:G22)', 'fi', fi)).toBe('=SUMMA(G21:G22)');
  expect(findingText('true', 'sv', translator('sv'))).toBe('SANT');
  expect(findingText('Järvenpää', 'fi', fi)).toBe('Järvenpää');
});
