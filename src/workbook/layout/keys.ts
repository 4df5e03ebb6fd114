/**
 * TYM_Parametrit, lower part: the keys of every year slot. Party staff keys and the staff pools'
 * whole-number numerators (GCD-reduced, so the exact split stays in range), registrants per event
 * and party, the municipalities with their keys and numerators, the receivers, and the groups.
 */
import { countRegistrations, staffKeyByParty, tvaStaffKeyByMunicipality } from '../../domain/keys';
import { municipalKey } from '../../domain/allocate';
import { scaledKey, scaledUnits, staffPoolParts } from '../../domain/exactRange';
import { ZERO } from '../../domain/decimal';
import { PARTIES, type PartyCode } from '../../domain/types';
import { a1, a1AbsRow, range, tableCell } from '../formula';
import type { Grid } from '../grid';
import type { CellValue, NameSpec } from '../sheetSpec';
import { Block, exact, orFalse } from './block';
import { SHEETS, type Ctx, type Slot } from './context';
import { NAMES } from './names';
import { fourDecimals, LABELS } from './settings';

const P = SHEETS.params;
const DIV0 = '#DIV/0!';

function unitsOf(slot: Slot): Record<PartyCode, bigint> {
  const u: Record<PartyCode, bigint> = { TVA: 0n, HVA: 0n, KELA: 0n };
  for (const m of slot.model.staff) u[m.party] += scaledUnits(slot.model, m);
  return u;
}

const num = (x: bigint) => Number(x);

