/** Layout of the preview page around the task pane. */
export const PREVIEW_CSS = `
html, body, #root { height: 100%; margin: 0; }
body { font-family: "Segoe UI", system-ui, sans-serif; font-size: 14px; }
.pv-root { display: flex; height: 100%; }
.pv-pane { width: 380px; flex: none; box-sizing: border-box; border-right: 1px solid #d1d1d1; overflow-y: auto; overflow-x: auto; }
.pv-main { flex: 1; display: flex; flex-direction: column; min-width: 0; }
.pv-toolbar { padding: 8px 12px; border-bottom: 1px solid #d1d1d1; background: #f5f5f5; }
.pv-title { margin: 0 0 6px; }
.pv-buttons { display: flex; gap: 8px; align-items: center; }
.pv-button { display: inline-block; padding: 5px 12px; border: 1px solid #8a8886; border-radius: 4px; background: #fff; cursor: pointer; font: inherit; }
.pv-button:focus-visible, .pv-file:focus-visible + .pv-button { outline: 2px solid #0f6cbd; outline-offset: 1px; }
.pv-file { position: absolute; width: 1px; height: 1px; opacity: 0; }
.pv-file:focus + .pv-button { outline: 2px solid #0f6cbd; }
.pv-status { margin: 6px 0 0; min-height: 1.3em; }
.pv-error { color: #b10e1c; }
.pv-book { flex: 1; display: flex; flex-direction: column; min-height: 0; }
.pv-h2 { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0,0,0,0); }
.pv-tabs { display: flex; flex-wrap: wrap; gap: 2px; padding: 4px 8px 0; border-bottom: 1px solid #d1d1d1; }
.pv-tab { border: 1px solid #d1d1d1; border-bottom: none; background: #f0f0f0; padding: 4px 10px; cursor: pointer; font: inherit; border-radius: 4px 4px 0 0; }
.pv-tab-active { background: #fff; font-weight: 600; color: #0f6cbd; }
.pv-tab:focus-visible { outline: 2px solid #0f6cbd; }
.pv-grid-wrap { flex: 1; overflow: auto; min-height: 0; }
.pv-grid-wrap:focus-visible { outline: 2px solid #0f6cbd; outline-offset: -2px; }
.pv-note { margin: 4px 8px; color: #605e5c; }
.pv-grid { border-collapse: collapse; font-size: 12px; }
.pv-grid th { background: #f3f2f1; color: #605e5c; font-weight: normal; border: 1px solid #e1dfdd; padding: 1px 4px; position: sticky; top: 0; }
.pv-grid tbody th { position: sticky; left: 0; text-align: right; }
.pv-grid td { border: 1px solid #edebe9; padding: 1px 4px; white-space: nowrap; max-width: 260px; overflow: hidden; text-overflow: ellipsis; }
.pv-num { text-align: right; font-variant-numeric: tabular-nums; }
.pv-formula { background: #f7fbff; }
.pv-in-range { background: #fff4ce; }
.pv-selected { outline: 3px solid #c50f1f; outline-offset: -2px; background: #fff4ce !important; }
.pv-sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0,0,0,0); white-space: nowrap; }
`;
