/** TYM_Parametrit: settings read from Asetukset, word lists, party staff keys, events, municipalities. */
import { daysInYear, excelSerialFromDay, yearEnd, yearStart } from '../../domain/dates';
import type { Allocation } from '../../domain/allocate';
import { tvaStaffKeyByMunicipality } from '../../domain/keys';
import type { InputModel, PartyCode } from '../../domain/types';
import { PARTIES } from '../../domain/types';
import { a1, onSheet, range, str, tableCell } from '../formula';
import { DEFAULT_EMPLOYER } from '../../domain/contract';
import { Grid } from '../grid';
import type { SheetSpec } from '../sheetSpec';
import {
  BILLING_PERIOD_CODE,
  EVENTS_HEADER,
  MUNICIPAL_BASIS_CODE,
  PARAM_CODE_COL,
  PARAM_VALUE_COL,
  REG_COL,
  SETTING_ROW,
  SHEETS,
  STAFF_BASIS_CODE,
  STAFF_COL,
  STAFF_KEY_FIRST,
  WORDS_COL,
  type Positions,
} from './positions';

const V = PARAM_VALUE_COL;
const C = PARAM_CODE_COL;

export function staffKeyRef(party: PartyCode): string {
  return onSheet(SHEETS.params, a1(STAFF_KEY_FIRST + PARTIES.indexOf(party), 1, true));
}

export function eventCountRef(pos: Positions, eventNo: number, party: PartyCode): string {
  const row = eventNo === 0 ? pos.eventsYearRow : pos.events[eventNo - 1].row;
  return onSheet(SHEETS.params, a1(row, 2 + PARTIES.indexOf(party), true));
}

/** Column of the municipal key on TYM_Parametrit's municipality block. */
export const MUNI_COL = { no: 0, name: 1, tableRow: 2, population: 3, jobseekers: 4, agreedPct: 5, staff: 6, key: 7 } as const;

export function municipalityRef(pos: Positions, index: number, col: number): string {
  return onSheet(SHEETS.params, a1(pos.muniFirst + index, col, true));
}

/** The trimmed municipality names on TYM_Parametrit, in Kunnat order (MATCH target). */
export function muniNamesRange(pos: Positions, model: InputModel): string {
  return onSheet(SHEETS.params, range(pos.muniFirst, MUNI_COL.name, pos.muniFirst + Math.max(1, model.municipalities.length) - 1, MUNI_COL.name));
}

