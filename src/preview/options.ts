/** The preview's URL options. */
export interface PreviewOptions {
  /** URL of the workbook opened first (default: the bundled sample next to the page). */
  file: string;
  displayLanguage: string;
  theme: 'light' | 'dark';
}

/** ?file=URL (default sample.xlsx), ?lang=fi|sv|en (default Finnish), ?theme=dark. */
export function optionsFromUrl(search: string): PreviewOptions {
  const q = new URLSearchParams(search);
  return {
    file: q.get('file') || 'sample.xlsx',
    displayLanguage: q.get('lang') || 'fi-FI',
    theme: q.get('theme') === 'dark' ? 'dark' : 'light',
  };
}
