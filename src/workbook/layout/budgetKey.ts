/**
 * The budget-time key of pool b (issue 12, rule book §9 "Before the year") in the live layout, as
 * far as it is ported: a guard, not the key itself.
 *
 * The engine keys a budget (TA) group of pool b from the participant plan where it has anyone for
 * the group, else from the year's registrations, else from the previous year's registrations
 * (src/domain/budgetKey.ts). TYM_Jako's formulas key every pool b group from the year's
 * registrations only. So that no figure of TYM_Jako stands under a TRUE master check when the engine
 * took the key from elsewhere, this block (on TYM_Parametrit, one row per group) computes from the
 * inputs, by formula, whether a TA group of pool b would take its key from the year's registrations:
 * no plan row of the group's year with participants for its event (or, for a group with no event,
 * for any event) and at least one registrant of the year for it. The check "TA pool b key from the
 * registrations" in TYM_Tarkistukset is FALSE otherwise, with the note that the budget-time key is
 * not yet live in the workbook and the figures are the engine's at run time.
 *
 * Conservative on purpose: a plan row whose Vuosi is not a number counts for every year, and the
 * plan's Organisaatio is not looked at (a row with participants is enough).
 */
import { KIND_CODE, POOL_CODE, SHEETS, type Ctx } from './context';
import { columnRef } from '../formula';
import type { Grid } from '../grid';
import { Block, orFalse } from './block';
import type { Check } from './checks';
import { allTrue } from './checks';
import { NAMES } from './names';
import { identityKey } from '../../domain/text';
import { PARTIES, type PartyCode } from '../../domain/types';
import { countRegistrations } from '../../domain/keys';

/** Whether a TA group of pool b of a slot takes its key from the year's registrations (the guard's expected value). */
function fromRegistrations(ctx: Ctx, grpIndex: number): { plan: number; regs: number; ok: boolean } {
  const grp = ctx.groups[grpIndex];
  const m = grp.slot.model;
  const eventKey = grp.eventNo === 0 ? null : ctx.events[grp.eventNo - 1].eventKey;
  // The formulas count plan rows with participants whose Vuosi is blank, not a number or the slot's year.
  const plan = (ctx.model.plan ?? []).filter(
    (r) => (r.year === null || r.year === grp.slot.year) && r.count !== 0 && (eventKey === null || (r.eventKey !== null && identityKey(r.eventKey) === identityKey(eventKey))),
  ).length;
  const events = countRegistrations(m).events;
  const sum = (c: Record<PartyCode, number>) => PARTIES.reduce((a, p) => a + c[p], 0);
  const regs = eventKey === null ? events.reduce((a, e) => a + sum(e.byParty), 0) : sum(events.find((e) => e.eventKey === eventKey)?.byParty ?? { TVA: 0, HVA: 0, KELA: 0 });
  const guarded = grp.kind === 'TA' && grp.pool === 'b';
  return { plan, regs, ok: guarded ? plan === 0 && regs > 0 : true };
}

