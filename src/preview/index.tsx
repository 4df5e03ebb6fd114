/** Entry of the browser preview (npm run preview): no office.js, the exceljs adapter instead. */
import { createRoot } from 'react-dom/client';
import { optionsFromUrl } from './options';
import { PreviewApp } from './PreviewApp';

const root = document.getElementById('root');
if (root) createRoot(root).render(<PreviewApp options={optionsFromUrl(window.location.search)} />);