/** Parties (rows) by slot (columns): staff keys, their scaled units, the pool keys and numerators. */
export function partiesBlock(g: Grid, ctx: Ctx, top: number): { next: number; names: NameSpec[]; tvaNo: string } {
  const S = ctx.slots.length;
  g.value(top - 2, 0, 'Osapuolet: henkilöstöavain vuosittain ja henkilöstöpoolien (a, muu) jakoluvut', 'subtitle');
  const per = (key: string, header: string, name: string, comment: string) =>
    ctx.slots.map((s, i) => ({ key: `${key}${s.no}`, header: `${header} ${s.year}`, ...(i === 0 ? { name, span: S, comment } : {}) }));
  const b = new Block(P, top, 0, [
    { key: 'no', header: 'Nro' },
    { key: 'party', header: 'Osapuoli', name: NAMES.parties, comment: 'TVA, HVA, KELA' },
    ...per('key', 'Avain', NAMES.staffKeys, 'Henkilöstöavain osapuolittain (rivit) ja vuosittain (sarakkeet)'),
    ...per('units', 'Yksiköt', NAMES.partyUnits, 'Henkilöstöavain kokonaislukuina (× TYM_SKAALA)'),
    ...per('poolKey', 'Pooliavain', NAMES.staffPoolKey, 'Poolien a ja muu avain: henkilöstö, sovittu % tai Kelan %'),
    ...per('poolN', 'Osoittaja', NAMES.staffPoolN, 'Poolien a ja muu osoittaja (kokonaisluku)'),
  ], PARTIES.length);
  // The staff-pool steps per slot (rows) feed the numerators of the parties' rows.
  const top2 = b.last + 3;
  const c = new Block(P, top2, 0, [
    { key: 'no', header: 'Vuosi nro' },
    { key: 'xT', header: 'TVA (× skaala)' },
    { key: 'xH', header: 'HVA (× skaala)' },
    { key: 'g2', header: 'SYT(TVA, HVA)' },
    { key: 'k', header: 'Kela % (× skaala)' },
    { key: 'g1', header: 'SYT(Kela, 100 %)' },
    { key: 'p', header: '100 % / SYT' },
    { key: 'kp', header: 'Kela / SYT' },
    { key: 'nT', header: 'Osoittaja TVA' },
    { key: 'nH', header: 'Osoittaja HVA' },
    { key: 'nK', header: 'Osoittaja KELA' },
    { key: 'd', header: 'Nimittäjä' },
  ], ctx.slots.length);
  const poolN = `${P}!${a1(c.first, c.c('nT'), true)}:${a1(c.last, c.c('nK'), true)}`;
  g.value(top - 1, 0, 'Vuosi nro →', 'note');
  for (const k of ['key', 'units', 'poolKey', 'poolN']) ctx.slots.forEach((s) => g.value(top - 1, b.c(`${k}${s.no}`), s.no, 'integer'));
  b.header(g);
  const poolParts = ctx.slots.map((s) => staffPoolParts(s.model, unitsOf(s)));
  PARTIES.forEach((party, pi) => {
    const r = b.row(pi);
    g.value(r, b.c('no'), pi + 1, 'integer');
    g.value(r, b.c('party'), party, 'label');
    ctx.slots.forEach((slot, si) => {
      const sc = (k: string) => a1AbsRow(top - 1, b.c(`${k}${slot.no}`));
      const keys = staffKeyByParty(slot.model);
      const units = unitsOf(slot);
      g.formula(r, b.c(`key${slot.no}`), `SUMIFS(INDEX(${NAMES.staffKey},0,${sc('key')}),${NAMES.staffParty},${b.col('no', r)})`, keys[party].shown.toNumber(), 'decimal');
      g.formula(r, b.c(`units${slot.no}`), `SUMIFS(INDEX(${NAMES.staffUnits},0,${sc('units')}),${NAMES.staffParty},${b.col('no', r)})`, num(units[party]), 'integer');
      const s = slot.model.settings;
      const shown = party === 'KELA' ? s.kelaPct : s.agreedTvaPct !== null ? (party === 'TVA' ? s.agreedTvaPct : s.agreedTvaPct.neg().plus(100)) : keys[party].shown;
      g.formula(
        r,
        b.c(`poolKey${slot.no}`),
        `IF(${b.col('no', r)}=ROWS(${NAMES.parties}),${NAMES.kelaPct},IF(${NAMES.agreedInUse}=1,IF(${b.col('no', r)}=1,${NAMES.agreedPct},100-${NAMES.agreedPct}),${b.at(`key${slot.no}`, r)}))`,
        shown.toNumber(),
        'decimal',
      );
      const parts = poolParts[si];
      g.formula(r, b.c(`poolN${slot.no}`), `INDEX(${poolN},${sc('poolN')},${b.col('no', r)})`, parts?.n ? num(parts.n[pi]) : DIV0, 'integer');
    });
  });
  g.value(top2 - 1, 0, 'Henkilöstöpoolien jakoluvut: (100 − Kela %) × avain / yhteensä, supistettuna (SYT) kokonaisluvuiksi', 'subtitle');
  c.header(g);
  const full = `100*${NAMES.keyScale}`;
  ctx.slots.forEach((slot, i) => {
    const r = c.row(i);
    const p = poolParts[i];
    const at = (k: string) => c.at(k, r);
    const v = (x: bigint | undefined | null): CellValue => (x === undefined || x === null ? DIV0 : num(x));
    g.value(r, c.c('no'), slot.no, 'integer');
    g.formula(r, c.c('xT'), `IF(${NAMES.agreedInUse}=1,ROUND(${NAMES.agreedPct}*${NAMES.keyScale},0),INDEX(${NAMES.partyUnits},1,${at('no')}))`, v(p?.xT), 'integer');
    g.formula(r, c.c('xH'), `IF(${NAMES.agreedInUse}=1,${exact(`${full}-${at('xT')}`)},INDEX(${NAMES.partyUnits},2,${at('no')}))`, v(p?.xH), 'integer');
    g.formula(r, c.c('g2'), `GCD(${at('xT')},${at('xH')})`, v(p?.g2), 'integer');
    g.formula(r, c.c('k'), `ROUND(${NAMES.kelaPct}*${NAMES.keyScale},0)`, v(p?.k), 'integer');
    g.formula(r, c.c('g1'), `GCD(${at('k')},${full})`, v(p?.g1), 'integer');
    g.formula(r, c.c('p'), `${full}/${at('g1')}`, v(p?.p), 'integer');
    g.formula(r, c.c('kp'), `${at('k')}/${at('g1')}`, v(p?.kp), 'integer');
    const nk = p?.n ?? null;
    g.formula(r, c.c('nT'), exact(`(${at('p')}-${at('kp')})*(${at('xT')}/${at('g2')})`), nk ? num(nk[0]) : DIV0, 'integer');
    g.formula(r, c.c('nH'), exact(`(${at('p')}-${at('kp')})*(${at('xH')}/${at('g2')})`), nk ? num(nk[1]) : DIV0, 'integer');
    g.formula(r, c.c('nK'), `${at('kp')}*((${at('xT')}+${at('xH')})/${at('g2')})`, nk ? num(nk[2]) : DIV0, 'integer');
    g.formula(r, c.c('d'), `${at('p')}*((${at('xT')}+${at('xH')})/${at('g2')})`, p?.d !== undefined && p?.d !== null ? num(p.d) : DIV0, 'integer');
  });
  return { next: c.last + 3, names: b.names(), tvaNo: `${P}!${a1(b.first, b.c('no'), true)}` };
}

