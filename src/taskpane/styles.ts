/**
 * The pane's few layout rules as one style sheet (no CSS loader needed in the build). Colours come
 * from Fluent's CSS variables so the dark theme follows. Everything fits 320 px: long words wrap,
 * only the invoicing grid scrolls sideways, inside its own region.
 */
export const PANE_CSS = `
.tym-pane { padding: 12px 14px 24px; font-family: var(--fontFamilyBase); color: var(--colorNeutralForeground1);
  background: var(--colorNeutralBackground1); min-height: 100vh; box-sizing: border-box; overflow-wrap: anywhere; }
.tym-pane *, .tym-pane *::before, .tym-pane *::after { box-sizing: border-box; }
.tym-header { border-bottom: 1px solid var(--colorNeutralStroke2); padding-bottom: 8px; margin-bottom: 8px; }
.tym-brand { display: flex; align-items: center; gap: 8px; margin-bottom: 2px; }
.tym-brand-icon { flex: none; border-radius: 4px; }
.tym-tagline { display: flex; align-items: flex-start; justify-content: space-between; gap: 8px; }
.tym-help { flex: none; }
.tym-h1 { font-size: var(--fontSizeBase500); line-height: var(--lineHeightBase500); overflow-wrap: normal; font-weight: var(--fontWeightSemibold); margin: 0; min-width: 0; }
.tym-h2 { font-size: var(--fontSizeBase400); line-height: var(--lineHeightBase400); font-weight: var(--fontWeightSemibold); margin: 0 0 6px; }
.tym-h3 { font-size: var(--fontSizeBase300); line-height: var(--lineHeightBase300); font-weight: var(--fontWeightSemibold); margin: 12px 0 4px; }
.tym-section { margin: 14px 0; display: flex; flex-direction: column; gap: 6px; min-width: 0; }
.tym-stack { display: flex; flex-direction: column; gap: 6px; align-items: flex-start; }
.tym-actions { display: flex; flex-wrap: wrap; gap: 8px; margin: 8px 0; }
.tym-actions > button { max-width: 100%; white-space: normal; }
.tym-list { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 6px; }
.tym-list[hidden] { display: none; }
.tym-item { display: flex; gap: 8px; align-items: center; }
.tym-problem { display: flex; gap: 8px; align-items: flex-start; padding: 6px 0; border-bottom: 1px solid var(--colorNeutralStroke3); }
.tym-problem > svg, .tym-item > svg { flex: none; margin-top: 2px; }
.tym-problem-body { display: flex; flex-direction: column; align-items: flex-start; gap: 2px; min-width: 0; }
.tym-cell-link { padding-left: 0; text-decoration: underline; color: var(--colorBrandForegroundLink); min-width: 0; max-width: 100%; height: auto; text-align: left; white-space: normal; }
.tym-problem-group .tym-h3 { margin-top: 8px; }
.tym-causes, .tym-fold-wide { align-self: stretch; min-width: 0; }
.tym-causes { gap: 0; }
.tym-cause { display: flex; flex-direction: column; gap: 4px; padding: 6px 0; border-bottom: 1px solid var(--colorNeutralStroke3); min-width: 0; }
.tym-cause-line { display: flex; gap: 8px; align-items: flex-start; }
.tym-cause-line > svg { flex: none; margin-top: 2px; }
.tym-cause > .tym-fold, .tym-cause > .tym-problem-group { margin-left: 24px; }
.tym-fold .tym-problem:last-child { border-bottom: 0; }
.tym-optional { display: flex; flex-direction: column; align-items: flex-start; gap: 4px; margin-top: 4px; }
.tym-optional > button { max-width: 100%; white-space: normal; }
.tym-fold { border: 1px solid var(--colorNeutralStroke2); border-radius: 4px; padding: 4px 8px; }
.tym-fold-summary { cursor: pointer; font-weight: var(--fontWeightSemibold); padding: 4px 0; }
.tym-fold-summary:focus-visible, .tym-card:focus-visible, .tym-scroll-x:focus-visible { outline: 2px solid var(--colorStrokeFocus2); outline-offset: 2px; }
.tym-card { border: 1px solid var(--colorNeutralStroke1); border-left: 4px solid var(--colorPaletteGreenBorderActive); border-radius: 6px;
  padding: 10px 12px; margin: 4px 0 10px; display: flex; flex-direction: column; gap: 6px; background: var(--colorNeutralBackground1); }
.tym-card[data-freshness="stale"] { border-left-color: var(--colorPaletteDarkOrangeBorderActive); background: var(--colorPaletteYellowBackground1); }
.tym-card[data-freshness="checking"] { border-left-color: var(--colorNeutralStroke1); }
.tym-card-head { display: flex; align-items: center; justify-content: space-between; gap: 8px; flex-wrap: wrap; }
.tym-card-head .tym-h2 { margin: 0; }
.tym-card .tym-actions { margin: 4px 0 0; }
.tym-totals { margin: 4px 0 0; display: grid; grid-template-columns: 1fr; gap: 1px; }
.tym-total-row { display: flex; justify-content: space-between; gap: 8px; padding: 1px 0 1px 12px; }
.tym-total-row dt { color: var(--colorNeutralForeground2); min-width: 0; }
.tym-total-row dd { margin: 0; }
.tym-total-kind { padding-left: 0; border-bottom: 1px solid var(--colorNeutralStroke2); font-weight: var(--fontWeightSemibold); }
.tym-total-kind dt { color: var(--colorNeutralForeground1); }
.tym-stale-line { color: var(--colorPaletteDarkOrangeForeground1); font-weight: var(--fontWeightSemibold); }
.tym-settings { margin: 4px 0; display: grid; grid-template-columns: 1fr; gap: 2px; }
.tym-setting { display: flex; justify-content: space-between; align-items: baseline; gap: 8px; border-bottom: 1px dotted var(--colorNeutralStroke3); padding: 2px 0; }
.tym-setting dt { color: var(--colorNeutralForeground2); min-width: 0; flex: 1 1 50%; }
.tym-setting dd { margin: 0; font-weight: var(--fontWeightSemibold); text-align: right; min-width: 0; flex: 0 1 auto; max-width: 55%; }
.tym-form { display: flex; flex-direction: column; gap: 8px; align-items: stretch; margin-top: 6px; width: 100%; }
.tym-form button[type="submit"] { align-self: flex-start; }
.tym-dropdown { min-width: 0; width: 100%; }
.tym-dropdown button { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.tym-amount { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.tym-amount-head > div, .tym-amount-head > button { justify-content: flex-end; text-align: right; width: 100%; }
.tym-group-row td { background: var(--colorNeutralBackground3); }
.tym-kind { margin-top: 8px; display: flex; flex-direction: column; gap: 4px; }
.tym-table { width: 100%; }
.tym-grid { font-size: var(--fontSizeBase200); }
.tym-scroll-x { overflow-x: auto; max-width: 100%; border: 1px solid var(--colorNeutralStroke2); border-radius: 4px; }
.tym-grid .tym-grid-first { position: sticky; left: 0; z-index: 1; background: var(--colorNeutralBackground1); flex: 0 0 5.75rem; min-width: 5.75rem; padding-left: 6px; padding-right: 4px; overflow-wrap: normal; }
.tym-grid .tym-grid-num { justify-content: flex-end; text-align: right; flex: 1 0 5.25rem; min-width: 5.25rem; padding-left: 4px; padding-right: 6px; }
.tym-grid .tym-grid-head { font-weight: var(--fontWeightSemibold); white-space: normal; }
.tym-grid .tym-grid-num .fui-TableHeaderCell__button, .tym-grid .tym-grid-num > div { justify-content: flex-end; text-align: right; }
.tym-payer, .tym-settlement { display: flex; flex-direction: column; min-width: 0; }
.tym-settlement { align-items: flex-end; }
.tym-subtle { color: var(--colorNeutralForeground2); }
.tym-code { font-family: var(--fontFamilyMonospace); font-size: var(--fontSizeBase200); overflow-wrap: anywhere; }
.tym-chart { margin: 10px 0 0; }
.tym-chart-caption { font-weight: var(--fontWeightSemibold); margin-bottom: 4px; }
.tym-chart-body { display: flex; flex-direction: column; gap: 4px; }
.tym-chart-row { display: flex; flex-direction: column; font-size: var(--fontSizeBase200); }
.tym-chart-label { min-width: 0; }
.tym-chart-line { display: flex; align-items: center; gap: 6px; }
.tym-chart-track { flex: 1; min-width: 0; height: 10px; }
.tym-bar { display: block; height: 100%; min-width: 1px; background: var(--colorBrandBackground); border-radius: 2px; }
.tym-bar-negative { background: var(--colorPaletteRedBackground3); }
.tym-chart-amount { flex: none; text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.tym-steps { margin: 4px 0 0; padding-left: 20px; }
.tym-steps li[data-state="done"] { color: var(--colorNeutralForeground2); }
.tym-sr-only { position: absolute; width: 1px; height: 1px; margin: -1px; overflow: hidden; clip: rect(0,0,0,0); white-space: nowrap; border: 0; }
`;
