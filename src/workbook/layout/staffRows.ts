/**
 * TYM_Rivit, staff: one calculation row per Henkilosto row, in table order (row i reads table row
 * i). Per year compared: the days in the year, the key and the scaled key units, as the engine
 * counts them (src/domain/keys.ts).
 */
import { daysInYear, excelSerialFromDay } from '../../domain/dates';
import { scaledUnits } from '../../domain/exactRange';
import { staffKey, staffDays } from '../../domain/keys';
import { PARTIES } from '../../domain/types';
import { tableCell } from '../formula';
import type { Grid } from '../grid';
import type { NameSpec } from '../sheetSpec';
import { Block, orFalse } from './block';
import { SHEETS, type Ctx } from './context';
import { NAMES } from './names';
import { blankCell, HEADER, matchExact, SLOT_ROW, slotHeader, slotRef, tableOrderRow, trimmed } from './cells';
import { fourDecimals, wordCode } from './settings';

export function staffBlock(g: Grid, ctx: Ctx): { nextCol: number; names: NameSpec[] } {
  const t = ctx.model.tables.henkilosto;
  const S = ctx.slots.length;
  const per = (key: string, header: string, name: string) =>
    ctx.slots.map((s, i) => ({ key: `${key}${s.no}`, header: `${header} ${s.year}`, ...(i === 0 ? { name, span: S } : {}) }));
  const b = new Block(
    SHEETS.rows,
    HEADER,
    0,
    [
      { key: 'n', header: 'n', width: 6 },
      { key: 'blank', header: 'Tyhjä rivi', width: 7 },
      { key: 'party', header: 'Osapuoli nro', name: NAMES.staffParty, width: 8 },
      { key: 'muniText', header: 'Kunta', width: 12 },
      { key: 'muni', header: 'Kunta nro', name: NAMES.staffMuni, width: 7 },
      { key: 'unit', header: 'Yksikkö', name: NAMES.staffUnit, width: 18 },
      { key: 'headcount', header: 'Henkilömäärä', name: NAMES.staffHeadcount, width: 9 },
      { key: 'fte', header: 'HTV', name: NAMES.staffFte, width: 7 },
      { key: 'start', header: 'Alkaa', width: 10 },
      { key: 'end', header: 'Päättyy', width: 10 },
      { key: 'amounts', header: 'Määrät kelpaavat', width: 8 },
      { key: 'numbers', header: 'Luvut kelpaavat', width: 8 },
      { key: 'ok', header: 'Kelpaa', name: NAMES.staffOk, width: 7 },
      ...per('days', 'Päiviä', NAMES.staffDays),
      ...per('key', 'Avain', NAMES.staffKey),
      ...per('units', 'Yksiköt', NAMES.staffUnits),
      { key: 'avgFte', header: 'HTV vuodessa', name: NAMES.staffAvgFte, width: 9 },
      { key: 'listed', header: 'Yksikkö listalla', name: NAMES.staffListed, width: 8 },
    ],
    ctx.staffRows,
  );
  g.value(HEADER - 2, 0, `Henkilöstö (${t.name})`, 'subtitle');
  g.value(SLOT_ROW, b.c('ok'), 'Vuosi nro →', 'note');
  slotHeader(g, b, ['days', 'key', 'units'], ctx);
  b.header(g);
  const byIndex = new Map(ctx.model.staff.map((m) => [m.ref.index, m]));
  const muniRow = new Map(ctx.model.municipalities.map((m) => [m.name, m.ref.index]));
  const has = (k: string) => t.columns[k] !== undefined;
  const cell = (k: string, n: string) => tableCell(t, k, n);
  // One row per table row, generated when the sheet is written (grid.ts: they are most of the sheet).
  g.generate(b.first, ctx.staffRows, (i, g) => {
    const m = byIndex.get(i + 1);
    const { r, n, at } = tableOrderRow(g, b, t, i, m !== undefined);
    g.formula(
      r,
      b.c('party'),
      `IF(${blankCell(t, 'organisation', n)},0,${wordCode('ORG', `TRIM(${cell('organisation', n)})`)})`,
      m ? PARTIES.indexOf(m.party) + 1 : 0,
      'integer',
    );
    if (has('municipality'))
      g.formula(r, b.c('muniText'), `TRIM(${cell('municipality', n)})`, trimmed(ctx.raw('henkilosto', i + 1, 'municipality')), 'text');
    else g.value(r, b.c('muniText'), '', 'text');
    g.formula(
      r,
      b.c('muni'),
      `IF(${at('muniText')}="",0,${matchExact(at('muniText'), NAMES.municipalities)})`,
      m?.municipality ? (muniRow.get(m.municipality) ?? 0) : 0,
      'integer',
    );
    if (has('unit')) g.formula(r, b.c('unit'), `TRIM(${cell('unit', n)})`, m ? m.unit : '', 'text');
    else g.value(r, b.c('unit'), '', 'text');
    if (has('headcount'))
      g.formula(
        r,
        b.c('headcount'),
        `IF(${blankCell(t, 'headcount', n)},1,${cell('headcount', n)})`,
        m ? m.headcount.toNumber() : 1,
        'decimal',
      );
    else g.value(r, b.c('headcount'), 1, 'decimal');
    if (has('fte'))
      g.formula(r, b.c('fte'), `IF(${blankCell(t, 'fte', n)},${at('headcount')},${cell('fte', n)})`, m ? m.fte.toNumber() : 1, 'decimal');
    else g.formula(r, b.c('fte'), at('headcount'), m ? m.fte.toNumber() : 1, 'decimal');
    const date = (key: 'start' | 'end', v: number | null | undefined) => {
      if (has(key))
        g.formula(
          r,
          b.c(key),
          `IF(${blankCell(t, key, n)},"",INT(${cell(key, n)}))`,
          v === null || v === undefined ? '' : excelSerialFromDay(v),
          'date',
        );
      else g.value(r, b.c(key), '', 'date');
    };
    date('start', m?.start);
    date('end', m?.end);
    const nonNeg = (k: string) => `AND(ISNUMBER(${at(k)}),${at(k)}>=0,${fourDecimals(at(k))})`;
    const dateOk = (k: string) => `OR(${at(k)}="",ISNUMBER(${at(k)}))`;
    g.formula(r, b.c('amounts'), orFalse(`AND(${nonNeg('headcount')},${nonNeg('fte')})`), true, 'check');
    g.formula(
      r,
      b.c('numbers'),
      orFalse(
        `AND(${at('amounts')},${dateOk('start')},${dateOk('end')},OR(${at('start')}="",${at('end')}="",${at('end')}>=${at('start')}))`,
      ),
      true,
      'check',
    );
    const needsMuni = has('municipality') ? `NOT(AND(${NAMES.municipalBasis}=3,${at('party')}=1,${at('muniText')}=""))` : 'TRUE';
    g.formula(
      r,
      b.c('ok'),
      orFalse(`IF(${at('blank')},TRUE,AND(${at('party')}>0,ISNUMBER(${at('muni')}),${at('numbers')},${needsMuni}))`),
      true,
      'check',
    );
    ctx.slots.forEach((slot) => {
      const s = slot.no;
      const yEnd = `INDEX(${NAMES.yearEnd},${slotRef(b, `days${s}`)})`;
      const yStart = `INDEX(${NAMES.yearStart},${slotRef(b, `days${s}`)})`;
      const days = m ? staffDays(slot.model.settings, m) : 0;
      g.formula(
        r,
        b.c(`days${s}`),
        `IF(${at('party')}=0,0,MAX(0,IF(${at('end')}="",${yEnd},MIN(${at('end')},${yEnd}))-IF(${at('start')}="",${yStart},MAX(${at('start')},${yStart}))+1))`,
        days,
        'integer',
      );
      const d = at(`days${s}`);
      g.formula(
        r,
        b.c(`key${s}`),
        `IF(${d}=0,0,CHOOSE(${NAMES.staffBasis},${at('headcount')},${at('fte')},${at('fte')}*${d}/INDEX(${NAMES.yearDays},${slotRef(b, `key${s}`)})))`,
        m ? staffKey(slot.model.settings, m).shown.toNumber() : 0,
        'decimal',
      );
      const sc = (x: string) => `ROUND(${x}*${NAMES.keyScale},0)`;
      g.formula(
        r,
        b.c(`units${s}`),
        `IF(${d}=0,0,CHOOSE(${NAMES.staffBasis},${sc(at('headcount'))},${sc(at('fte'))},${sc(at('fte'))}*${d}))`,
        m ? Number(scaledUnits(slot.model, m)) : 0,
        'integer',
      );
    });
    const cur = ctx.slots[0];
    const days = m ? staffDays(cur.model.settings, m) : 0;
    g.formula(
      r,
      b.c('avgFte'),
      `IF(${at('days1')}=0,0,${at('fte')}*${at('days1')}/INDEX(${NAMES.yearDays},${slotRef(b, 'days1')}))`,
      m && days > 0 ? m.fte.mul(days).div(daysInYear(cur.year)).toNumber() : 0,
      'decimal',
    );
    g.formula(
      r,
      b.c('listed'),
      orFalse(`OR(${at('party')}=0,SUMPRODUCT((${NAMES.unitParty}=${at('party')})*(${NAMES.unitName}=${at('unit')}))=1)`),
      true,
      'check',
    );
  });
  return { nextCol: b.c('listed') + 1, names: b.names() };
}
