/** The application over any WorkbookPort: validate, run (allocate and write), verify. */
import { euros, ZERO } from '../domain/decimal';
import { TABLES, TABLE_KEYS, headerKey } from '../domain/contract';
import type { Allocation } from '../domain/allocate';
import { COST_KINDS, PARTIES } from '../domain/types';
import type { InputModel } from '../domain/types';
import { OUTPUT_SHEET_NAMES } from '../workbook/layout';
import type { WorkbookPort } from '../workbook/port';
import type { AllocationApp, InvoicingSummary, KindSummary, RunReport, RunStep, ValidationReport, VerifyReport } from './api';
import { computeInvoicing } from '../domain/invoicing';
import { allocateInputs, computeOutputs, hasErrors, layoutOutputs, validateAndAllocate, validateInputs } from './pipeline';
import { compareOutputs } from './verify';
import { summariseBudgetKeys, summariseInvoiceRows } from './invoiceData';
import type { RawWorkbook } from '../domain/raw';

export function tablesFound(raw: RawWorkbook): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const key of TABLE_KEYS) {
    const names = new Set(TABLES[key].names.map(headerKey));
    out[key] = raw.tables.find((t) => names.has(headerKey(t.name)))?.name ?? null;
  }
  return out;
}

/** Totals per kind and receiver as two-decimal strings; kinds without cost lines are left out. */
export function summarise(model: InputModel, alloc: Allocation): KindSummary[] {
  return COST_KINDS.filter((k) => alloc.groups.some((g) => g.kind === k)).map((kind) => ({
    kind,
    total: euros(alloc.costTotals[kind]),
    receivers: [
      ...PARTIES.map((p) => ({ receiver: p as string, level: 'party' as const, amount: euros(alloc.totals[kind].get(p) ?? ZERO) })),
      ...model.municipalities.map((m) => ({ receiver: m.name, level: 'municipality' as const, amount: euros(alloc.totals[kind].get(m.name) ?? ZERO) })),
    ],
  }));
}

/**
 * The engine's own master check: at both levels every group's parts sum to its amount, and per kind
 * the parties' totals sum to the cost lines and the municipalities' to TVA's.
 */
export function engineMasterCheck(model: InputModel, alloc: Allocation): boolean {
  const sum = (xs: { amount: import('../domain/decimal').Decimal }[]) => xs.reduce((a, p) => a.plus(p.amount), ZERO);
  const groupsOk = alloc.groups.every((g) => sum(g.parties.parts).eq(g.amount) && sum(g.municipalities.parts).eq(g.parties.parts[0].amount));
  const totalsOk = COST_KINDS.every((k) => {
    const t = alloc.totals[k];
    const parties = PARTIES.reduce((a, p) => a.plus(t.get(p)!), ZERO);
    const munis = model.municipalities.reduce((a, m) => a.plus(t.get(m.name)!), ZERO);
    return parties.eq(alloc.costTotals[k]) && munis.eq(t.get('TVA')!);
  });
  return groupsOk && totalsOk;
}

export function summariseInvoicing(model: InputModel, alloc: Allocation): InvoicingSummary {
  const inv = computeInvoicing(model, alloc);
  return {
    period: inv.period,
    dueMonths: inv.dueMonths,
    employer: inv.employer,
    receivers: inv.receivers.map((r) => ({
      receiver: r.receiver,
      isEmployer: r.isEmployer,
      taShare: euros(r.taShare),
      taPaid: euros(r.taPaid),
      taNet: euros(r.taNet),
      advances: r.advances.map(euros),
      actual: r.actual && {
        share: euros(r.actual.share),
        paid: euros(r.actual.paid),
        net: euros(r.actual.net),
        advancesBilled: euros(r.actual.advancesBilled),
        settlement: euros(r.actual.settlement),
      },
    })),
  };
}

/** Lets the event loop run (the UI paints) before the next synchronous step. */
const nextTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export function createAllocationApp(port: WorkbookPort): AllocationApp {
  return {
    async validate(): Promise<ValidationReport> {
      const raw = await port.readTables();
      const { problems, model } = validateAndAllocate(raw);
      return { problems, tablesFound: tablesFound(raw), settings: model?.settings ?? null, ok: !hasErrors(problems) };
    },

    async run(onProgress?: (step: RunStep) => void): Promise<RunReport> {
      // Each step is reported before it starts, with a pause so the task pane can paint it:
      // the engine is synchronous and takes seconds on very large workbooks.
      const step = async (name: RunStep) => {
        onProgress?.(name);
        if (onProgress) await nextTurn();
      };
      await step('read');
      const raw = await port.readTables();
      await step('validate');
      const parsed = validateInputs(raw);
      if (parsed.model) await step('allocate');
      const allocated = allocateInputs(parsed);
      if (allocated.allocation) await step('layout');
      const result = layoutOutputs(allocated);
      if (!result.ok) return { ok: false, problems: result.problems };
      onProgress?.('write');
      const written = await port.replaceOutputs(result.sheets);
      onProgress?.('done');
      return {
        ok: true,
        problems: result.problems,
        summary: {
          year: result.allocation.year,
          kinds: summarise(result.model, result.allocation),
          sheets: result.sheets.map((s) => s.name),
          masterCheck: engineMasterCheck(result.model, result.allocation),
          invoicing: summariseInvoicing(result.model, result.allocation),
          invoiceRows: summariseInvoiceRows(result.model, result.allocation),
          budgetKeys: summariseBudgetKeys(result.allocation),
          ...(written ? { write: written } : {}),
        },
      };
    },

    async verify(): Promise<VerifyReport> {
      const raw = await port.readTables();
      const result = computeOutputs(raw);
      if (!result.ok) return { ok: false, problems: result.problems, findings: [], cellsChecked: 0 };
      const own = new Set(await port.ownSheetNames());
      const present = OUTPUT_SHEET_NAMES.filter((n) => own.has(n));
      // Values as Excel would show them now: on Manual calculation the adapter recalculates first.
      await port.recalculate?.();
      const actual = await port.readOutputCells(present);
      const { findings, cellsChecked } = compareOutputs(result.sheets, actual);
      return { ok: findings.length === 0, problems: result.problems, findings, cellsChecked };
    },
  };
}
