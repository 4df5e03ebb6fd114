/** The preview's URL options. */
export interface PreviewOptions {
  /** URL of the workbook opened first (default: the bundled sample next to the page). */
  file: string;
  displayLanguage: string;
  theme: 'light' | 'dark';
  /** Width of the task pane in CSS pixels (Excel's task panes are 320 px and wider). */
  width: number;
  /** Run the engine in a Web Worker, as the task pane in Excel does (default); false = in the page. */
  worker: boolean;
  /** Show the workbook beside the pane (default); false = the pane alone (the bench measures the pane). */
  grid: boolean;
}

/** ?file=URL (default sample.xlsx), ?lang=fi|sv|en (default Finnish), ?theme=dark, ?width=320 (default 380), ?worker=off, ?grid=off. */
export function optionsFromUrl(search: string): PreviewOptions {
  const q = new URLSearchParams(search);
  const width = Number(q.get('width'));
  return {
    file: q.get('file') || 'sample.xlsx',
    displayLanguage: q.get('lang') || 'fi-FI',
    theme: q.get('theme') === 'dark' ? 'dark' : 'light',
    width: Number.isFinite(width) && width >= 200 && width <= 1200 ? Math.round(width) : 380,
    worker: q.get('worker') !== 'off',
    grid: q.get('grid') !== 'off',
  };
}
