/**
 * TYM_Tarkistukset: one master check on top (the defined name TYM_TARKISTUS, TRUE only when every
 * check below is TRUE; an error counts as FALSE) and the checks, each naming the table or sheet it
 * is about and what to do. Counts are computed from the laid-out blocks (ROWS, COUNTIF), never typed.
 */
import { columnRef } from '../formula';
import { Grid } from '../grid';
import type { SheetSpec } from '../sheetSpec';
import { orFalse } from './block';
import { SHEETS, type Ctx } from './context';
import { NAMES } from './names';
import type { ParamsRefs } from './params';

export const MASTER_CHECK_ROW = 4;

export interface Check {
  label: string;
  formula: string;
  note: string;
  /** The check's value at run time (default TRUE): the cached value of its cell and of the master check. */
  expected?: boolean;
}

/** TRUE when every cell of a range is TRUE (errors and FALSE are not). */
export const allTrue = (range: string) => `COUNTIF(${range},TRUE)=ROWS(${range})*COLUMNS(${range})`;

/** The structure and input checks: the input tables still have the rows, words and order the run laid out. */
export function inputChecks(ctx: Ctx, r: Omit<ParamsRefs, 'notComputable' | 'muniCol'> & { unitsOk: string; unitListOk: string }): Check[] {
  const t = ctx.model.tables;
  const rows = (key: string, col: string, name: string) => `ROWS(${columnRef(t[key], col)})=ROWS(${name})`;
  return [
    {
      label: 'Asetukset: jokainen asetus löytyy nimellä (kerran) ja arvo kelpaa',
      formula: allTrue(r.settingsOk),
      note: 'Asetukset luetaan nimen perusteella (TYM_Parametrit). Korjaa Asetukset-taulukon arvo tai poista kaksoisrivi.',
    },
    {
      label: 'Asetukset: Vuosi on sama kuin laskennassa',
      formula: `${NAMES.year}=${r.yearAtRun}`,
      note: 'Talousarviovuosi on vaihdettu: laske kustannustenjako uudelleen uudelle vuodelle.',
    },
    {
      label: 'Asetukset: taulukossa on vain tunnettuja asetuksia',
      formula: r.unknownSettings,
      note: 'Tuntematon tai väärin kirjoitettu asetuksen nimi: korjaa nimi (ks. TYM_Parametrit) ja laske uudelleen.',
    },
    {
      label: 'Kunnat: taulukossa on yhtä monta riviä kuin laskennassa',
      formula: rows('kunnat', 'name', NAMES.municipalities),
      note: 'Kunta lisätty tai poistettu laskennan jälkeen: laske uudelleen.',
    },
    {
      label: 'Kunnat: nimet kelpaavat',
      formula: allTrue(r.muniNameOk),
      note: 'Kunnan nimi on tyhjä, kahdesti, osapuolen nimi tai siinä on erikoismerkki (* ? ~ tai alussa = < >).',
    },
    {
      label: 'Kunnat: luvut kelpaavat',
      formula: allTrue(r.muniNumbersOk),
      note: 'Luku puuttuu jakoperusteen sarakkeesta tai ei ole ei-negatiivinen luku (enintään 4 desimaalia).',
    },
    {
      label: 'Kunnat: sovitut osuudet yhteensä 100 % (kun kuntajaon peruste on sovittu)',
      formula: r.agreedSum,
      note: 'Korjaa Kunnat-taulukon Sovittu osuus % -sarake.',
    },
    {
      label: 'Henkilosto: taulukossa on yhtä monta riviä kuin laskennassa',
      formula: rows('henkilosto', 'organisation', NAMES.staffParty),
      note: 'Rivejä lisätty tai poistettu laskennan jälkeen: laske uudelleen.',
    },
    {
      label: 'Henkilosto: kaikki rivit kelpaavat',
      formula: allTrue(NAMES.staffOk),
      note: 'Tuntematon organisaatio tai kunta, teksti lukusarakkeessa, yli 4 desimaalia tai päättyy ennen alkua (TYM_Rivit, sarake Kelpaa).',
    },
    {
      label: 'Henkilosto: jokaisen rivin yksikkö on TYM_Henkilostoresurssit-luettelossa',
      formula: r.unitsOk,
      note: 'Yksikkö lisätty, nimetty uudelleen tai siirretty: laske uudelleen.',
    },
    {
      label: 'Henkilosto: TYM_Henkilostoresurssit-luettelon yksiköt ovat Henkilosto-taulukossa kerran',
      formula: r.unitListOk,
      note: 'Yksikkö poistunut tai nimetty samaksi kuin toinen: laske uudelleen.',
    },
    {
      label: 'Ilmoittautumiset: taulukossa on yhtä monta riviä kuin laskennassa',
      formula: rows('ilmoittautumiset', 'event', NAMES.regEvent),
      note: 'Rivejä lisätty tai poistettu laskennan jälkeen: laske uudelleen.',
    },
    {
      label: 'Ilmoittautumiset: kaikki rivit kelpaavat',
      formula: allTrue(NAMES.regOk),
      note: 'Tuntematon tilaisuus, organisaatio tai tila, nimi puuttuu tai päivämäärä ei ole päivämäärä (TYM_Rivit).',
    },
    {
      label: 'Ilmoittautumiset: rivien järjestys ja nimet kuten laskennassa',
      formula: allTrue(NAMES.regOrderOk),
      note: 'Taulukko on lajiteltu tai nimiä muutettu niin, että samojen henkilöiden rivit eivät ole enää todennetusti eri ryhmissä: laske uudelleen.',
    },
    {
      label: 'Ilmoittautumiset: tilaisuudet kuten laskennassa',
      formula: allTrue(r.eventsOk),
      note: 'Tilaisuus lisätty, poistettu tai nimetty uudelleen: laske uudelleen.',
    },
    {
      label: 'Kustannukset: taulukossa on yhtä monta riviä kuin laskennassa',
      formula: rows('kustannukset', 'kind', NAMES.costKind),
      note: 'Rivejä lisätty tai poistettu laskennan jälkeen: laske uudelleen.',
    },
    {
      label: 'Kustannukset: kaikki rivit kelpaavat ja kuuluvat laskennan ryhmiin',
      formula: allTrue(NAMES.costOk),
      note: 'Tuntematon laji, pooli, tilaisuus, vuosi tai maksaja, yli 2 desimaalia, tai rivi uuteen ryhmään (uusi pooli, tilaisuus tai vuosi): laske uudelleen.',
    },
    {
      label: 'Kustannukset: ryhmät kuten laskennassa',
      formula: allTrue(r.groupsOk),
      note: 'Ryhmästä on poistettu kaikki rivit: laske uudelleen.',
    },
    {
      label: 'Kustannukset: vuodet kuten laskennassa',
      formula: `COUNTIF(${r.yearLines},">0")=ROWS(${r.yearLines})`,
      note: 'Vuodesta on poistettu kaikki rivit: laske uudelleen.',
    },
    {
      label: 'TYM_Jako: jokainen ryhmä jakautuu sentilleen tarkasti',
      formula: allTrue(NAMES.partyOk),
      note: 'Osuuksien summa = jaettava summa, ja luvut ovat tarkan laskennan rajoissa (TYM_RAJA).',
    },
    {
      label: 'TYM_Kuntajako: jokainen ryhmä jakautuu sentilleen tarkasti',
      formula: allTrue(NAMES.muniOk),
      note: 'TVA:n osuus jaetaan kunnille kokonaan; luvut tarkan laskennan rajoissa.',
    },
  ];
}

