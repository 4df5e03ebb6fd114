/**
 * TYM_Rivit, costs: one calculation row per Kustannukset row, in table order (row i reads table
 * row i): kind, pool, event, year, amount in cents, payer and the allocation group it joins.
 */
import { ORGANISATION_WORDS } from '../../domain/contract';
import { identityKey } from '../../domain/text';
import { payerReceiver } from '../../domain/invoicing';
import { PARTIES } from '../../domain/types';
import { tableCell } from '../formula';
import type { Grid } from '../grid';
import type { NameSpec } from '../sheetSpec';
import { Block, orFalse } from './block';
import { KIND_CODE, POOL_CODE, SHEETS, type Ctx } from './context';
import { NAMES } from './names';
import { blankCell, HEADER, matchExact, tableOrderRow, trimmed } from './cells';
import { wordCode } from './settings';

export function costBlock(g: Grid, ctx: Ctx, col0: number): { names: NameSpec[] } {
  const t = ctx.model.tables.kustannukset;
  const b = new Block(
    SHEETS.rows,
    HEADER,
    col0,
    [
      { key: 'n', header: 'n', width: 6 },
      { key: 'blank', header: 'Tyhjä rivi', width: 7 },
      { key: 'kindNo', header: 'Laji nro', width: 6 },
      { key: 'kind', header: 'Laji', name: NAMES.costKind, width: 6 },
      { key: 'poolNo', header: 'Pooli nro', width: 6 },
      { key: 'eventText', header: 'Tilaisuus', width: 18 },
      { key: 'eventNo', header: 'Tilaisuus nro', width: 8 },
      { key: 'year', header: 'Vuosi', name: NAMES.costYear, width: 7 },
      { key: 'slot', header: 'Vuosi nro', name: NAMES.costSlot, width: 6 },
      { key: 'amount', header: 'Summa €', width: 13 },
      { key: 'cents', header: 'Sentit', name: NAMES.costCents, width: 14 },
      { key: 'payerText', header: 'Maksaja', width: 12 },
      { key: 'payerMuni', header: 'Maksajakunta nro', width: 8 },
      { key: 'payerParty', header: 'Maksajaosapuoli nro', width: 8 },
      { key: 'payer', header: 'Maksaja nro', name: NAMES.costPayer, width: 8 },
      { key: 'group', header: 'Ryhmä', name: NAMES.costGroup, width: 7 },
      { key: 'cells', header: 'Solut kelpaavat', width: 8 },
      { key: 'ok', header: 'Kelpaa', name: NAMES.costOk, width: 7 },
    ],
    ctx.costRows,
  );
  g.value(HEADER - 2, col0, `Kustannukset (${t.name})`, 'subtitle');
  b.header(g);
  const byIndex = new Map(ctx.model.costs.map((l) => [l.ref.index, l]));
  const groupOf = new Map<number, number>();
  for (const grp of ctx.groups) for (const l of grp.lines) groupOf.set(l.ref.index, grp.no);
  const has = (k: string) => t.columns[k] !== undefined;
  const cell = (k: string, n: string) => tableCell(t, k, n);
  const receiverNo = (name: string) => {
    const p = PARTIES.indexOf(name as never);
    if (p >= 0) return p + 1;
    const m = ctx.model.municipalities.find((x) => x.name === name);
    return m ? PARTIES.length + m.ref.index : 0;
  };
  // One row per table row, generated when the sheet is written (grid.ts: they are most of the sheet).
  g.generate(b.first, ctx.costRows, (i, g) => {
    const l = byIndex.get(i + 1);
    const { r, n, at } = tableOrderRow(g, b, t, i, l !== undefined);
    g.formula(
      r,
      b.c('kindNo'),
      `IF(${blankCell(t, 'kind', n)},0,${wordCode('LAJI', `TRIM(${cell('kind', n)})`)})`,
      l ? KIND_CODE[l.kind] : 0,
      'integer',
    );
    g.formula(
      r,
      b.c('kind'),
      `IF(${at('kindNo')}=0,"",INDEX(${NAMES.words('LAJI')},MATCH(${at('kindNo')},${NAMES.codes('LAJI')},0)))`,
      l ? l.kind : '',
      'text',
    );
    g.formula(
      r,
      b.c('poolNo'),
      `IF(${blankCell(t, 'pool', n)},0,${wordCode('POOLI', `TRIM(${cell('pool', n)})`)})`,
      l ? POOL_CODE[l.pool] : 0,
      'integer',
    );
    if (has('event')) g.formula(r, b.c('eventText'), `TRIM(${cell('event', n)})`, trimmed(ctx.raw('kustannukset', i + 1, 'event')), 'text');
    else g.value(r, b.c('eventText'), '', 'text');
    const evNo = l?.eventKey ? (ctx.events.find((e) => e.eventKey === l.eventKey)?.no ?? 0) : 0;
    g.formula(r, b.c('eventNo'), `IF(${at('eventText')}="",0,${matchExact(at('eventText'), NAMES.events)})`, evNo, 'integer');
    const year = l ? (l.year ?? ctx.model.settings.year) : ctx.model.settings.year;
    if (has('year')) g.formula(r, b.c('year'), `IF(${blankCell(t, 'year', n)},${NAMES.year},${cell('year', n)})`, year, 'integer');
    else g.formula(r, b.c('year'), NAMES.year, year, 'integer');
    g.formula(
      r,
      b.c('slot'),
      `IF(${at('blank')},0,MATCH(${at('year')},${NAMES.years},0))`,
      l ? (ctx.slots.find((s) => s.year === year)?.no ?? 0) : 0,
      'integer',
    );
    g.formula(r, b.c('amount'), `IF(${blankCell(t, 'amount', n)},0,${cell('amount', n)})`, l ? l.amount.toNumber() : 0, 'money');
    g.formula(r, b.c('cents'), `ROUND(${at('amount')}*100,0)`, l ? l.amount.mul(100).toNumber() : 0, 'integer');
    if (has('payer')) g.formula(r, b.c('payerText'), `TRIM(${cell('payer', n)})`, trimmed(ctx.raw('kustannukset', i + 1, 'payer')), 'text');
    else g.value(r, b.c('payerText'), '', 'text');
    const payer = l ? payerReceiver(ctx.model, l.payer) : ctx.model.settings.employer;
    const written = trimmed(ctx.raw('kustannukset', i + 1, 'payer'));
    const muni = ctx.model.municipalities.find((m) => identityKey(m.name) === identityKey(written));
    g.formula(
      r,
      b.c('payerMuni'),
      `IF(${at('payerText')}="",0,IFERROR(${matchExact(at('payerText'), NAMES.municipalities)},0))`,
      written && muni ? muni.ref.index : 0,
      'integer',
    );
    const word = ORGANISATION_WORDS.find(([w]) => identityKey(w) === identityKey(written));
    g.formula(
      r,
      b.c('payerParty'),
      `IF(${at('payerText')}="",0,${wordCode('ORG', at('payerText'))})`,
      written && word ? PARTIES.indexOf(word[1]) + 1 : 0,
      'integer',
    );
    g.formula(
      r,
      b.c('payer'),
      `IF(${at('blank')},0,IF(${at('payerText')}="",${NAMES.employerNo},IF(${at('payerMuni')}>0,ROWS(${NAMES.parties})+${at('payerMuni')},IF(${at('payerParty')}=1,${NAMES.employerNo},IF(${at('payerParty')}>0,${at('payerParty')},NA())))))`,
      l ? receiverNo(payer) : 0,
      'integer',
    );
    g.formula(
      r,
      b.c('group'),
      `IF(${at('blank')},0,MATCH(${at('slot')}&"|"&${at('kindNo')}&"|"&${at('poolNo')}&"|"&${at('eventNo')},${NAMES.groupKey},0))`,
      l ? (groupOf.get(i + 1) ?? 0) : 0,
      'integer',
    );
    const eventOnlyB = `OR(${at('poolNo')}=${POOL_CODE.b},${at('eventText')}="")`;
    g.formula(
      r,
      b.c('cells'),
      orFalse(
        `IF(${at('blank')},TRUE,AND(${at('kindNo')}>0,${at('poolNo')}>0,ISNUMBER(${at('amount')}),ABS(${at('amount')}*100-${at('cents')})<0.05,ABS(${at('cents')})<${NAMES.limit},${eventOnlyB}))`,
      ),
      true,
      'check',
    );
    g.formula(
      r,
      b.c('ok'),
      orFalse(
        `IF(${at('blank')},TRUE,AND(${at('cells')},ISNUMBER(${at('eventNo')}),ISNUMBER(${at('slot')}),ISNUMBER(${at('payer')}),ISNUMBER(${at('group')})))`,
      ),
      true,
      'check',
    );
  });
  return { names: b.names() };
}
