/**
 * The browser preview: the real task pane (App) beside a read-only view of the workbook, over an
 * .xlsx loaded through the exceljs adapter. Nothing leaves the browser.
 *
 * Over ~300 lines after Prettier on purpose (issue 13): this is the preview's composition root, one
 * component whose port and Host callbacks close over its own state and refs (the current book, the
 * shown sheet, the status line, the watchers); moving them out would pass that state through a hook
 * of a dozen parameters. If it grows, the Host is the seam to take out (a usePreviewHost hook).
 */
import * as React from 'react';
import { createAllocationApp, localEngine } from '../app/run';
import { startEngineWorker } from '../app/startEngineWorker';
import { ExcelJsWorkbook } from '../adapters/exceljs/excelJsWorkbook';
import { addTemplateTables, buildTemplate } from '../adapters/exceljs/template';
import { isPlanTable } from '../app/inputs';
import { TABLE_KEYS, type TableKey } from '../app/vocabulary';
import { App } from '../taskpane/App';
import type { Host, StoredResult } from '../app/host';
import { langOf, translator } from '../taskpane/i18n';
import { observed } from './observedPort';
import { SheetGrid } from './SheetGrid';
import { writeSetting } from './settingsWriter';
import { PREVIEW_CSS } from './styles';

import type { PreviewOptions } from './options';

interface Loaded {
  id: number;
  name: string;
  book: ExcelJsWorkbook;
}

type Status = { kind: 'info' | 'error'; text: string } | null;

let loadCounter = 0;

/**
 * What Excel keeps in a document's add-in settings, kept here per open workbook (the preview's
 * stand-in for Office.context.document.settings; it lasts while the page is open).
 */
const documentSettings = new WeakMap<ExcelJsWorkbook, StoredResult>();

/**
 * Test and demo hooks on window.tymPreview: change a cell as a user typing in Excel would (with or
 * without the change event Excel would send), reopen the pane, make the next write fail as Excel
 * can refuse one.
 */
export interface PreviewHooks {
  setCell(sheet: string, address: string, value: string | number | null, notify?: boolean): Promise<void>;
  reopenPane(): void;
  failNextWrite(message: string): void;
}

/** The last part of a file's path or address, as the user knows the file. */
function fileNameOf(file: string): string {
  return file.split('/').pop() || file;
}

async function open(buf: ArrayBuffer | Uint8Array, name: string): Promise<Loaded> {
  return { id: ++loadCounter, name, book: await ExcelJsWorkbook.fromBuffer(buf) };
}

