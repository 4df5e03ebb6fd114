/**
 * TYM_Parametrit, lower part: the keys of every year slot. Party staff keys and the staff pools'
 * whole-number numerators (GCD-reduced, so the exact split stays in range; steps in staffPool.ts),
 * and the municipalities with their keys and numerators (events: events.ts).
 */
import { staffKeyByParty, tvaStaffKeyByMunicipality } from '../../domain/keys';
import { municipalKey } from '../../domain/shares';
import { scaledKey, scaledUnits } from '../../domain/exactRange';
import { ZERO } from '../../domain/decimal';
import { PARTIES } from '../../domain/types';
import { a1, a1AbsRow, tableCell } from '../formula';
import type { Grid } from '../grid';
import type { NameSpec } from '../sheetSpec';
import { Block, orFalse } from './block';
import { SHEETS, type Ctx } from './context';
import { NAMES } from './names';
import { fourDecimals } from './settings';
import { partyUnitsOn, poolKeyShown, STAFF_POOL_COLS, staffPoolOf, staffPoolSteps } from './staffPool';

const P = SHEETS.params;
const DIV0 = '#DIV/0!';

const num = (x: bigint) => Number(x);

/** Parties (rows) by slot (columns): staff keys, their scaled units, the pool keys and numerators. */
export function partiesBlock(g: Grid, ctx: Ctx, top: number): { next: number; names: NameSpec[]; tvaNo: string } {
  const S = ctx.slots.length;
  g.value(top - 2, 0, 'Osapuolet: henkilöstöavain vuosittain ja henkilöstöpoolien (a, muu) jakoluvut', 'subtitle');
  const per = (key: string, header: string, name: string, comment: string) =>
    ctx.slots.map((s, i) => ({ key: `${key}${s.no}`, header: `${header} ${s.year}`, ...(i === 0 ? { name, span: S, comment } : {}) }));
  const b = new Block(
    P,
    top,
    0,
    [
      { key: 'no', header: 'Nro' },
      { key: 'party', header: 'Osapuoli', name: NAMES.parties, comment: 'TVA, HVA, KELA' },
      ...per('key', 'Avain', NAMES.staffKeys, 'Henkilöstöavain osapuolittain (rivit) ja vuosittain (sarakkeet)'),
      ...per('units', 'Yksiköt', NAMES.partyUnits, 'Henkilöstöavain kokonaislukuina (× TYM_SKAALA)'),
      ...per('poolKey', 'Pooliavain', NAMES.staffPoolKey, 'Poolien a ja muu avain: henkilöstö, sovittu % tai Kelan %'),
      ...per('poolN', 'Osoittaja', NAMES.staffPoolN, 'Poolien a ja muu osoittaja (kokonaisluku)'),
    ],
    PARTIES.length,
  );
  // The staff-pool steps per slot (rows) feed the numerators of the parties' rows.
  const top2 = b.last + 3;
  const c = new Block(P, top2, 0, [{ key: 'no', header: 'Vuosi nro' }, ...STAFF_POOL_COLS], ctx.slots.length);
  const poolN = `${P}!${a1(c.first, c.c('nT'), true)}:${a1(c.last, c.c('nK'), true)}`;
  g.value(top - 1, 0, 'Vuosi nro →', 'note');
  for (const k of ['key', 'units', 'poolKey', 'poolN']) ctx.slots.forEach((s) => g.value(top - 1, b.c(`${k}${s.no}`), s.no, 'integer'));
  b.header(g);
  const poolParts = ctx.slots.map((s) => staffPoolOf(s.model));
  PARTIES.forEach((party, pi) => {
    const r = b.row(pi);
    g.value(r, b.c('no'), pi + 1, 'integer');
    g.value(r, b.c('party'), party, 'label');
    ctx.slots.forEach((slot, si) => {
      const sc = (k: string) => a1AbsRow(top - 1, b.c(`${k}${slot.no}`));
      const keys = staffKeyByParty(slot.model);
      const units = partyUnitsOn(slot.model);
      g.formula(
        r,
        b.c(`key${slot.no}`),
        `SUMIFS(INDEX(${NAMES.staffKey},0,${sc('key')}),${NAMES.staffParty},${b.col('no', r)})`,
        keys[party].shown.toNumber(),
        'decimal',
      );
      g.formula(
        r,
        b.c(`units${slot.no}`),
        `SUMIFS(INDEX(${NAMES.staffUnits},0,${sc('units')}),${NAMES.staffParty},${b.col('no', r)})`,
        num(units[party]),
        'integer',
      );
      const shown = poolKeyShown(slot.model, party);
      g.formula(
        r,
        b.c(`poolKey${slot.no}`),
        `IF(${b.col('no', r)}=ROWS(${NAMES.parties}),${NAMES.kelaPct},IF(${NAMES.agreedInUse}=1,IF(${b.col('no', r)}=1,${NAMES.agreedPct},100-${NAMES.agreedPct}),${b.at(`key${slot.no}`, r)}))`,
        shown.toNumber(),
        'decimal',
      );
      const parts = poolParts[si];
      g.formula(
        r,
        b.c(`poolN${slot.no}`),
        `INDEX(${poolN},${sc('poolN')},${b.col('no', r)})`,
        parts?.n ? num(parts.n[pi]) : DIV0,
        'integer',
      );
    });
  });
  g.value(top2 - 1, 0, 'Henkilöstöpoolien jakoluvut: (100 − Kela %) × avain / yhteensä, supistettuna (SYT) kokonaisluvuiksi', 'subtitle');
  c.header(g);
  ctx.slots.forEach((slot, i) => {
    const r = c.row(i);
    g.value(r, c.c('no'), slot.no, 'integer');
    staffPoolSteps(g, c, r, (party) => `INDEX(${NAMES.partyUnits},${party},${c.at('no', r)})`, poolParts[i]);
  });
  return { next: c.last + 3, names: b.names(), tvaNo: `${P}!${a1(b.first, b.c('no'), true)}` };
}

