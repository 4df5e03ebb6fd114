/**
 * Entry of the task pane inside Excel: wires office.js to the application and renders the pane.
 * The engine runs in a Web Worker (the page stays responsive during a run); reading and writing
 * the workbook stay here, on the main thread, where office.js lives.
 */
import { createRoot } from 'react-dom/client';
import { createAllocationAppWith } from '../app/run';
import { startEngineWorker } from '../app/startEngineWorker';
import { OfficeJsWorkbook } from '../adapters/officejs/officeJsWorkbook';
import { createOfficeHost, officeThemeKind } from '../adapters/officejs/officeHost';
import { documentResultStore, localFormulasInExcel, watchTablesInExcel } from '../adapters/officejs/officeHostExtras';
import type { Host } from '../app/host';
import { App } from './App';

function mount(): void {
  const container = document.getElementById('root');
  if (!container) return;
  const app = createAllocationAppWith(new OfficeJsWorkbook(), { engine: startEngineWorker() });
  const host: Host = {
    ...createOfficeHost({
      displayLanguage: Office.context.displayLanguage,
      theme: officeThemeKind(Office.context.officeTheme?.bodyBackgroundColor),
    }),
    watchTables: watchTablesInExcel(),
    ...documentResultStore(Office.context.document.settings),
    localFormulas: localFormulasInExcel(),
  };
  // The static loading skeleton of taskpane.html is replaced by the pane.
  createRoot(container).render(<App app={app} host={host} />);
}

Office.onReady((info) => {
  if (info.host === Office.HostType.Excel) {
    mount();
    return;
  }
  // Opened outside Excel (e.g. the page in a plain browser): say so instead of failing silently.
  const el = document.getElementById('root');
  if (el) {
    el.textContent = 'Tämä tehtäväruutu toimii Excelissä. / Det här åtgärdsfönstret fungerar i Excel. / This task pane runs inside Excel.';
  }
});