/** Events (rows; the first row is the whole year) by slot and party: distinct registrants counted. */
export function eventsBlock(g: Grid, ctx: Ctx, top: number): { next: number; names: NameSpec[]; okRange: string; planEventsOk: string } {
  const reg = ctx.model.tables.ilmoittautumiset;
  // The plan's event column, when the plan table has one and rows (the plan-only events' labels).
  const planTable = ctx.model.tables.suunnitelma;
  const plan = planTable && ctx.planRows > 0 && planTable.columns.event !== undefined ? planTable : null;
  g.value(top - 3, 0, 'Kehittämispäivät: ilmoittautuneet henkilöt tilaisuuksittain (kukin henkilö kerran tilaisuutta kohden)', 'subtitle');
  const cols = ctx.slots.flatMap((s) => PARTIES.map((p) => ({ key: `${p}${s.no}`, header: `${p} ${s.year}` })));
  const E = Math.max(1, ctx.events.length);
  const b = new Block(P, top, 0, [
    { key: 'no', header: 'Nro' },
    { key: 'event', header: 'Tilaisuus' },
    { key: 'table', header: 'Taulukko (1 ilmoittautumiset, 2 suunnitelma)' },
    { key: 'first', header: 'Ensimmäinen rivi' },
    { key: 'rows', header: 'Rivejä' },
    { key: 'planRows', header: 'Suunnitelman rivejä' },
    { key: 'ok', header: 'Kelpaa' },
    ...cols,
  ], E + 1);
  ctx.slots.forEach((s, si) => PARTIES.forEach((_, pi) => {
    const col = b.c(`${PARTIES[pi]}${s.no}`);
    g.value(top - 2, col, s.no, 'integer');
    g.value(top - 1, col, pi + 1, 'integer');
    void si;
  }));
  g.value(top - 2, b.c('ok'), 'Vuosi nro →', 'note');
  g.value(top - 1, b.c('ok'), 'Osapuoli nro →', 'note');
  b.header(g);
  const counts = ctx.slots.map((s) => new Map(countRegistrations(s.model).events.map((e) => [e.eventKey, e.byParty])));
  // Row 1: the whole year (no event): the sum over the events.
  const yr = b.row(0);
  g.value(yr, b.c('no'), 0, 'integer');
  g.value(yr, b.c('event'), LABELS.noEvent, 'label');
  for (const col of cols) {
    const [party, slotNo] = [col.key.replace(/\d+$/, ''), Number(/\d+$/.exec(col.key)![0])];
    const total = ctx.events.reduce((a, e) => a + (counts[slotNo - 1].get(e.eventKey)?.[party as PartyCode] ?? 0), 0);
    g.formula(yr, b.c(col.key), `SUM(${a1(b.row(1), b.c(col.key))}:${a1(b.last, b.c(col.key))})`, total, 'integer');
  }
  if (!ctx.events.length) {
    g.value(b.row(1), b.c('no'), 1, 'integer');
    g.value(b.row(1), b.c('event'), '', 'text');
    for (const col of cols) g.value(b.row(1), b.c(col.key), 0, 'integer');
    g.value(b.row(1), b.c('ok'), true, 'check');
  }
  const nRows = ctx.model.registrations.length;
  ctx.events.forEach((ev, i) => {
    const r = b.row(i + 1);
    g.value(r, b.c('no'), ev.no, 'integer');
    // A plan-only event (issue 12) is linked to its first plan row; it needs a plan row or a registration.
    const first = b.col('first', r);
    const label = plan ? `IF(${b.at('table', r)}=1,${tableCell(reg, 'event', first)},${tableCell(plan, 'event', first)})` : tableCell(reg, 'event', first);
    g.value(r, b.c('table'), ev.table === 'suunnitelma' ? 2 : 1, 'integer');
    g.formula(r, b.c('event'), `TRIM(${label})`, ev.name, 'text');
    g.value(r, b.c('first'), ev.firstRow, 'integer');
    g.formula(r, b.c('rows'), `COUNTIF(${NAMES.regEvent},${b.col('no', r)})`, ctx.model.registrations.filter((x) => x.eventKey === ev.eventKey).length, 'integer');
    if (plan) g.formula(r, b.c('planRows'), `COUNTIF(${NAMES.planEvent},${b.col('no', r)})`, (ctx.model.plan ?? []).filter((x) => x.eventKey === ev.eventKey).length, 'integer');
    else g.value(r, b.c('planRows'), 0, 'integer');
    g.formula(r, b.c('ok'), orFalse(`AND(${b.at('rows', r)}+${b.at('planRows', r)}>0,${b.at('event', r)}<>"",SUMPRODUCT(--(${NAMES.events}=${b.at('event', r)}))=1)`), true, 'check');
    for (const col of cols) {
      const party = col.key.replace(/\d+$/, '') as PartyCode;
      const slotNo = Number(/\d+$/.exec(col.key)![0]);
      const c = b.c(col.key);
      g.formula(
        r,
        c,
        `COUNTIFS(${NAMES.regEvent},${b.col('no', r)},${NAMES.regParty},${a1AbsRow(top - 1, c)},INDEX(${NAMES.regCounted},0,${a1AbsRow(top - 2, c)}),1)`,
        counts[slotNo - 1].get(ev.eventKey)?.[party] ?? 0,
        'integer',
      );
    }
  });
  void nRows;
  const names: NameSpec[] = [
    { name: NAMES.events, row: b.row(1), col: b.c('event'), rows: E, comment: 'Tilaisuudet (nro = rivi)' },
    { name: NAMES.registrants, row: b.row(0), col: b.c(cols[0].key), rows: E + 1, cols: cols.length, comment: 'Ilmoittautuneet: rivi 1 = koko vuosi, sitten tilaisuudet; sarakkeet vuosittain TVA, HVA, KELA' },
  ];
  const rangeOf = (k: string) => `${P}!${range(b.row(1), b.c(k), b.last, b.c(k))}`;
  // The plan-only events' rows (their labels follow the plan's first row of the event): for a check naming the plan.
  const planEventsOk = `SUMPRODUCT((${rangeOf('table')}=2)*(${rangeOf('ok')}<>TRUE))=0`;
  return { next: b.last + 3, names, okRange: rangeOf('ok'), planEventsOk };
}