export function buildChecks(ctx: Ctx, checks: Check[]): SheetSpec {
  const g = new Grid();
  g.value(0, 0, `TYM-kustannustenjako ${ctx.model.settings.year}: tarkistukset`, 'title');
  g.value(
    1,
    0,
    'Jokaisen tarkistuksen pitää olla TOSI. Pääkerroin TYM_TARKISTUS on TOSI vain, kun kaikki ovat. EPÄTOSI: lue rivin ohje, korjaa syöte tai laske kustannustenjako uudelleen.',
    'note',
  );
  g.headers(3, 0, ['Tarkistus', 'Tulos', 'Mitä tehdä']);
  const first = MASTER_CHECK_ROW + 2;
  const last = first + checks.length - 1;
  const results = `$B$${first + 1}:$B$${last + 1}`;
  g.value(MASTER_CHECK_ROW, 0, 'KAIKKI TARKISTUKSET KUNNOSSA (TYM_TARKISTUS)', 'label');
  g.formula(
    MASTER_CHECK_ROW,
    1,
    `COUNTIF(${results},TRUE)=ROWS(${results})`,
    checks.every((c) => c.expected !== false),
    'check',
  );
  g.value(MASTER_CHECK_ROW, 2, 'Pääkerroin: TOSI, kun jokainen alla oleva tarkistus on TOSI.', 'note');
  checks.forEach((c, i) => {
    const row = first + i;
    g.value(row, 0, c.label, 'text');
    g.formula(row, 1, orFalse(c.formula), c.expected ?? true, 'check');
    g.value(row, 2, c.note, 'note');
  });
  [64, 9, 90].forEach((w, i) => g.width(i, w));
  return g.toSheet(SHEETS.checks, {
    tabColor: 'FFC00000',
    freeze: { rows: MASTER_CHECK_ROW + 1, columns: 0 },
    names: [{ name: NAMES.master, row: MASTER_CHECK_ROW, col: 1, comment: 'Pääkerroin: TOSI, kun kaikki tarkistukset ovat TOSI' }],
    print: {
      title: `TYM-kustannustenjako ${ctx.model.settings.year}: tarkistukset`,
      landscape: true,
      fitToWidth: true,
      repeatRows: MASTER_CHECK_ROW + 1,
    },
  });
}