export function buildParams(model: InputModel, alloc: Allocation, pos: Positions): SheetSpec {
  const g = new Grid();
  const s = model.settings;
  const set = model.tables.asetukset;
  g.value(0, 0, `TYM-kustannustenjako ${s.year}: parametrit ja jakoavaimet`, 'title');
  g.value(1, 0, 'Laskelman kirjoittama taulukko: arvot luetaan syöttötaulukoista kaavoilla. Älä muokkaa; muuta syötteitä ja laske uudelleen.', 'note');

  g.value(3, 0, 'Asetukset (Asetukset-taulukosta)', 'subtitle');
  g.headers(4, 0, ['Asetus', 'Taulukon rivi', 'Arvo', 'Koodi', 'Selite']);

  /** A setting read from its Asetukset row, or the default written as a visible constant. */
  const settingRow = (row: number, key: string, label: string, fallback: string | number, expected: string | number | undefined, style: 'text' | 'integer' | 'decimal') => {
    const ref = model.settingRows[key];
    if (ref && set) {
      g.formula(row, 0, tableCell(set, 'setting', a1(row, 1, true)), undefined, 'label');
      g.value(row, 1, ref.index, 'integer');
      g.set(row, V, { formula: tableCell(set, 'value', a1(row, 1, true)), expected, style });
    } else {
      g.value(row, 0, label, 'label');
      g.value(row, V, fallback, style);
      g.value(row, 4, 'oletus: ei Asetukset-taulukossa', 'note');
    }
  };
  // `expected: undefined` = the cell passes a workbook value through unchanged; verify checks its formula only.
  settingRow(SETTING_ROW.year, 'year', 'Vuosi', s.year, s.year, 'integer');
  g.value(SETTING_ROW.yearStart, 0, 'Vuoden alku', 'label');
  g.formula(SETTING_ROW.yearStart, V, `DATE(${a1(SETTING_ROW.year, V, true)},1,1)`, excelSerialFromDay(yearStart(s.year)), 'date');
  g.value(SETTING_ROW.yearEnd, 0, 'Vuoden loppu', 'label');
  g.formula(SETTING_ROW.yearEnd, V, `DATE(${a1(SETTING_ROW.year, V, true)},12,31)`, excelSerialFromDay(yearEnd(s.year)), 'date');
  g.value(SETTING_ROW.daysInYear, 0, 'Päiviä vuodessa', 'label');
  g.formula(SETTING_ROW.daysInYear, V, `${a1(SETTING_ROW.yearEnd, V, true)}-${a1(SETTING_ROW.yearStart, V, true)}+1`, daysInYear(s.year), 'integer');

  const coded = (row: number, key: string, label: string, fallbackWord: string, list: Positions['words']['staffBasis'], code: number, explain: string) => {
    settingRow(row, key, label, fallbackWord, undefined, 'text');
    const v = a1(row, V, true);
    g.formula(row, C, `IF(TRIM(${v})="",${defaultCode(list, fallbackWord)},INDEX(${list.codes},MATCH(TRIM(${v}),${list.words},0)))`, code, 'integer');
    g.value(row, 4, explain, 'note');
  };
  coded(SETTING_ROW.staffBasis, 'staffBasis', 'Henkilöstöperuste', 'henkilömäärä', pos.words.staffBasis, STAFF_BASIS_CODE[s.staffBasis], '1 = henkilömäärä, 2 = HTV, 3 = HTV päivillä painotettuna');
  coded(SETTING_ROW.municipalBasis, 'municipalBasis', 'Kuntajaon peruste', 'asukasluku', pos.words.municipalBasis, MUNICIPAL_BASIS_CODE[s.municipalBasis], '1 = asukasluku, 2 = työttömät, 3 = TVA:n henkilöstö, 4 = sovittu %');

  const agreedRef = model.settingRows.agreedTvaPct;
  settingRow(SETTING_ROW.agreedTvaPct, 'agreedTvaPct', 'Sovittu TVA-osuus %', '', s.agreedTvaPct?.toNumber() ?? 0, 'decimal');
  if (agreedRef && set) {
    g.formula(SETTING_ROW.agreedTvaPct, C, `IF(${tableCell(set, 'value', a1(SETTING_ROW.agreedTvaPct, 1, true))}="",0,1)`, s.agreedTvaPct === null ? 0 : 1, 'integer');
  } else {
    g.value(SETTING_ROW.agreedTvaPct, C, 0, 'integer');
  }
  g.value(SETTING_ROW.agreedTvaPct, 4, 'Koodi 1 = sovittu prosentti käytössä, 0 = jako henkilöstön mukaan', 'note');
  settingRow(SETTING_ROW.kelaPct, 'kelaPct', 'Kelan osuus %', 0, s.kelaPct.toNumber(), 'decimal');
  g.value(SETTING_ROW.kelaPct, 4, 'Kelan osuus henkilöstöperusteisista pooleista (a, muu)', 'note');

  // Administrative employer: the value as written, and (code column) the municipality it names.
  settingRow(SETTING_ROW.employer, 'employer', 'Hallinnollinen työnantaja', DEFAULT_EMPLOYER, undefined, 'text');
  const emp = a1(SETTING_ROW.employer, V, true);
  g.formula(
    SETTING_ROW.employer,
    C,
    `INDEX(${muniNamesRange(pos, model)},MATCH(IF(TRIM(${emp})="",${str(DEFAULT_EMPLOYER)},TRIM(${emp})),${muniNamesRange(pos, model)},0))`,
    s.employer,
    'text',
  );
  g.value(SETTING_ROW.employer, 4, 'Maksaa yhteiset kustannukset ja laskuttaa muita; omaa osuuttaan ei laskuteta itseltään', 'note');
  coded(SETTING_ROW.billingPeriod, 'billingPeriod', 'Laskutusjakso', 'vuosi', pos.words.billingPeriod, BILLING_PERIOD_CODE[s.billingPeriod], 'Koodi = ennakkoerien määrä vuodessa (1, 2, 4 tai 12)');
  settingRow(SETTING_ROW.customerEstimate, 'customerEstimate', 'Asiakasmäärä', '', s.customerEstimate?.toNumber() ?? 0, 'decimal');
  g.value(SETTING_ROW.customerEstimate, 4, 'Asiakasmääräarvio (liite 2): henkilöstön riittävyyden seurantaan', 'note');

  // Party staff keys: sum of the row keys on TYM_Rivit.
  g.value(STAFF_KEY_FIRST - 2, 0, 'Henkilöstöavain osapuolittain', 'subtitle');
  g.headers(STAFF_KEY_FIRST - 1, 0, ['Osapuoli', 'Avain']);
  PARTIES.forEach((p, i) => {
    const row = STAFF_KEY_FIRST + i;
    g.value(row, 0, p, 'label');
    g.formula(
      row,
      1,
      `SUMIFS(${pos.rowsRange(STAFF_COL.key, pos.staffRows)},${pos.rowsRange(STAFF_COL.org, pos.staffRows)},${a1(row, 0, true)})`,
      alloc.staffKeys[p].shown.toNumber(),
      'decimal',
    );
  });

  // Development-day registrants per event and party.
  g.value(EVENTS_HEADER - 1, 0, 'Kehittämispäivät: ilmoittautuneet henkilöt (eri henkilöt tilaisuuksittain)', 'subtitle');
  g.headers(EVENTS_HEADER, 0, ['Nro', 'Tilaisuus', ...PARTIES, 'Yhteensä']);
  const counts = new Map(alloc.registrations.events.map((e) => [e.eventKey, e.byParty]));
  const yearCounts: Record<PartyCode, number> = { TVA: 0, HVA: 0, KELA: 0 };
  for (const ev of pos.events) {
    g.value(ev.row, 0, ev.no, 'integer');
    g.value(ev.row, 1, ev.name, 'text');
    PARTIES.forEach((p, i) => {
      const n = counts.get(ev.eventKey)?.[p] ?? 0;
      yearCounts[p] += n;
      g.formula(
        ev.row,
        2 + i,
        `COUNTIFS(${pos.rowsRange(REG_COL.event, pos.regRows)},${a1(ev.row, 0, true)},${pos.rowsRange(REG_COL.org, pos.regRows)},${a1(EVENTS_HEADER, 2 + i, true)},${pos.rowsRange(REG_COL.counted, pos.regRows)},1)`,
        n,
        'integer',
      );
    });
    g.formula(ev.row, 5, `SUM(${a1(ev.row, 2)}:${a1(ev.row, 4)})`, PARTIES.reduce((a, p) => a + (counts.get(ev.eventKey)?.[p] ?? 0), 0), 'integer');
  }
  const yr = pos.eventsYearRow;
  g.value(yr, 0, 0, 'integer');
  g.value(yr, 1, 'Koko vuosi (rivit ilman tilaisuutta)', 'label');
  const firstEv = EVENTS_HEADER + 1;
  [0, 1, 2, 3].forEach((i) => {
    const col = 2 + i;
    const expected = i < 3 ? yearCounts[PARTIES[i]] : yearCounts.TVA + yearCounts.HVA + yearCounts.KELA;
    g.formula(yr, col, pos.events.length ? `SUM(${a1(firstEv, col)}:${a1(yr - 1, col)})` : '0', expected, 'integer');
  });

  // Municipalities and the municipal key.
  const kunnat = model.tables.kunnat;
  g.value(pos.muniHeader - 1, 0, 'Kunnat ja kuntajaon avain (TVA:n osuuden jako)', 'subtitle');
  g.headers(pos.muniHeader, 0, ['Nro', 'Kunta', 'Taulukon rivi', 'Asukasluku', 'Työttömät', 'Sovittu osuus %', 'TVA-henkilöstö', 'Jakoavain']);
  const tvaStaff = tvaStaffKeyByMunicipality(model);
  model.municipalities.forEach((m, i) => {
    const row = pos.muniFirst + i;
    const n = a1(row, MUNI_COL.tableRow, true);
    g.value(row, MUNI_COL.no, i + 1, 'integer');
    g.formula(row, MUNI_COL.name, `TRIM(${tableCell(kunnat, 'name', n)})`, m.name, 'text');
    g.value(row, MUNI_COL.tableRow, m.ref.index, 'integer');
    const num = (col: number, key: string, v: number | null) => {
      if (kunnat.columns[key] === undefined) g.value(row, col, 0, 'decimal');
      else g.formula(row, col, `N(${tableCell(kunnat, key, n)})`, v ?? 0, 'decimal');
    };
    num(MUNI_COL.population, 'population', m.population?.toNumber() ?? null);
    num(MUNI_COL.jobseekers, 'jobseekers', m.jobseekers?.toNumber() ?? null);
    num(MUNI_COL.agreedPct, 'agreedPct', m.agreedPct?.toNumber() ?? null);
    g.formula(
      row,
      MUNI_COL.staff,
      `SUMIFS(${pos.rowsRange(STAFF_COL.key, pos.staffRows)},${pos.rowsRange(STAFF_COL.org, pos.staffRows)},${a1(STAFF_KEY_FIRST, 0, true)},${pos.rowsRange(STAFF_COL.muni, pos.staffRows)},${a1(row, MUNI_COL.no, true)})`,
      tvaStaff.get(m.name)!.shown.toNumber(),
      'decimal',
    );
    g.formula(
      row,
      MUNI_COL.key,
      `CHOOSE(${pos.setting(SETTING_ROW.municipalBasis, true)},${a1(row, MUNI_COL.population)},${a1(row, MUNI_COL.jobseekers)},${a1(row, MUNI_COL.staff)},${a1(row, MUNI_COL.agreedPct)})`,
      alloc.municipalKeys.get(m.name)!.toNumber(),
      'decimal',
    );
  });

  // Word lists: the words a cell may hold and what they mean (same pairs the engine uses).
  g.value(3, WORDS_COL, 'Sanastot (hyväksytyt sanat, kirjainkoosta ja välilyönneistä riippumatta)', 'subtitle');
  for (const list of Object.values(pos.words)) {
    const first = rowOfRange(list.words);
    g.value(first - 1, WORDS_COL, list.title, 'header');
    g.value(first - 1, WORDS_COL + 1, 'Koodi', 'header');
    list.pairs.forEach(([w, c], i) => {
      g.value(first + i, WORDS_COL, w, 'text');
      g.value(first + i, WORDS_COL + 1, c, typeof c === 'number' ? 'integer' : 'text');
    });
  }

  [34, 12, 16, 10, 10, 14, 14, 14, 2, 2, 22, 10].forEach((w, i) => g.width(i, w));
  g.width(4, 44);
  return g.toSheet(SHEETS.params, { tabColor: 'FF7F7F7F', freeze: { rows: 0, columns: 0 } });
}

function defaultCode(list: Positions['words']['staffBasis'], word: string): number {
  const hit = list.pairs.find(([w]) => w === word);
  if (!hit) throw new Error(`no default word ${word}`);
  return hit[1] as number;
}

/** First 0-based row of an absolute range like TYM_Parametrit!$K$6:$K$14. */
function rowOfRange(ref: string): number {
  const m = /\$[A-Z]+\$(\d+):/.exec(ref);
  if (!m) throw new Error(`not a range: ${ref}`);
  return Number(m[1]) - 1;
}