/** The guard block (one row per group, on TYM_Parametrit) and its check for TYM_Tarkistukset. */
export function budgetKeyGuard(g: Grid, ctx: Ctx, top: number): { next: number; check: Check } {
  const P = SHEETS.params;
  g.value(top - 1, 0, 'Talousarvion (TA) pooli b: avain ilmoittautumisista? (osallistujasuunnitelman tai edellisen vuoden avain ei vielä ole työkirjassa)', 'subtitle');
  const b = new Block(P, top, 0, [
    { key: 'no', header: 'Ryhmä' },
    { key: 'slot', header: 'Vuosi nro' },
    { key: 'kindNo', header: 'Laji nro' },
    { key: 'poolNo', header: 'Pooli nro' },
    { key: 'eventNo', header: 'Tilaisuus nro' },
    { key: 'year', header: 'Vuosi' },
    { key: 'event', header: 'Tilaisuus' },
    { key: 'plan', header: 'Suunnitelman rivejä, joilla osallistujia' },
    { key: 'regs', header: 'Ilmoittautuneita vuonna' },
    { key: 'ok', header: 'Avain ilmoittautumisista' },
  ], Math.max(1, ctx.groups.length));
  b.header(g);
  const plan = ctx.model.tables.suunnitelma;
  const hasEventCol = plan?.columns.event !== undefined;
  const hasYearCol = plan?.columns.year !== undefined;
  ctx.groups.forEach((grp, i) => {
    const r = b.row(i);
    const at = (k: string) => b.at(k, r);
    const e = fromRegistrations(ctx, i);
    g.value(r, b.c('no'), grp.no, 'integer');
    g.value(r, b.c('slot'), grp.slot.no, 'integer');
    g.value(r, b.c('kindNo'), KIND_CODE[grp.kind], 'integer');
    g.value(r, b.c('poolNo'), POOL_CODE[grp.pool], 'integer');
    g.value(r, b.c('eventNo'), grp.eventNo, 'integer');
    g.formula(r, b.c('year'), `INDEX(${NAMES.years},${at('slot')})`, grp.slot.year, 'integer');
    g.formula(r, b.c('event'), `IF(${at('eventNo')}=0,"",INDEX(${NAMES.events},${at('eventNo')}))`, grp.eventNo === 0 ? '' : ctx.events[grp.eventNo - 1].name, 'text');
    if (plan) {
      const count = columnRef(plan, 'count');
      const yearOk = hasYearCol ? `(1-ISNUMBER(${columnRef(plan, 'year')})*(${columnRef(plan, 'year')}<>${at('year')}))` : '1';
      const eventOk = hasEventCol ? `((${at('eventNo')}=0)+(TRIM(${columnRef(plan, 'event')})=${at('event')})>0)` : `(${at('eventNo')}=0)`;
      g.formula(r, b.c('plan'), `SUMPRODUCT(${yearOk}*${eventOk}*(${count}<>0))`, e.plan, 'integer');
    } else {
      g.value(r, b.c('plan'), 0, 'integer');
    }
    const regs = (c: string) => `INDEX(${NAMES.registrants},${at('eventNo')}+1,(${at('slot')}-1)*ROWS(${NAMES.parties})+${c})`;
    g.formula(r, b.c('regs'), `SUM(${regs('1')}:${regs(`ROWS(${NAMES.parties})`)})`, e.regs, 'integer');
    g.formula(
      r,
      b.c('ok'),
      orFalse(`IF(AND(${at('kindNo')}=${KIND_CODE.TA},${at('poolNo')}=${POOL_CODE.b}),AND(${at('plan')}=0,${at('regs')}>0),TRUE)`),
      e.ok,
      'check',
    );
  });
  if (!ctx.groups.length) g.value(b.row(0), b.c('ok'), true, 'check');
  const expected = ctx.groups.every((_, i) => fromRegistrations(ctx, i).ok);
  return {
    next: b.last + 3,
    check: {
      label: 'TYM_Jako: talousarvion (TA) pooli b:n avain ilmoittautumisista (osallistujasuunnitelman tai edellisen vuoden avain ei vielä ole työkirjassa)',
      formula: allTrue(b.range('ok')),
      expected,
      note: 'EPÄTOSI: jonkin TA-ryhmän (pooli b) avain tulee osallistujasuunnitelmasta tai edellisen vuoden ilmoittautumisista. Talousarvioajan avain ei ole vielä kaavoina työkirjassa: luvut ovat laskennan hetken luvut (ohjelma), eivät päivity syötteiden mukana. Laske uudelleen muutosten jälkeen. / Budgetnyckeln från plan eller föregående år finns ännu inte som formler. / The budget-time key (plan, previous year) is not yet live in the workbook: the figures are the engine\'s at run time.',
    },
  };
}
