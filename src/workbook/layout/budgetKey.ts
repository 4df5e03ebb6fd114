/**
 * The key of pool b, live (issue 12, rule book §9 "Before the year"), on TYM_Parametrit.
 *
 * A block, not a sheet of its own: it reads the groups, the registrants and the plan rows that
 * TYM_Parametrit already holds, and TYM_Jako reads its key by group number like the other keys.
 *
 * Key block (one row per group of every year slot): for a group of pool b, per party (TVA, HVA,
 * KELA), three sources counted side by side from the input tables: the participant plan (plan rows
 * of the slot's year, by organisation -> party as the engine maps it; per event, or every row of
 * the year for a group with no event), the year's registrations (TYM_ILMOITTAUTUNEET) and the
 * previous year's registrations (TYM_Rivit, same rows and order proof as the year's). The source
 * is chosen by formula as the engine chooses it (src/domain/budgetKey.ts): a budget (TA) group the
 * plan if it has anyone, else the year's registrations, else the previous year's; an actual (TOT)
 * group the year's registrations. TYM_Jako's key of every pool b group is this block's key, so
 * edits of the plan or the registrations move the split. No source: the row's check is FALSE and
 * its Lähde column says "ei avainta" beside the group's year, kind and event.
 *
 * Below it the plan rows block (planRows.ts). A plan table added after a run without one cannot be
 * referred to by formulas written before it existed: `verify` reports it (src/app/run.ts).
 */
import { poolBKeys, type PartyCounts, type PoolBSource } from '../../domain/budgetKey';
import { countRegistrations } from '../../domain/keys';
import { PARTIES } from '../../domain/types';
import { a1AbsRow, columnRef, range } from '../formula';
import type { Grid } from '../grid';
import type { NameSpec } from '../sheetSpec';
import { Block, orFalse } from './block';
import type { Check } from './checks';
import { allTrue } from './checks';
import { SHEETS, type Ctx, type GroupEntry } from './context';
import { NAMES } from './names';
import { LABELS } from './settings';
import { planRowsBlock } from './planRows';

const P = SHEETS.params;
/** Source codes (0 = none; 4 = a staff-keyed group, pool a or muu) and their words, listed on the sheet beside the block. */
const SOURCES: [number, string][] = [
  [0, 'ei avainta'],
  [1, 'osallistujasuunnitelma'],
  [2, 'vuoden ilmoittautuneet'],
  [3, 'edellisen vuoden ilmoittautuneet'],
  [4, 'henkilöstö (pooli a tai muu)'],
];
const STAFF = 4;
const SOURCE_CODE: Record<PoolBSource, number> = { plan: 1, registrations: 2, 'previous-year': 3 };
const ZERO: PartyCounts = { TVA: 0, HVA: 0, KELA: 0 };

export interface GroupKey {
  plan: PartyCounts;
  regs: PartyCounts;
  prev: PartyCounts;
  source: number;
  key: PartyCounts;
}

/** The engine's three sources (as the formulas count them, also on a staff group's row: the whole year) and its choice for a group of pool b. */
export function poolBGroupKey(ctx: Ctx, grp: GroupEntry): GroupKey {
  const slot = grp.slot;
  const keys = slot.alloc?.poolB ?? poolBKeys(slot.model, countRegistrations(slot.model));
  const eventKey = grp.eventNo === 0 ? null : ctx.events[grp.eventNo - 1].eventKey;
  const pick = (src: { year: PartyCounts; byEvent: Map<string, PartyCounts> }) =>
    eventKey === null ? src.year : (src.byEvent.get(eventKey) ?? ZERO);
  const choice = grp.pool === 'b' ? keys.choose(grp.kind, eventKey) : null;
  return {
    plan: pick(keys.plan),
    regs: pick(keys.registrations),
    prev: pick(keys.previous),
    source: grp.pool !== 'b' ? STAFF : choice ? SOURCE_CODE[choice.source] : 0,
    key: choice?.counts ?? ZERO,
  };
}

const sum = (c: PartyCounts) => c.TVA + c.HVA + c.KELA;

