/** The office.js calls each step of a write plan (writePlan.ts, steps.ts) makes. */
import { OWNER_NAME } from '../../workbook/sheetSpec';
import type { Step } from './steps';

/** Sheets the write made or bound in this Excel.run, by name (new sheets) or "old:" + name. */
export interface WriteState {
  sheets: Map<string, Excel.Worksheet>;
}

function headerText(title: string): string {
  return title.replace(/&/g, '&&');
}

export function applyStep(ctx: Excel.RequestContext, st: WriteState, step: Step): void {
  const sheet = (name: string) => st.sheets.get(name)!;
  switch (step.kind) {
    case 'checkOwn': {
      const ws = ctx.workbook.worksheets.getItem(step.sheet);
      ws.names.getItem(OWNER_NAME).load('name');
      st.sheets.set(`old:${step.sheet}`, ws);
      return;
    }
    case 'activateExisting':
      ctx.workbook.worksheets.getItem(step.sheet).activate();
      return;
    case 'renameAside': {
      const ws = sheet(`old:${step.sheet}`);
      for (const t of step.tables) ws.tables.getItem(t.original).name = t.backup;
      ws.name = step.backup;
      return;
    }
    case 'addSheet': {
      const ws = ctx.workbook.worksheets.add(step.sheet);
      if (!step.input) ws.names.add(OWNER_NAME, ws.getRange('A1'));
      st.sheets.set(step.sheet, ws);
      return;
    }
    case 'addName':
      // ExcelApi 1.4 (names.add with a comment).
      ctx.workbook.names.add(step.name, sheet(step.sheet).getRangeByIndexes(step.row, step.col, step.rows, step.cols), step.comment);
      return;
    case 'redefineName': {
      // ExcelApi 1.7 (NamedItem.formula); the comment is 1.4.
      const item = ctx.workbook.names.getItem(step.name);
      item.formula = step.formula;
      item.comment = step.comment;
      return;
    }
    case 'addTable': {
      // Over cells already written (header texts and body): see sheetCells.ts on calculated columns.
      const ws = sheet(step.sheet);
      const t = step.table;
      const table = ws.tables.add(ws.getRangeByIndexes(t.row, t.col, 1 + Math.max(1, t.rowCount), t.headers.length), true);
      table.name = t.name;
      return;
    }
    case 'numberFormat':
      sheet(step.sheet).getRangeByIndexes(step.row, step.col, step.rows.length, step.width).numberFormat = step.rows;
      return;
    case 'formulas':
      sheet(step.sheet).getRangeByIndexes(step.row, step.col, step.rows.length, step.width).formulas = step.rows;
      return;
    case 'style': {
      const range = sheet(step.sheet).getRangeByIndexes(step.r0, step.c0, step.r1 - step.r0 + 1, step.c1 - step.c0 + 1);
      const s = step.style;
      if (s.bold) range.format.font.bold = true;
      if (s.italic) range.format.font.italic = true;
      if (s.size) range.format.font.size = s.size;
      if (s.fontColor) range.format.font.color = s.fontColor;
      if (s.fill) range.format.fill.color = s.fill;
      if (s.wrap) range.format.wrapText = true;
      if (s.topBorder) {
        const edge = range.format.borders.getItem('EdgeTop');
        edge.style = 'Continuous';
        edge.weight = 'Thin';
      }
      return;
    }
    case 'columnWidth':
      sheet(step.sheet).getRangeByIndexes(0, step.c0, 1, step.c1 - step.c0 + 1).format.columnWidth = step.points;
      return;
    case 'deleteName':
      ctx.workbook.names.getItem(step.name).delete();
      return;
    case 'deleteSheet':
      ctx.workbook.worksheets.getItem(step.sheet).delete();
      return;
    case 'activate':
      sheet(step.sheet).activate();
      return;
    case 'freeze': {
      // ExcelApi 1.7.
      const ws = sheet(step.sheet);
      if (step.rows > 0 && step.columns > 0) ws.freezePanes.freezeAt(ws.getRangeByIndexes(0, 0, step.rows, step.columns));
      else if (step.rows > 0) ws.freezePanes.freezeRows(step.rows);
      else ws.freezePanes.freezeColumns(step.columns);
      return;
    }
    case 'print': {
      // ExcelApi 1.9 (the plan has this step only where isSetSupported('ExcelApi', '1.9')).
      const layout = sheet(step.sheet).pageLayout;
      layout.orientation = step.landscape ? 'Landscape' : 'Portrait';
      layout.paperSize = 'A4';
      layout.headersFooters.defaultForAllPages.centerHeader = headerText(step.title);
      // onePage (issue 12's scenario sheet): one page tall too.
      if (step.fitToWidth) layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: step.onePage ? 1 : 0 };
      if (step.repeatRows > 0) layout.setPrintTitleRows(`$1:$${step.repeatRows}`);
      return;
    }
    case 'tabColor':
      // ExcelApi 1.7.
      sheet(step.sheet).tabColor = step.color;
      return;
  }
}
