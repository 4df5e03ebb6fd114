/**
 * Output layout: InputModel + Allocation -> the output sheets, with every formula and the engine's
 * value of it. Pure: no Excel, no I/O; the adapters write what this returns.
 */
import type { Allocation } from '../../domain/allocate';
import type { InputModel } from '../../domain/types';
import type { SheetSpec } from '../sheetSpec';
import { buildChecks } from './checks';
import { buildComparison } from './comparison';
import { buildInvoicing } from './invoicing';
import { buildInvoiceRows } from './invoiceRows';
import { computeScenarios } from '../../domain/scenarios';
import { buildScenarios } from './scenarios';
import { buildScenarioSplits } from './scenarioSplits';
import { buildBudgetKey, hasBudgetPoolB } from './budgetKey';
import { buildStaffing } from './staffing';
import { buildParams } from './params';
import { computePositions } from './positions';
import { buildResults } from './results';
import { buildRows } from './rows';
import { buildMunicipalSplit, buildPartySplit, splitRows } from './splits';

export { OUTPUT_SHEET_NAMES, SHEETS } from './positions';
export { MASTER_CHECK_ROW } from './checks';
export { RESULT_TABLE, RESULT_HEADERS } from './results';

/** The output sheets in workbook order: results, checks and invoicing first (outputs), then the calculations, parameters and rows. */
export function buildOutputSheets(model: InputModel, alloc: Allocation): SheetSpec[] {
  const pos = computePositions(model);
  const rows = splitRows(model, alloc);
  const { sheet: invoicingSheet, invoicing } = buildInvoicing(model, alloc, pos);
  const comparison = buildComparison(model, alloc, pos);
  const scenarios = computeScenarios(model, alloc);
  return [
    buildResults(model, alloc, pos, rows),
    buildChecks(model, alloc, pos, invoicing),
    invoicingSheet,
    buildInvoiceRows(model, alloc, pos, invoicing),
    buildScenarios(model, alloc, pos, scenarios),
    ...(comparison ? [comparison] : []),
    buildStaffing(model, alloc, pos),
    buildPartySplit(model, alloc, pos, rows),
    buildMunicipalSplit(model, alloc, pos, rows),
    buildScenarioSplits(model, alloc, pos, rows, scenarios),
    ...(hasBudgetPoolB(alloc) ? [buildBudgetKey(model, alloc, pos)] : []),
    buildParams(model, alloc, pos),
    buildRows(model, alloc, pos),
  ];
}