/** One row per Kunnat table row: the name, the key columns, and per slot the key and its numerator. */
export function municipalitiesBlock(g: Grid, ctx: Ctx, top: number, tvaNo: string): { next: number; names: NameSpec[]; block: Block } {
  const kunnat = ctx.model.tables.kunnat;
  const S = ctx.slots.length;
  g.value(top - 2, 0, 'Kunnat ja kuntajaon avain (TVA:n osuuden jako), vuosittain', 'subtitle');
  const per = (key: string, header: string, name?: string, comment?: string) =>
    ctx.slots.map((s, i) => ({ key: `${key}${s.no}`, header: `${header} ${s.year}`, ...(i === 0 && name ? { name, span: S, comment } : {}) }));
  const b = new Block(P, top, 0, [
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
  ], ctx.muniRows);
  for (const k of ['staff', 'units', 'key', 'n']) ctx.slots.forEach((s) => g.value(top - 1, b.c(`${k}${s.no}`), s.no, 'integer'));
  g.value(top - 1, b.c('nameOk'), 'Vuosi nro →', 'note');
  b.header(g);
  const byRow = new Map(ctx.model.municipalities.map((m) => [m.ref.index, m]));
  const staffBy = ctx.slots.map((s) => tvaStaffKeyByMunicipality(s.model));
  const keysBy = ctx.slots.map((s) => municipalKey(s.model));
  const unitsBy = ctx.slots.map((s) => {
    const u = new Map<string, bigint>();
    for (const m of s.model.staff) if (m.party === 'TVA' && m.municipality) u.set(m.municipality, (u.get(m.municipality) ?? 0n) + scaledUnits(s.model, m));
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
    g.formula(r, b.c('basisGiven'), orFalse(`CHOOSE(${NAMES.municipalBasis},${basisPresent('population')},${basisPresent('jobseekers')},TRUE,${basisPresent('agreedPct')})`), m ? true : ctx.model.settings.municipalBasis === 'staff', 'check');
    g.formula(
      r,
      b.c('numbersOk'),
      orFalse(`IF(${b.at('blank', r)},TRUE,AND(${b.at('popOk', r)},${b.at('jobOk', r)},${b.at('agreedOk', r)},${b.at('basisGiven', r)}))`),
      true,
      'check',
    );
    const nm = b.at('name', r);
    g.formula(r, b.c('charsOk'), orFalse(`AND(ISERROR(FIND("*",${nm})),ISERROR(FIND("?",${nm})),ISERROR(FIND("~",${nm})),ISERROR(SEARCH(LEFT(${nm}),"=<>")))`), true, 'check');
    g.formula(
      r,
      b.c('nameOk'),
      orFalse(`IF(${b.at('blank', r)},TRUE,AND(${nm}<>"",${b.at('charsOk', r)},SUMPRODUCT(--(${NAMES.words('ORG')}=${nm}))=0,SUMPRODUCT(--(${NAMES.municipalities}=${nm}))=1))`),
      true,
      'check',
    );
    ctx.slots.forEach((slot, si) => {
      const sc = (k: string) => a1AbsRow(top - 1, b.c(`${k}${slot.no}`));
      const staff = m ? (staffBy[si].get(m.name)?.shown ?? ZERO) : ZERO;
      g.formula(r, b.c(`staff${slot.no}`), `SUMIFS(INDEX(${NAMES.staffKey},0,${sc('staff')}),${NAMES.staffParty},${tvaNo},${NAMES.staffMuni},${n})`, staff.toNumber(), 'decimal');
      g.formula(r, b.c(`units${slot.no}`), `SUMIFS(INDEX(${NAMES.staffUnits},0,${sc('units')}),${NAMES.staffParty},${tvaNo},${NAMES.staffMuni},${n})`, m ? num(unitsBy[si].get(m.name) ?? 0n) : 0, 'integer');
      const pop = b.at('population', r);
      const job = b.at('jobseekers', r);
      const agr = b.at('agreed', r);
      g.formula(r, b.c(`key${slot.no}`), `CHOOSE(${NAMES.municipalBasis},${pop},${job},${b.at(`staff${slot.no}`, r)},${agr})`, m ? (keysBy[si].get(m.name)?.shown ?? ZERO).toNumber() : 0, 'decimal');
      const basis = slot.model.settings.municipalBasis;
      const raw = m ? (basis === 'population' ? m.population : basis === 'jobseekers' ? m.jobseekers : basis === 'agreed' ? m.agreedPct : null) : null;
      const nExpected = !m ? 0 : basis === 'staff' ? num(unitsBy[si].get(m.name) ?? 0n) : num(scaledKey(raw ?? ZERO) ?? 0n);
      const sk = (x: string) => `ROUND(${x}*${NAMES.keyScale},0)`;
      g.formula(r, b.c(`n${slot.no}`), `CHOOSE(${NAMES.municipalBasis},${sk(pop)},${sk(job)},${b.at(`units${slot.no}`, r)},${sk(agr)})`, nExpected, 'integer');
    });
  }
  return { next: b.last + 3, names: b.names(), block: b };
}

