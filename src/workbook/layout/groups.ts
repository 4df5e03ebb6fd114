/** TYM_Parametrit: the receivers (parties, then municipalities) and the groups of every year. */
import { ZERO } from '../../domain/decimal';
import { PARTIES } from '../../domain/types';
import type { Grid } from '../grid';
import type { NameSpec } from '../sheetSpec';
import { Block, orFalse } from './block';
import { KIND_CODE, POOL_CODE, SHEETS, type Ctx } from './context';
import { NAMES } from './names';
import { LABELS } from './settings';

const P = SHEETS.params;

/** Receivers: 1 TVA, 2 HVA, 3 KELA, then one per Kunnat row (name and level). */
export function receiversBlock(
  g: Grid,
  ctx: Ctx,
  top: number,
  labels: Record<keyof typeof LABELS, string>,
): { next: number; names: NameSpec[] } {
  g.value(top - 1, 0, 'Vastaanottajat (numero = osapuoli 1–3, sitten Kunnat-taulukon rivi + 3)', 'subtitle');
  const n = PARTIES.length + ctx.muniRows;
  const b = new Block(
    P,
    top,
    0,
    [
      { key: 'no', header: 'Nro' },
      { key: 'name', header: 'Vastaanottaja', name: NAMES.receivers, span: 2, comment: 'Vastaanottajat: nimi ja taso' },
      { key: 'level', header: 'Taso' },
    ],
    n,
  );
  b.header(g);
  const byRow = new Map(ctx.model.municipalities.map((m) => [m.ref.index, m.name]));
  for (let i = 0; i < n; i++) {
    const r = b.row(i);
    const no = b.col('no', r);
    const isParty = i < PARTIES.length;
    g.value(r, b.c('no'), i + 1, 'integer');
    g.formula(
      r,
      b.c('name'),
      `IF(${no}<=ROWS(${NAMES.parties}),INDEX(${NAMES.parties},${no}),INDEX(${NAMES.municipalities},${no}-ROWS(${NAMES.parties})))`,
      isParty ? PARTIES[i] : (byRow.get(i + 1 - PARTIES.length) ?? ''),
      'text',
    );
    g.formula(
      r,
      b.c('level'),
      `IF(${no}<=ROWS(${NAMES.parties}),${labels.party},${labels.municipality})`,
      isParty ? LABELS.party : LABELS.municipality,
      'text',
    );
  }
  return { next: b.last + 3, names: b.names() };
}

/** Groups of every year: what the cost lines are summed into and split. */
export function groupsBlock(
  g: Grid,
  ctx: Ctx,
  top: number,
  labels: Record<keyof typeof LABELS, string>,
): { next: number; names: NameSpec[]; okRange: string } {
  g.value(top - 1, 0, 'Ryhmät: jaettavat summat (vuosi, laji, pooli ja pooli b:ssä tilaisuus)', 'subtitle');
  const b = new Block(
    P,
    top,
    0,
    [
      { key: 'no', header: 'Ryhmä' },
      { key: 'slot', header: 'Vuosi nro' },
      { key: 'kind', header: 'Laji' },
      { key: 'kindNo', header: 'Laji nro' },
      { key: 'pool', header: 'Pooli' },
      { key: 'poolNo', header: 'Pooli nro' },
      { key: 'eventNo', header: 'Tilaisuus nro' },
      { key: 'keyType', header: 'Avain (1 henkilöstö, 2 ilmoittautuneet)', name: NAMES.groupKeyType },
      { key: 'key', header: 'Tunniste', name: NAMES.groupKey },
      { key: 'event', header: 'Tilaisuus', name: NAMES.groupLabel },
      { key: 'lines', header: 'Rivejä' },
      { key: 'cents', header: 'Summa (snt)', name: NAMES.groupCents },
      { key: 'ok', header: 'Kelpaa' },
    ],
    ctx.groups.length,
  );
  b.header(g);
  ctx.groups.forEach((grp, i) => {
    const r = b.row(i);
    g.value(r, b.c('no'), grp.no, 'integer');
    g.value(r, b.c('slot'), grp.slot.no, 'integer');
    g.value(r, b.c('kind'), grp.kind, 'text');
    g.value(r, b.c('kindNo'), KIND_CODE[grp.kind], 'integer');
    g.value(r, b.c('pool'), grp.pool, 'text');
    g.value(r, b.c('poolNo'), POOL_CODE[grp.pool], 'integer');
    g.value(r, b.c('eventNo'), grp.eventNo, 'integer');
    g.value(r, b.c('keyType'), grp.pool === 'b' ? 2 : 1, 'integer');
    const key = `${grp.slot.no}|${KIND_CODE[grp.kind]}|${POOL_CODE[grp.pool]}|${grp.eventNo}`;
    g.formula(r, b.c('key'), `${b.at('slot', r)}&"|"&${b.at('kindNo', r)}&"|"&${b.at('poolNo', r)}&"|"&${b.at('eventNo', r)}`, key, 'text');
    const ev = ctx.events[grp.eventNo - 1];
    g.formula(
      r,
      b.c('event'),
      `IF(${b.at('keyType', r)}=1,"",IF(${b.at('eventNo', r)}=0,${labels.noEvent},INDEX(${NAMES.events},${b.at('eventNo', r)})))`,
      grp.pool !== 'b' ? '' : grp.eventNo === 0 ? LABELS.noEvent : (ev?.name ?? ''),
      'text',
    );
    const lines = grp.lines;
    g.formula(r, b.c('lines'), `COUNTIF(${NAMES.costGroup},${b.col('no', r)})`, lines.length, 'integer');
    const cents = lines.reduce((a, l) => a.plus(l.amount.mul(100)), ZERO);
    g.formula(r, b.c('cents'), `SUMIFS(${NAMES.costCents},${NAMES.costGroup},${b.col('no', r)})`, cents.toNumber(), 'integer');
    g.formula(r, b.c('ok'), orFalse(`${b.at('lines', r)}>0`), true, 'check');
  });
  return { next: b.last + 3, names: b.names(), okRange: b.range('ok') };
}
