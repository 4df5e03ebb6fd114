/** The workbook beside the pane: sheet tabs and a read-only grid of the chosen sheet. */
import * as React from 'react';
import type { Workbook } from 'exceljs';
import type { Translate } from '../taskpane/i18n';
import { columnName, parseRange, sheetView, MAX_ROWS } from './grid';

export interface SheetGridProps {
  workbook: Workbook;
  /** Bumped whenever the workbook changed, so the view is recomputed. */
  version: number;
  sheet: string | null;
  selected: { sheet: string; address: string } | null;
  onSheet: (name: string) => void;
  tr: Translate;
}

export function SheetGrid({ workbook, version, sheet, selected, onSheet, tr }: SheetGridProps): React.ReactElement {
  const names = workbook.worksheets.map((w) => w.name);
  const current = sheet && names.includes(sheet) ? sheet : (names[0] ?? null);
  const ws = current ? workbook.getWorksheet(current) : undefined;
  const range = selected && current && selected.sheet.toLowerCase() === current.toLowerCase() ? parseRange(selected.address) : null;
  const target = range ? { row: range.top, col: range.left } : null;
  const view = React.useMemo(
    () => (ws ? sheetView(ws, MAX_ROWS, target?.row) : null),
    // version: the same Worksheet object changes content when the app writes, so it is a dependency too.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [ws, version, target?.row],
  );
  const selectedRef = React.useRef<HTMLTableCellElement | null>(null);

  React.useEffect(() => {
    selectedRef.current?.scrollIntoView({ block: 'center', inline: 'center' });
  }, [selected, view]);

  const tabs = React.useRef<(HTMLButtonElement | null)[]>([]);
  const onTabKey = (e: React.KeyboardEvent, i: number) => {
    // Arrow keys move between tabs (WAI-ARIA tabs pattern).
    const next = e.key === 'ArrowRight' ? i + 1 : e.key === 'ArrowLeft' ? i - 1 : null;
    if (next === null) return;
    e.preventDefault();
    const j = (next + names.length) % names.length;
    onSheet(names[j]);
    tabs.current[j]?.focus();
  };

  return (
    <section className="pv-book" aria-labelledby="pv-sheets-heading">
      <h2 id="pv-sheets-heading" className="pv-h2">
        {tr('previewSheets')}
      </h2>
      <div role="tablist" aria-labelledby="pv-sheets-heading" className="pv-tabs">
        {names.map((n, i) => (
          <button
            key={n}
            ref={(el) => (tabs.current[i] = el)}
            role="tab"
            id={`pv-tab-${i}`}
            aria-selected={n === current}
            aria-controls="pv-grid-panel"
            tabIndex={n === current ? 0 : -1}
            className={n === current ? 'pv-tab pv-tab-active' : 'pv-tab'}
            data-sheet={n}
            onClick={() => onSheet(n)}
            onKeyDown={(e) => onTabKey(e, i)}
          >
            {n}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id="pv-grid-panel"
        aria-labelledby={current ? `pv-tab-${names.indexOf(current)}` : undefined}
        className="pv-grid-wrap"
        tabIndex={0}
      >
        {!view || view.rows.length === 0 ? (
          <p>{tr('previewEmptySheet')}</p>
        ) : (
          <>
            {view.totalRows > view.rows.length ? (
              <p className="pv-note">{tr('previewRowsTruncated', { shown: view.rows.length, total: view.totalRows })}</p>
            ) : null}
            <table className="pv-grid" data-testid="grid" data-sheet={view.sheet}>
              <caption className="pv-sr-only">{tr('previewGridCaption', { sheet: view.sheet, rows: view.rows.length })}</caption>
              <thead>
                <tr>
                  <th scope="col" className="pv-corner" />
                  {Array.from({ length: view.columnCount }, (_, c) => (
                    <th key={c} scope="col">
                      {columnName(c + 1)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {view.rows.map((r) => (
                  <tr key={r.row}>
                    <th scope="row">{r.row}</th>
                    {r.cells.map((c, ci) => {
                      const isSel = target !== null && c.address === `${columnName(target.col)}${target.row}`;
                      const col = ci + 1;
                      const inRange =
                        range !== null && r.row >= range.top && r.row <= range.bottom && col >= range.left && col <= range.right;
                      return (
                        <td
                          key={c.address}
                          ref={isSel ? selectedRef : undefined}
                          data-address={c.address}
                          data-selected={isSel ? 'true' : undefined}
                          data-in-range={inRange ? 'true' : undefined}
                          aria-selected={isSel || undefined}
                          title={c.formula}
                          className={
                            [
                              c.numeric ? 'pv-num' : '',
                              c.formula ? 'pv-formula' : '',
                              inRange ? 'pv-in-range' : '',
                              isSel ? 'pv-selected' : '',
                            ]
                              .join(' ')
                              .trim() || undefined
                          }
                        >
                          {c.text}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </div>
    </section>
  );
}