export function PreviewApp({ options }: { options: PreviewOptions }): React.ReactElement {
  const tr = React.useMemo(() => translator(langOf(options.displayLanguage)), [options.displayLanguage]);
  const [loaded, setLoaded] = React.useState<Loaded | null>(null);
  const [version, setVersion] = React.useState(0);
  const [sheet, setSheet] = React.useState<string | null>(null);
  const [selected, setSelected] = React.useState<{ sheet: string; address: string } | null>(null);
  // The page's options are fixed when it loads (from the URL): the first file is announced from the start.
  const [status, setStatus] = React.useState<Status>(() => ({
    kind: 'info',
    text: tr('previewLoading', { file: fileNameOf(options.file) }),
  }));
  const [paneMount, setPaneMount] = React.useState(0);
  const bump = React.useCallback(() => setVersion((v) => v + 1), []);
  // Who listens for changes of the input tables (Host.watchTables), as Excel's events would call them.
  const watchers = React.useRef(new Set<() => void>());
  const notify = React.useCallback(() => watchers.current.forEach((w) => w()), []);
  const failNext = React.useRef<string | null>(null);
  const engine = React.useMemo(() => (options.worker ? startEngineWorker() : localEngine), [options.worker]);
  // After a run, show the first output sheet, as a user would look at the result first.
  const written = React.useCallback((names: string[] | null) => {
    setVersion((v) => v + 1);
    if (names?.length) setSheet(names[0]);
  }, []);

  // The pane's port reads whatever book is current, so replacing the book (template) keeps the pane.
  const current = React.useRef<Loaded | null>(null);
  const show = React.useCallback(
    (l: Loaded) => {
      current.current = l;
      setLoaded(l);
      setSheet(null);
      setSelected(null);
      setStatus({ kind: 'info', text: tr('previewLoaded', { file: l.name }) });
    },
    [tr],
  );

  // The sample (or ?file=) first; an empty workbook when there is none, so "create template" works.
  React.useEffect(() => {
    let cancelled = false;
    const name = fileNameOf(options.file);
    (async () => {
      try {
        const res = await fetch(options.file);
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        const l = await open(await res.arrayBuffer(), name);
        if (!cancelled) show(l);
      } catch {
        if (cancelled) return;
        const ExcelJS = (await import('exceljs')).default;
        const empty = { id: ++loadCounter, name: 'tyhja.xlsx', book: ExcelJsWorkbook.fromWorkbook(new ExcelJS.Workbook()) };
        current.current = empty;
        setLoaded(empty);
        setStatus({ kind: 'info', text: tr('previewNoFile') });
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [options.file, show, tr]);

  const onFile = async (e: React.ChangeEvent<HTMLInputElement>) => {
    const f = e.target.files?.[0];
    e.target.value = ''; // choosing the same file again reloads it
    if (!f) return;
    setStatus({ kind: 'info', text: tr('previewLoading', { file: f.name }) });
    try {
      show(await open(await f.arrayBuffer(), f.name));
    } catch (err) {
      setStatus({
        kind: 'error',
        text: tr('previewLoadFailed', { file: f.name, message: err instanceof Error ? err.message : String(err) }),
      });
    }
  };

  const download = async () => {
    if (!loaded) return;
    const data = await loaded.book.toBuffer();
    const blob = new Blob([data as BlobPart], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = tr('previewResultName', { name: loaded.name.endsWith('.xlsx') ? loaded.name : `${loaded.name}.xlsx` });
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  const sessionId = loaded?.id ?? null;
  const app = React.useMemo(() => {
    if (sessionId === null) return null;
    const book = () => {
      if (!current.current) throw new Error('no workbook');
      return current.current.book;
    };
    const port = {
      readTables: () => book().readTables(),
      ownSheetNames: () => book().ownSheetNames(),
      readOutputCells: (names: string[]) => book().readOutputCells(names),
      replaceOutputs: (sheets: Parameters<ExcelJsWorkbook['replaceOutputs']>[0]) => {
        const failure = failNext.current;
        failNext.current = null;
        return failure ? Promise.reject(new Error(failure)) : book().replaceOutputs(sheets);
      },
    };
    // The port's functions read the refs only when the app calls them (after a user's action), never during render.
    // eslint-disable-next-line react-hooks/refs
    return createAllocationApp(observed(port, written), { engine });
  }, [sessionId, written, engine]);

  /**
   * Adds template tables to the open workbook through its exceljs view (commitView re-serialises the
   * package through exceljs, as the preview's setting fallback does: what exceljs does not model,
   * such as charts, does not survive; the sheets, values, formulas and tables do) and shows the first.
   */
  const addSheets = React.useCallback(
    async (cur: Loaded, keys: (TableKey | 'suunnitelma')[], year: number): Promise<string[]> => {
      if (!keys.length) return [];
      const added = addTemplateTables(await cur.book.view(), keys, year);
      await cur.book.commitView();
      bump();
      if (added.length) setSheet(added[0]);
      setStatus({ kind: 'info', text: tr('previewSheetsAdded', { sheets: added.join(', ') }) });
      return added;
    },
    [bump, tr],
  );

  const host: Host = React.useMemo(
    () => ({
      displayLanguage: options.displayLanguage,
      theme: options.theme,
      async selectCell(sheetName: string, address: string) {
        setSheet(sheetName);
        setSelected({ sheet: sheetName, address });
        setStatus({ kind: 'info', text: tr('previewSelected', { sheet: sheetName, cell: address }) });
      },
      async createTemplate(found, year: number) {
        const cur = current.current;
        const wb = cur ? await cur.book.view() : null;
        if (!cur || !wb || wb.worksheets.length === 0) {
          // A workbook without a single sheet (the preview's start without a file): the whole template,
          // its instructions too, as a real file would be (round trip); there is nothing to keep.
          const built = await buildTemplate(year);
          const book = await ExcelJsWorkbook.fromBuffer((await built.xlsx.writeBuffer()) as ArrayBuffer);
          // Same session id: the pane stays mounted and reports the new tables itself.
          show({ id: cur?.id ?? ++loadCounter, name: tr('previewTemplateName', { year }), book });
          return;
        }
        // As the office.js host: the missing required tables and the participant plan when there is
        // none, each on a sheet of its own; the user's sheets and data stay.
        const plan = (await cur.book.readTables()).tables.some((t) => isPlanTable(t.name));
        const keys = [...TABLE_KEYS.filter((k) => !found[k]), ...(plan ? [] : ['suunnitelma' as const])];
        await addSheets(cur, keys, year);
      },
      async addPlanTable(year: number) {
        const cur = current.current;
        if (!cur) return null;
        if ((await cur.book.readTables()).tables.some((t) => isPlanTable(t.name))) return null;
        return (await addSheets(cur, ['suunnitelma'], year))[0] ?? null;
      },
      async updateSetting(key, value, tableName) {
        if (!current.current) return;
        // In place in the file (its other parts untouched); through exceljs only where that cannot be done.
        await current.current.book.writeSetting(tableName, key, value, (wb) => writeSetting(wb, tableName, key, value));
        bump();
        notify(); // Excel reports the pane's own write as a table change too
      },
      async watchTables(_names, onChange) {
        watchers.current.add(onChange);
        return () => void watchers.current.delete(onChange);
      },
      async loadResult() {
        return current.current ? (documentSettings.get(current.current.book) ?? null) : null;
      },
      async saveResult(result) {
        if (current.current) documentSettings.set(current.current.book, result);
      },
    }),
    [options.displayLanguage, options.theme, tr, show, bump, notify, addSheets],
  );

  React.useEffect(() => {
    const hooks: PreviewHooks = {
      async setCell(sheetName, address, value, tell = true) {
        const book = current.current?.book;
        const ws = (await book?.view())?.getWorksheet(sheetName);
        if (!book || !ws) throw new Error(`no sheet ${sheetName}`);
        ws.getCell(address).value = value;
        await book.commitView();
        bump();
        if (tell) notify();
      },
      reopenPane: () => setPaneMount((n) => n + 1),
      failNextWrite: (message) => void (failNext.current = message),
    };
    (window as unknown as { tymPreview?: PreviewHooks }).tymPreview = hooks;
  }, [bump, notify]);

  return (
    <div className="pv-root">
      <style>{PREVIEW_CSS}</style>
      <aside className="pv-pane" aria-label={tr('productName')} style={{ width: options.width }} data-testid="pane">
        {app && sessionId !== null ? <App key={`${sessionId}-${paneMount}`} app={app} host={host} /> : null}
      </aside>
      <div className="pv-main">
        <div className="pv-toolbar">
          <p className="pv-title">
            <strong>{tr('previewTitle')}</strong> {tr('previewIntro')}
          </p>
          <div className="pv-buttons">
            <label className="pv-button" htmlFor="pv-file">
              {tr('previewOpenFile')}
            </label>
            <input
              id="pv-file"
              type="file"
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={onFile}
              className="pv-file"
              data-testid="file-input"
            />
            <button type="button" className="pv-button" onClick={download} disabled={!loaded} data-testid="download">
              {tr('previewDownload')}
            </button>
            <button type="button" className="pv-button" onClick={() => setPaneMount((n) => n + 1)} disabled={!loaded} data-testid="reopen">
              {tr('previewReopen')}
            </button>
          </div>
          <p
            role="status"
            aria-live="polite"
            className={status?.kind === 'error' ? 'pv-status pv-error' : 'pv-status'}
            data-testid="preview-status"
          >
            {status?.text ?? ''}
          </p>
        </div>
        {loaded && options.grid ? (
          <SheetGrid workbook={loaded.book.workbook} version={version} sheet={sheet} selected={selected} onSheet={setSheet} tr={tr} />
        ) : null}
      </div>
    </div>
  );
}
