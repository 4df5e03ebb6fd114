/**
 * TYM_Rivit: one calculation row per input table row (FAST: one formula per column, the same all
 * the way down). Staff and cost rows are in table order (row i reads table row i, so sorting those
 * tables changes nothing: staffRows.ts, costRows.ts); registrations are in a frozen grouped order
 * (regRows.ts). Each row reads its input row with INDEX(Table[Column], n), normalises it the way
 * the engine does, and says whether the engine would accept it ("Kelpaa"). Personal names are read
 * but never copied.
 */
import { Grid } from '../grid';
import type { SheetSpec } from '../sheetSpec';
import { SHEETS, type Ctx } from './context';
import { costBlock } from './costRows';
import { registrationBlock } from './regRows';
import { staffBlock } from './staffRows';
import { HEADER, ROWS_FIRST, SLOT_ROW } from './cells';
import { masterBanner } from './results';

export { ROWS_FIRST } from './cells';

export function buildRows(ctx: Ctx): SheetSpec {
  const g = new Grid();
  g.value(0, 0, `TYM-kustannustenjako ${ctx.model.settings.year}: syöttörivit laskentaa varten`, 'title');
  g.value(
    1,
    0,
    'Yksi rivi kutakin syöttötaulukon riviä kohden; n on taulukon rivi. "Kelpaa" = laskenta hyväksyy rivin. Nimiä ei kopioida tänne. Rivi "Vuosi nro" kertoo vuosisarakkeiden vuoden (TYM_VUODET).',
    'note',
  );
  masterBanner(g, 3, 0, 6);
  const staff = staffBlock(g, ctx);
  const reg = registrationBlock(g, ctx, staff.nextCol + 1, { header: HEADER, slotRow: SLOT_ROW });
  const cost = costBlock(g, ctx, reg.nextCol + 1);
  return g.toSheet(SHEETS.rows, {
    tabColor: 'FF7F7F7F',
    freeze: { rows: ROWS_FIRST, columns: 0 },
    names: [...staff.names, ...reg.names, ...cost.names],
  });
}
