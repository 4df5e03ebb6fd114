/**
 * The pane's few layout rules as one style sheet (no CSS loader needed in the build). Colours come
 * from Fluent's CSS variables so the dark theme follows.
 */
export const PANE_CSS = `
.tym-pane { padding: 12px 14px 24px; font-family: var(--fontFamilyBase); color: var(--colorNeutralForeground1);
  background: var(--colorNeutralBackground1); min-height: 100%; box-sizing: border-box; }
.tym-header { border-bottom: 1px solid var(--colorNeutralStroke2); padding-bottom: 8px; margin-bottom: 8px; }
.tym-h1 { font-size: var(--fontSizeBase500); line-height: var(--lineHeightBase500); font-weight: var(--fontWeightSemibold); margin: 0 0 4px; }
.tym-h2 { font-size: var(--fontSizeBase400); line-height: var(--lineHeightBase400); font-weight: var(--fontWeightSemibold); margin: 0 0 6px; }
.tym-h3 { font-size: var(--fontSizeBase300); line-height: var(--lineHeightBase300); font-weight: var(--fontWeightSemibold); margin: 12px 0 4px; }
.tym-section { margin: 14px 0; display: flex; flex-direction: column; gap: 6px; }
.tym-stack { display: flex; flex-direction: column; gap: 6px; align-items: flex-start; }
.tym-actions { display: flex; flex-wrap: wrap; gap: 8px; margin: 8px 0; }
.tym-list { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 6px; }
.tym-item { display: flex; gap: 8px; align-items: center; }
.tym-problem { display: flex; gap: 8px; align-items: flex-start; padding: 6px 0; border-bottom: 1px solid var(--colorNeutralStroke3); }
.tym-problem > svg, .tym-item > svg { flex: none; margin-top: 2px; }
.tym-problem-body { display: flex; flex-direction: column; align-items: flex-start; gap: 2px; min-width: 0; overflow-wrap: anywhere; }
.tym-cell-link { padding-left: 0; text-decoration: underline; color: var(--colorBrandForegroundLink); min-width: 0; }
.tym-settings { margin: 4px 0; display: grid; grid-template-columns: 1fr; gap: 2px; }
.tym-setting { display: flex; justify-content: space-between; gap: 8px; border-bottom: 1px dotted var(--colorNeutralStroke3); }
.tym-setting dt { color: var(--colorNeutralForeground2); }
.tym-setting dd { margin: 0; font-weight: var(--fontWeightSemibold); text-align: right; }
.tym-form { display: flex; flex-direction: column; gap: 8px; align-items: stretch; margin-top: 6px; }
.tym-form button { align-self: flex-start; }
.tym-amount { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.tym-group-row td { background: var(--colorNeutralBackground3); }
.tym-kind { margin-top: 8px; }
.tym-chart { margin: 10px 0 0; }
.tym-chart-caption { font-weight: var(--fontWeightSemibold); margin-bottom: 2px; }
.tym-chart-svg { display: block; }
.tym-bar { fill: var(--colorBrandBackground); }
.tym-bar-negative { fill: var(--colorPaletteRedBackground3); }
.tym-chart-labels { position: relative; }
.tym-chart-row { display: flex; align-items: center; font-size: var(--fontSizeBase200); }
.tym-chart-label { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; padding-right: 4px; box-sizing: border-box; }
.tym-chart-amount { flex: 1; text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.tym-steps { margin: 4px 0 0; padding-left: 20px; }
.tym-steps li[data-state="done"] { color: var(--colorNeutralForeground2); }
.tym-sr-only { position: absolute; width: 1px; height: 1px; margin: -1px; overflow: hidden; clip: rect(0,0,0,0); white-space: nowrap; border: 0; }
`;
