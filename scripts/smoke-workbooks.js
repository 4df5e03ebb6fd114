#!/usr/bin/env node
/**
 * npm run smoke:workbooks [DIR]: the workbooks the Excel smoke test (docs/EXCEL-SMOKE-TEST.md) opens,
 * written to DIR (default out/smoke):
 *   smoke-1x.xlsx             the realistic sample year (2026)
 *   smoke-1904.xlsx           the same data in a workbook on the 1904 date system (same dates, serials 1,462 lower)
 *   smoke-hidden-column.xlsx  the sample with the staff table's first column hidden and its 5th data row hidden
 *   smoke-30x.xlsx            30 times the realistic size (its result is over Excel on the web's 5 MB per request)
 * Needs `npm run build:cli` first (the npm script does it).
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');

/** The sample on the 1904 date system: exceljs writes each Date as its 1904 serial. */
function to1904(wb) {
  wb.properties.date1904 = true;
  return wb;
}

/** The staff sheet's first table column hidden, and its 5th data row. */
function hideFirstColumn(wb) {
  const ws = wb.worksheets.find((s) => s.getTables().some((t) => (t.table ?? t).name === 'Henkilosto'));
  const table = ws.getTables().find((t) => (t.table ?? t).name === 'Henkilosto');
  const ref = (table.table ?? table).tableRef ?? (table.table ?? table).ref;
  const m = /^([A-Z]+)(\d+)/.exec(ref);
  ws.getColumn(m[1]).hidden = true;
  ws.getRow(Number(m[2]) + 5).hidden = true;
  return wb;
}

async function main() {
  const outDir = path.resolve(process.argv[2] ?? path.join(root, 'out', 'smoke'));
  const { buildSampleInputs } = require(path.join(root, 'dist', 'node', 'sample', 'sample.js'));
  fs.mkdirSync(outDir, { recursive: true });
  const write = async (name, wb) => {
    await wb.xlsx.writeFile(path.join(outDir, name));
    console.log(`[smoke] ${path.relative(process.cwd(), path.join(outDir, name))}`);
  };
  await write('smoke-1x.xlsx', await buildSampleInputs({ year: 2026 }));
  await write('smoke-1904.xlsx', to1904(await buildSampleInputs({ year: 2026 })));
  await write('smoke-hidden-column.xlsx', hideFirstColumn(await buildSampleInputs({ year: 2026 })));
  await write('smoke-30x.xlsx', await buildSampleInputs({ year: 2026, scale: 30 }));
}

module.exports = { to1904, hideFirstColumn };

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
