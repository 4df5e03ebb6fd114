/** Entry of the task pane inside Excel: wires office.js to the application and renders the pane. */
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { createAllocationApp } from '../app/run';
import { OfficeJsWorkbook } from '../adapters/officejs/officeJsWorkbook';
import { createOfficeHost, officeThemeKind } from '../adapters/officejs/officeHost';
import { App } from './App';

function mount(): void {
  const container = document.getElementById('root');
  if (!container) return;
  const port = new OfficeJsWorkbook();
  const app = createAllocationApp(port);
  const host = createOfficeHost({
    displayLanguage: Office.context.displayLanguage,
    theme: officeThemeKind(Office.context.officeTheme?.bodyBackgroundColor),
  });
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
    el.textContent =
      'Tämä tehtäväruutu toimii Excelissä. Kokeile selaimessa komennolla npm run preview. / This task pane runs inside Excel; try npm run preview in a browser.';
  }
});