/** The key block and the plan rows block; the checks for TYM_Tarkistukset. */
export function poolBKeyBlock(g: Grid, ctx: Ctx, top: number, planEventsOk: string): { next: number; names: NameSpec[]; checks: Check[] } {
  g.value(
    top - 3,
    0,
    'Pooli b:n avain ryhmittäin: talousarvio (TA) suunnitelmasta, sen puuttuessa vuoden ja sitten edellisen vuoden ilmoittautuneista; toteuma (TOT) vuoden ilmoittautuneista',
    'subtitle',
  );
  const triple = (key: string, header: string) => PARTIES.map((p) => ({ key: `${key}${p}`, header: `${header} ${p}` }));
  const b = new Block(
    P,
    top,
    0,
    [
      { key: 'no', header: 'Ryhmä' },
      { key: 'slot', header: 'Vuosi nro' },
      { key: 'kind', header: 'Laji' },
      { key: 'ta', header: 'TA pooli b (1 kyllä)' },
      { key: 'prevNo', header: 'Ed. vuoden sarake' },
      { key: 'eventNo', header: 'Tilaisuus nro' },
      { key: 'year', header: 'Vuosi' },
      { key: 'event', header: 'Tilaisuus' },
      ...triple('plan', 'Suunnitelma'),
      ...triple('reg', 'Vuoden ilm.'),
      ...triple('prev', 'Ed. vuoden ilm.'),
      { key: 'planSum', header: 'Suunnitelma yht.' },
      { key: 'regSum', header: 'Vuoden ilm. yht.' },
      { key: 'prevSum', header: 'Ed. vuoden ilm. yht.' },
      { key: 'source', header: 'Lähde nro' },
      { key: 'sourceText', header: 'Lähde' },
      ...PARTIES.map((p, i) => ({
        key: `key${p}`,
        header: `Avain ${p}`,
        ...(i === 0
          ? { name: NAMES.poolBKey, span: PARTIES.length, comment: 'Pooli b:n avain ryhmittäin (rivit) osapuolittain (sarakkeet)' }
          : {}),
      })),
      { key: 'ok', header: 'Avain löytyy' },
    ],
    Math.max(1, ctx.groups.length),
  );
  // Party numbers above the count columns; the source words to the right.
  g.value(top - 1, b.c('event'), 'Osapuoli nro →', 'note');
  for (const k of ['plan', 'reg', 'prev']) PARTIES.forEach((p, pi) => g.value(top - 1, b.c(`${k}${p}`), pi + 1, 'integer'));
  const wc = b.c('ok') + 2;
  g.value(top, wc, 'Lähde nro', 'header');
  g.value(top, wc + 1, 'Lähde', 'header');
  SOURCES.forEach(([code, word], i) => {
    g.value(top + 1 + i, wc, code, 'integer');
    g.value(top + 1 + i, wc + 1, word, 'text');
  });
  const words = `${P}!${range(top + 1, wc + 1, top + SOURCES.length, wc + 1)}`;
  b.header(g);
  const hasPlan = ctx.planRows > 0;
  ctx.groups.forEach((grp, i) => {
    const r = b.row(i);
    const at = (k: string) => b.at(k, r);
    const e = poolBGroupKey(ctx, grp);
    const prevNo = ctx.budgetSlots.indexOf(grp.slot) + 1;
    g.value(r, b.c('no'), grp.no, 'integer');
    g.value(r, b.c('slot'), grp.slot.no, 'integer');
    g.value(r, b.c('kind'), grp.kind, 'text');
    g.value(r, b.c('ta'), grp.kind === 'TA' && grp.pool === 'b' ? 1 : 0, 'integer');
    g.value(r, b.c('prevNo'), prevNo, 'integer');
    g.value(r, b.c('eventNo'), grp.eventNo, 'integer');
    g.formula(r, b.c('year'), `INDEX(${NAMES.years},${at('slot')})`, grp.slot.year, 'integer');
    g.formula(
      r,
      b.c('event'),
      `INDEX(${NAMES.groupLabel},${at('no')})`,
      grp.pool !== 'b' ? '' : grp.eventNo === 0 ? LABELS.noEvent : ctx.events[grp.eventNo - 1].name,
      'text',
    );
    PARTIES.forEach((p) => {
      const party = a1AbsRow(top - 1, b.c(`plan${p}`));
      if (hasPlan) {
        const ev = `IF(${at('eventNo')}=0,">=0",${at('eventNo')})`;
        g.formula(
          r,
          b.c(`plan${p}`),
          `SUMIFS(${NAMES.planCount},${NAMES.planParty},${party},${NAMES.planYear},${at('year')},${NAMES.planEvent},${ev})`,
          e.plan[p],
          'integer',
        );
      } else g.value(r, b.c(`plan${p}`), 0, 'integer');
      const regParty = a1AbsRow(top - 1, b.c(`reg${p}`));
      g.formula(
        r,
        b.c(`reg${p}`),
        `INDEX(${NAMES.registrants},${at('eventNo')}+1,(${at('slot')}-1)*ROWS(${NAMES.parties})+${regParty})`,
        e.regs[p],
        'integer',
      );
      const prevParty = a1AbsRow(top - 1, b.c(`prev${p}`));
      if (ctx.budgetSlots.length) {
        const ev = `IF(${at('eventNo')}=0,">0",${at('eventNo')})`;
        const counted = `INDEX(${NAMES.regCountedPrev},0,${at('prevNo')})`;
        g.formula(
          r,
          b.c(`prev${p}`),
          `IF(${at('prevNo')}=0,0,COUNTIFS(${NAMES.regParty},${prevParty},${NAMES.regEvent},${ev},${counted},1))`,
          prevNo ? e.prev[p] : 0,
          'integer',
        );
      } else g.value(r, b.c(`prev${p}`), 0, 'integer');
    });
    const total = (k: string) => `SUM(${at(`${k}${PARTIES[0]}`)}:${at(`${k}${PARTIES[PARTIES.length - 1]}`)})`;
    g.formula(r, b.c('planSum'), total('plan'), sum(e.plan), 'integer');
    g.formula(r, b.c('regSum'), total('reg'), sum(e.regs), 'integer');
    g.formula(r, b.c('prevSum'), total('prev'), prevNo ? sum(e.prev) : 0, 'integer');
    const [plan, reg, prev] = [at('planSum'), at('regSum'), at('prevSum')];
    g.formula(
      r,
      b.c('source'),
      `IF(INDEX(${NAMES.groupKeyType},${at('no')})=1,${STAFF},IF(${at('ta')}=1,IF(${plan}>0,1,IF(${reg}>0,2,IF(${prev}>0,3,0))),IF(${reg}>0,2,0)))`,
      e.source,
      'integer',
    );
    g.formula(r, b.c('sourceText'), `INDEX(${words},${at('source')}+1)`, SOURCES[e.source][1], 'text');
    PARTIES.forEach((p) => {
      g.formula(
        r,
        b.c(`key${p}`),
        `IF(${at('source')}=0,0,CHOOSE(${at('source')},${at(`plan${p}`)},${at(`reg${p}`)},${at(`prev${p}`)},0))`,
        e.key[p],
        'integer',
      );
    });
    // A group of another year that cannot be allocated may stay without a key (TYM_Jako accepts its error too).
    g.formula(
      r,
      b.c('ok'),
      orFalse(`OR(${at('source')}>0,${at('year')}<>${NAMES.year})`),
      grp.pool !== 'b' || e.source > 0 || grp.slot.no !== 1,
      'check',
    );
  });
  if (!ctx.groups.length) g.value(b.row(0), b.c('ok'), true, 'check');
  const names = b.names();
  const checks: Check[] = [
    {
      label: `${P}: jokaisella pooli b:n ryhmällä on avain (TA: suunnitelma, vuoden tai edellisen vuoden ilmoittautuneet; TOT: vuoden ilmoittautuneet)`,
      formula: allTrue(b.range('ok')),
      note: 'Ryhmän rivillä (TYM_Parametrit, pooli b:n avain, sarake Lähde = ei avainta) ei ole suunnitelmassa eikä ilmoittautumisissa ketään: lisää suunnitelman rivi tai ilmoittautumiset, tai poista ryhmän kustannusrivit, ja laske uudelleen.',
    },
  ];
  let next = b.last + 3;
  const plan = ctx.model.tables.suunnitelma;
  if (plan && hasPlan) {
    const rows = planRowsBlock(g, ctx, next + 1);
    names.push(...rows.names);
    next = rows.next;
    checks.push(
      {
        label: `${plan.name}: taulukossa on yhtä monta riviä kuin laskennassa`,
        formula: `ROWS(${columnRef(plan, 'organisation')})=ROWS(${NAMES.planParty})`,
        note: 'Suunnitelman rivejä lisätty tai poistettu laskennan jälkeen: laske uudelleen.',
      },
      {
        label: `${plan.name}: tilaisuudet, joihin ei ole ilmoittautumisia, kuten laskennassa`,
        formula: planEventsOk,
        note: 'Tilaisuuden nimi luetaan suunnitelman siitä rivistä, jolla se laskennassa oli ensin (TYM_Parametrit, tilaisuudet): suunnitelma on lajiteltu tai nimi muutettu. Laske uudelleen.',
      },
      {
        label: `${plan.name}: kaikki rivit kelpaavat`,
        formula: allTrue(NAMES.planOk),
        note: 'Tuntematon tilaisuus tai organisaatio, Osallistujia ei ole ei-negatiivinen kokonaisluku tai Vuosi ei ole vuosiluku (TYM_Parametrit, osallistujasuunnitelma, sarake Kelpaa).',
      },
    );
  }
  return { next, names, checks };
}

/** Pool b rows of TYM_Jako read the key here (the group's row, the receiver's column). */
export const poolBKeyOf = (group: string, receiverNo: string) => `INDEX(${NAMES.poolBKey},${group},${receiverNo})`;