/** One row per Kunnat table row: the name, the key columns, and per slot the key and its numerator. */
export function municipalitiesBlock(g: Grid, ctx: Ctx, top: number, tvaNo: string): { next: number; names: NameSpec[]; block: Block } {
  const kunnat = ctx.model.tables.kunnat;
  const S = ctx.slots.length;
  g.value(top - 2, 0, 'Kunnat ja kuntajaon avain (TVA:n osuuden jako), vuosittain', 'subtitle');
  const per = (key: string, header: string, name?: string, comment?: string) =>
    ctx.slots.map((s, i) => ({
      key: `${key}${s.no}`,
      header: `${header} ${s.year}`,
      ...(i === 0 && name ? { name, span: S, comment } : {}),
    }));
  const b = new Block(
    P,
    top,
    0,
    [
      { key: 'no', header: 'Nro (taulukon rivi)' },
      { key: 'name', header: 'Kunta', name: NAMES.municipalities, comment: 'Kunnat Kunnat-taulukon järjestyksessä' },
      { key: 'population', header: 'Asukasluku' },
      { key: 'jobseekers', header: 'Työttömät' },
      { key: 'agreed', header: 'Sovittu osuus %' },
      { key: 'blank', header: 'Tyhjä rivi' },
      { key: 'popOk', header: 'Asukasluku kelpaa' },
      { key: 'jobOk', header: 'Työttömät kelpaa' },
      { key: 'agreedOk', header: 'Sovittu % kelpaa' },
      { key: 'basisGiven', header: 'Peruste annettu' },
      { key: 'numbersOk', header: 'Luvut kelpaavat' },
      { key: 'charsOk', header: 'Nimen merkit kelpaavat' },
      { key: 'nameOk', header: 'Nimi kelpaa' },
      ...per('staff', 'TVA-henkilöstö'),
      ...per('units', 'TVA-yksiköt'),
      ...per('key', 'Avain', NAMES.muniKeys, 'Kuntajaon avain kunnittain ja vuosittain'),
      ...per('n', 'Osoittaja', NAMES.muniN, 'Kuntajaon osoittaja (kokonaisluku)'),
    ],
    ctx.muniRows,
  );
  for (const k of ['staff', 'units', 'key', 'n']) ctx.slots.forEach((s) => g.value(top - 1, b.c(`${k}${s.no}`), s.no, 'integer'));
  g.value(top - 1, b.c('nameOk'), 'Vuosi nro →', 'note');
  b.header(g);
  const byRow = new Map(ctx.model.municipalities.map((m) => [m.ref.index, m]));
  const staffBy = ctx.slots.map((s) => tvaStaffKeyByMunicipality(s.model));
  const keysBy = ctx.slots.map((s) => municipalKey(s.model));
  const unitsBy = ctx.slots.map((s) => {
    const u = new Map<string, bigint>();
    for (const m of s.model.staff)
      if (m.party === 'TVA' && m.municipality) u.set(m.municipality, (u.get(m.municipality) ?? 0n) + scaledUnits(s.model, m));
    return u;
  });
  for (let i = 0; i < ctx.muniRows; i++) {
    const r = b.row(i);
    const m = byRow.get(i + 1);
    const n = b.col('no', r);
    g.value(r, b.c('no'), i + 1, 'integer');
    g.formula(r, b.c('name'), `TRIM(${tableCell(kunnat, 'name', n)})`, m?.name ?? '', 'text');
    const numberCol = (key: 'population' | 'jobseekers' | 'agreed', colKey: string, v: number) => {
      if (kunnat.columns[colKey] === undefined) g.value(r, b.c(key), 0, 'decimal');
      else g.formula(r, b.c(key), `IF(TRIM(${tableCell(kunnat, colKey, n)})="",0,${tableCell(kunnat, colKey, n)})`, v, 'decimal');
    };
    numberCol('population', 'population', m?.population?.toNumber() ?? 0);
    numberCol('jobseekers', 'jobseekers', m?.jobseekers?.toNumber() ?? 0);
    numberCol('agreed', 'agreedPct', m?.agreedPct?.toNumber() ?? 0);
    const ok = (k: string) => `AND(ISNUMBER(${b.at(k, r)}),${b.at(k, r)}>=0,${fourDecimals(b.at(k, r))})`;
    const basisPresent = (colKey: string) => (kunnat.columns[colKey] === undefined ? 'FALSE' : `TRIM(${tableCell(kunnat, colKey, n)})<>""`);
    g.formula(r, b.c('blank'), `SUMPRODUCT(--(TRIM(INDEX(${kunnat.name}[[#Data]],${n},0))<>""))=0`, !m, 'text');
    g.formula(r, b.c('popOk'), orFalse(ok('population')), true, 'check');
    g.formula(r, b.c('jobOk'), orFalse(ok('jobseekers')), true, 'check');
    g.formula(r, b.c('agreedOk'), orFalse(`AND(${ok('agreed')},${b.at('agreed', r)}<=100)`), true, 'check');
    g.formula(
      r,
      b.c('basisGiven'),
      orFalse(
        `CHOOSE(${NAMES.municipalBasis},${basisPresent('population')},${basisPresent('jobseekers')},TRUE,${basisPresent('agreedPct')})`,
      ),
      m ? true : ctx.model.settings.municipalBasis === 'staff',
      'check',
    );
    g.formula(
      r,
      b.c('numbersOk'),
      orFalse(`IF(${b.at('blank', r)},TRUE,AND(${b.at('popOk', r)},${b.at('jobOk', r)},${b.at('agreedOk', r)},${b.at('basisGiven', r)}))`),
      true,
      'check',
    );
    const nm = b.at('name', r);
    g.formula(
      r,
      b.c('charsOk'),
      orFalse(`AND(ISERROR(FIND("*",${nm})),ISERROR(FIND("?",${nm})),ISERROR(FIND("~",${nm})),ISERROR(SEARCH(LEFT(${nm}),"=<>")))`),
      true,
      'check',
    );
    g.formula(
      r,
      b.c('nameOk'),
      orFalse(
        `IF(${b.at('blank', r)},TRUE,AND(${nm}<>"",${b.at('charsOk', r)},SUMPRODUCT(--(${NAMES.words('ORG')}=${nm}))=0,SUMPRODUCT(--(${NAMES.municipalities}=${nm}))=1))`,
      ),
      true,
      'check',
    );
    ctx.slots.forEach((slot, si) => {
      const sc = (k: string) => a1AbsRow(top - 1, b.c(`${k}${slot.no}`));
      const staff = m ? (staffBy[si].get(m.name)?.shown ?? ZERO) : ZERO;
      g.formula(
        r,
        b.c(`staff${slot.no}`),
        `SUMIFS(INDEX(${NAMES.staffKey},0,${sc('staff')}),${NAMES.staffParty},${tvaNo},${NAMES.staffMuni},${n})`,
        staff.toNumber(),
        'decimal',
      );
      g.formula(
        r,
        b.c(`units${slot.no}`),
        `SUMIFS(INDEX(${NAMES.staffUnits},0,${sc('units')}),${NAMES.staffParty},${tvaNo},${NAMES.staffMuni},${n})`,
        m ? num(unitsBy[si].get(m.name) ?? 0n) : 0,
        'integer',
      );
      const pop = b.at('population', r);
      const job = b.at('jobseekers', r);
      const agr = b.at('agreed', r);
      g.formula(
        r,
        b.c(`key${slot.no}`),
        `CHOOSE(${NAMES.municipalBasis},${pop},${job},${b.at(`staff${slot.no}`, r)},${agr})`,
        m ? (keysBy[si].get(m.name)?.shown ?? ZERO).toNumber() : 0,
        'decimal',
      );
      const basis = slot.model.settings.municipalBasis;
      const raw = m
        ? basis === 'population'
          ? m.population
          : basis === 'jobseekers'
            ? m.jobseekers
            : basis === 'agreed'
              ? m.agreedPct
              : null
        : null;
      const nExpected = !m ? 0 : basis === 'staff' ? num(unitsBy[si].get(m.name) ?? 0n) : num(scaledKey(raw ?? ZERO) ?? 0n);
      const sk = (x: string) => `ROUND(${x}*${NAMES.keyScale},0)`;
      g.formula(
        r,
        b.c(`n${slot.no}`),
        `CHOOSE(${NAMES.municipalBasis},${sk(pop)},${sk(job)},${b.at(`units${slot.no}`, r)},${sk(agr)})`,
        nExpected,
        'integer',
      );
    });
  }
  return { next: b.last + 3, names: b.names(), block: b };
}
