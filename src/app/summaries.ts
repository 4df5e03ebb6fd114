/**
 * What a run reports besides the sheets: the tables found, the totals per kind and receiver, the
 * engine's own master check and the invoicing summary. A module of its own so that the engine in
 * this thread (localEngine.ts) and the application (run.ts) both use it without importing each other.
 */
import { euros, ZERO } from '../domain/decimal';
import { PLAN_TABLE, TABLES, TABLE_KEYS, headerKey } from '../domain/contract';
import type { Allocation } from '../domain/allocate';
import { computeInvoicing } from '../domain/invoicing';
import type { RawWorkbook } from '../domain/raw';
import { COST_KINDS, PARTIES, type InputModel } from '../domain/types';
import type { InvoicingSummary, KindSummary } from './api';
import { isPlanTable } from './inputs';

/** The table found for each of the five input tables, and for the optional participant plan ('suunnitelma'). */
export function tablesFound(raw: RawWorkbook): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const key of TABLE_KEYS) {
    const names = new Set(TABLES[key].names.map(headerKey));
    out[key] = raw.tables.find((t) => names.has(headerKey(t.name)))?.name ?? null;
  }
  out[PLAN_TABLE.key] = raw.tables.find((t) => isPlanTable(t.name))?.name ?? null;
  return out;
}

/** Totals per kind and receiver as two-decimal strings; kinds without cost lines are left out. */
export function summarise(model: InputModel, alloc: Allocation): KindSummary[] {
  return COST_KINDS.filter((k) => alloc.groups.some((g) => g.kind === k)).map((kind) => ({
    kind,
    total: euros(alloc.costTotals[kind]),
    receivers: [
      ...PARTIES.map((p) => ({ receiver: p as string, level: 'party' as const, amount: euros(alloc.totals[kind].get(p) ?? ZERO) })),
      ...model.municipalities.map((m) => ({
        receiver: m.name,
        level: 'municipality' as const,
        amount: euros(alloc.totals[kind].get(m.name) ?? ZERO),
      })),
    ],
  }));
}

/**
 * The engine's own master check: at both levels every group's parts sum to its amount, and per kind
 * the parties' totals sum to the cost lines and the municipalities' to TVA's.
 */
export function engineMasterCheck(model: InputModel, alloc: Allocation): boolean {
  const sum = (xs: { amount: import('../domain/decimal').Decimal }[]) => xs.reduce((a, p) => a.plus(p.amount), ZERO);
  const groupsOk = alloc.groups.every(
    (g) => sum(g.parties.parts).eq(g.amount) && sum(g.municipalities.parts).eq(g.parties.parts[0].amount),
  );
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
