/** TYM_Tarkistukset: the checks block, with one master check on top (FAST). */
import type { Allocation } from '../../domain/allocate';
import { COST_KINDS, type InputModel } from '../../domain/types';
import { a1, columnRef, onSheet, range } from '../formula';
import { Grid } from '../grid';
import type { SheetSpec } from '../sheetSpec';
import { COST_COL, REG_COL, ROWS_FIRST, ROWS_LAST_COL, SHEETS, SPLIT_COL, SPLIT_FIRST, STAFF_COL, type Positions } from './positions';
import { LEVEL_MUNICIPALITY, LEVEL_PARTY, RESULT_TABLE } from './results';
import { invoiceColumns, invoiceRange, invoiceTotalRow } from './invoicing';
import type { Invoicing } from '../../domain/invoicing';
import { invoiceRowChecks } from './invoiceRows';
import { scenarioChecks } from './scenarios';
import { budgetKeyChecks } from './budgetKey';

export const MASTER_CHECK_ROW = 4;

export function buildChecks(model: InputModel, alloc: Allocation, pos: Positions, invoicing: Invoicing): SheetSpec {
  const g = new Grid();
  g.value(0, 0, `TYM-kustannustenjako ${alloc.year}: tarkistukset`, 'title');
  g.value(1, 0, 'Jokaisen tarkistuksen pitää olla TOSI. Pääkerroin on TOSI vain, kun kaikki ovat.', 'note');
  g.headers(3, 0, ['Tarkistus', 'Tulos', 'Laji', 'Taso', 'Selite']);

  const checks: { label: string; formula: string; kind?: string; level?: string; note: string }[] = [];
  const tableRows = (tableKey: string, colKey: string, calcCol: number, rows: number, label: string) => {
    const t = model.tables[tableKey];
    checks.push({
      label: `${t.name}: kaikki taulukon rivit ovat laskennassa`,
      formula: `ROWS(${columnRef(t, colKey)})=COUNT(${pos.rowsRange(calcCol, rows)})`,
      note: `Jos taulukkoon on lisätty rivejä laskennan jälkeen, laske uudelleen (${label}).`,
    });
  };
  tableRows('henkilosto', 'organisation', STAFF_COL.n, pos.staffRows, 'henkilöstö');
  tableRows('ilmoittautumiset', 'event', REG_COL.n, pos.regRows, 'ilmoittautumiset');
  tableRows('kustannukset', 'kind', COST_COL.n, pos.costRows, 'kustannukset');
  const lastRow = ROWS_FIRST + Math.max(pos.staffRows, pos.regRows, pos.costRows) - 1;
  checks.push({
    label: 'Syöttörivit tunnistettu (ei virhearvoja laskentariveillä)',
    formula: `SUMPRODUCT(--ISERROR(${onSheet(SHEETS.rows, range(ROWS_FIRST, 0, lastRow, ROWS_LAST_COL))}))=0`,
    note: 'Tuntematon organisaatio, kunta, laji, pooli tai tilaisuus näkyy taulukossa TYM_Rivit virheenä (#N/A).',
  });
  const blockChecks = (sheet: string, rows: number, what: string) => {
    if (rows === 0) return;
    const rng = (col: number) => onSheet(sheet, range(SPLIT_FIRST, col, SPLIT_FIRST + rows - 1, col));
    checks.push({
      label: `${what}: jokainen ryhmä jakautuu sentilleen`,
      formula: `COUNTIF(${rng(SPLIT_COL.groupOk)},TRUE)=${rows}`,
      note: 'Osuuksien summa = jaettava summa jokaisessa ryhmässä.',
    });
    checks.push({
      label: `${what}: jokainen osuus on sentin sisällä tarkasta osuudesta`,
      formula: `COUNTIF(${rng(SPLIT_COL.withinCent)},TRUE)=${rows}`,
      note: 'Suurimman jäännöksen menetelmä: |osuus − tarkka osuus| < 0,01 €.',
    });
  };
  blockChecks(SHEETS.split, alloc.groups.length * 3, 'Jako osapuolille');
  blockChecks(SHEETS.municipal, alloc.groups.length * model.municipalities.length, 'Kuntajako');
  const euros = `${RESULT_TABLE}[Euroa]`;
  const kindCol = `${RESULT_TABLE}[Laji]`;
  const levelCol = `${RESULT_TABLE}[Taso]`;
  for (const kind of COST_KINDS) {
    checks.push({
      label: `${kind}: osapuolten osuudet yhteensä = vuoden kustannukset`,
      kind,
      level: LEVEL_PARTY,
      formula: `ROUND(SUMIFS(${euros},${kindCol},$C{r},${levelCol},$D{r})-SUMIFS(${pos.rowsRange(COST_COL.amount, pos.costRows)},${pos.rowsRange(COST_COL.kind, pos.costRows)},$C{r}),2)=0`,
      note: 'Kaikki kustannusrivit on jaettu kokonaan.',
    });
    checks.push({
      label: `${kind}: kuntien osuudet yhteensä = TVA:n osuus`,
      kind,
      level: LEVEL_MUNICIPALITY,
      formula: `ROUND(SUMIFS(${euros},${kindCol},$C{r},${levelCol},$D{r})-SUMIFS(${euros},${kindCol},$C{r},${RESULT_TABLE}[Vastaanottaja],"TVA"),2)=0`,
      note: 'TVA:n osuus on jaettu kunnille kokonaan.',
    });
  }

  const inv = invoiceColumns(invoicing);
  const totalRow = invoiceTotalRow(model);
  const invTotal = (c: number) => onSheet(SHEETS.invoicing, a1(totalRow, c, true));
  const receivers = invoicing.receivers.length;
  checks.push({
    label: 'Laskutus: TA-nettosummat yhteensä = 0 (laskutettava = maksettu)',
    formula: `ROUND(${invTotal(inv.taNet)},2)=0`,
    note: 'Osuudet yhteensä = itse maksetut yhteensä: kukaan ei maksa eikä saa liikaa.',
  });
  checks.push({
    label: 'Laskutus: ennakkoerät yhteensä = netto jokaisella vastaanottajalla',
    formula: `COUNTIF(${invoiceRange(model, inv.installmentsOk)},TRUE)=${receivers}`,
    note: 'Erät ovat yhtä suuret sentin tarkkuudella; ylijäävät sentit aikaisimmille erille.',
  });
  if (inv.settlement !== undefined) {
    checks.push({
      label: 'Laskutus: tasaukset yhteensä = 0',
      formula: `ROUND(${invTotal(inv.settlement)},2)=0`,
      note: 'Tasauslaskut ja hyvitykset kumoavat toisensa.',
    });
  }

  checks.push(...invoiceRowChecks(model, invoicing), ...scenarioChecks(model, alloc), ...budgetKeyChecks(model, alloc, pos));

  const first = MASTER_CHECK_ROW + 2;
  const last = first + checks.length - 1;
  g.value(MASTER_CHECK_ROW, 0, 'KAIKKI TARKISTUKSET KUNNOSSA', 'label');
  g.formula(MASTER_CHECK_ROW, 1, `AND(${a1(first, 1)}:${a1(last, 1)})`, true, 'check');
  g.value(MASTER_CHECK_ROW, 4, 'Pääkerroin: TOSI, kun jokainen alla oleva tarkistus on TOSI.', 'note');
  checks.forEach((c, i) => {
    const row = first + i;
    g.value(row, 0, c.label, 'text');
    g.formula(row, 1, c.formula.replace(/\{r\}/g, String(row + 1)), true, 'check');
    if (c.kind) g.value(row, 2, c.kind, 'text');
    if (c.level) g.value(row, 3, c.level, 'text');
    g.value(row, 4, c.note, 'note');
  });
  [58, 10, 6, 10, 70].forEach((w, i) => g.width(i, w));
  return g.toSheet(SHEETS.checks, { tabColor: 'FFC00000' });
}
