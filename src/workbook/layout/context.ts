/**
 * What every sheet builder needs to know before any formula is written: the years compared (slots),
 * the groups of every year, the events, the registrations' calculation order, the receivers, and
 * the engine's allocation of each year (the expected values).
 */
import { allocate, groupLines, linesOfYear, modelOfYear, otherCostYears, type Allocation } from '../../domain/allocate';
import { InputError } from '../../domain/problems';
import type { RawTable, RawValue, RawWorkbook } from '../../domain/raw';
import { identityKey } from '../../domain/text';
import { PARTIES, type CostKind, type CostLine, type InputModel, type Pool } from '../../domain/types';

export const SHEETS = {
  results: 'TYM_Tulokset',
  checks: 'TYM_Tarkistukset',
  invoicing: 'TYM_Laskutus',
  comparison: 'TYM_Vertailu',
  staffing: 'TYM_Henkilostoresurssit',
  split: 'TYM_Jako',
  municipal: 'TYM_Kuntajako',
  params: 'TYM_Parametrit',
  rows: 'TYM_Rivit',
  runLog: 'TYM_Ajoloki',
  scenarios: 'TYM_Skenaariot',
  scenarioSplits: 'TYM_Skenaariojako',
  invoiceRows: 'TYM_Laskurivit',
} as const;

export const OUTPUT_SHEET_NAMES: readonly string[] = Object.values(SHEETS);

/** Codes the formulas use for the words of the vocabulary (0 = unknown word). */
export const KIND_CODE: Record<CostKind, number> = { TA: 1, TOT: 2 };
export const POOL_CODE: Record<Pool, number> = { a: 1, muu: 2, b: 3 };
/** Group keys: year slot, kind, pool and event number in one whole number (events below 10^4). */
export const GROUP_KEY = { slot: 1_000_000, kind: 100_000, pool: 10_000 } as const;

/** A year the output computes: slot 1 is the budget year, then the other years of the cost lines, ascending. */
export interface Slot {
  no: number;
  year: number;
  model: InputModel;
  /** The engine's allocation of the year, or why it cannot be made. */
  alloc: Allocation | null;
  reason: string | null;
}

export interface EventEntry {
  /** 1-based event number (0 = no event). */
  no: number;
  name: string;
  eventKey: string;
  /** Table row (1-based) of its first registration, or of its first plan row for a plan-only event: its label is linked there. */
  firstRow: number;
  /** The table of firstRow: the registrations, or the participant plan (an event planned but not yet registered to, issue 12). */
  table: 'ilmoittautumiset' | 'suunnitelma';
}

export interface GroupEntry {
  no: number;
  slot: Slot;
  kind: CostKind;
  pool: Pool;
  eventNo: number;
  /** The engine's split, or null when the year cannot be allocated. */
  split: Allocation['groups'][number] | null;
  /** The cost lines of the group. */
  lines: CostLine[];
  /** First sheet row (0-based) of the group on TYM_Jako and on TYM_Kuntajako. */
  partyFirst: number;
  muniFirst: number;
}

/** One calculation row of the registrations, in the frozen grouped order. */
export interface RegItem {
  /** Table row (1-based). */
  n: number;
  /** Index into model.registrations, or null for a blank table row. */
  index: number | null;
  eventNo: number;
  /** Identity group (same event, same name after TRIM and LOWER): consecutive rows share it. */
  group: number;
  /** First character (1-based) where this group's name differs from the previous group's of the same event. */
  diffAt: number;
}

export interface Ctx {
  model: InputModel;
  alloc: Allocation;
  slots: Slot[];
  events: EventEntry[];
  groups: GroupEntry[];
  regOrder: RegItem[];
  staffRows: number;
  regRows: number;
  costRows: number;
  /** Rows of the participant plan table, 0 when the workbook has none. */
  planRows: number;
  /** Slots with a budget (TA) group of pool b: their previous year's registrations are counted (TYM_Rivit). */
  budgetSlots: Slot[];
  muniRows: number;
  /** Receivers: TVA, HVA, KELA, then the municipalities. */
  receivers: { name: string; level: 'Osapuoli' | 'Kunta' }[];
  /** A cell of an input table as it stands (for the expected value of cells that pass it through), or undefined. */
  raw(tableKey: string, n: number, columnKey: string): RawValue | undefined;
}

/** First 0-based row of the split blocks on TYM_Jako and TYM_Kuntajako. */
export const SPLIT_FIRST = 5;

function slotOf(model: InputModel, no: number, year: number, current: Allocation | null): Slot {
  const m = no === 1 ? model : modelOfYear(model, year);
  if (current) return { no, year, model: m, alloc: current, reason: null };
  try {
    return { no, year, model: m, alloc: allocate(m), reason: null };
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return {
      no,
      year,
      model: m,
      alloc: null,
      reason: `ei laskettavissa: ${e.problems.length} ongelmaa (valitse vuosi ${year} Asetuksista ja tarkista)`,
    };
  }
}

/** Where the first character of `b` differs from `a` (1-based); `a` is a prefix of `b`: its length + 1. */
export function firstDifference(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a.charCodeAt(i) !== b.charCodeAt(i)) return i + 1;
  return n + 1;
}

function registrationOrder(model: InputModel, eventNo: (key: string) => number, tableRows: number): RegItem[] {
  // Names as the formulas see them: LOWER(TRIM(...)); the engine's identity is the same text.
  const items = model.registrations.map((r, index) => ({ n: r.ref.index, index, eventNo: eventNo(r.eventKey), person: r.personKey }));
  items.sort((a, b) => a.eventNo - b.eventNo || (a.person < b.person ? -1 : a.person > b.person ? 1 : 0) || a.n - b.n);
  const out: RegItem[] = [];
  let group = 0;
  items.forEach((it, i) => {
    const prev = items[i - 1];
    const same = prev && prev.eventNo === it.eventNo && prev.person === it.person;
    if (!same) group += 1;
    const diffAt = !same && prev && prev.eventNo === it.eventNo ? firstDifference(prev.person, it.person) : 1;
    out.push({ n: it.n, index: it.index, eventNo: it.eventNo, group, diffAt });
  });
  // Blank table rows last, each its own group: they never count, and the order check keeps them last.
  const used = new Set(out.map((x) => x.n));
  for (let n = 1; n <= tableRows; n++) if (!used.has(n)) out.push({ n, index: null, eventNo: 0, group: ++group, diffAt: 1 });
  return out;
}

export function buildContext(model: InputModel, alloc: Allocation, rawWorkbook: RawWorkbook | null = null): Ctx {
  const rawTables = new Map<string, RawTable>();
  for (const [key, info] of Object.entries(model.tables)) {
    const t = rawWorkbook?.tables.find((x) => x.name === info.name && x.sheet === info.sheet);
    if (t) rawTables.set(key, t);
  }
  const raw = (tableKey: string, n: number, columnKey: string): RawValue | undefined => {
    const t = rawTables.get(tableKey);
    const header = model.tables[tableKey]?.columns[columnKey];
    if (!t || header === undefined) return undefined;
    const i = t.headers.indexOf(header);
    return i < 0 ? undefined : (t.rows[n - 1]?.[i]?.value ?? null);
  };
  const events: EventEntry[] = [];
  const byKey = new Map<string, number>();
  for (const r of model.registrations) {
    if (byKey.has(r.eventKey)) continue;
    byKey.set(r.eventKey, events.length + 1);
    events.push({ no: events.length + 1, name: r.event, eventKey: r.eventKey, firstRow: r.ref.index, table: 'ilmoittautumiset' });
  }
  // Events named only in the plan (no registration in any year yet): a budget line of pool b may name them.
  for (const p of model.plan ?? []) {
    if (p.eventKey === null || p.event === null || byKey.has(p.eventKey)) continue;
    byKey.set(p.eventKey, events.length + 1);
    events.push({ no: events.length + 1, name: p.event, eventKey: p.eventKey, firstRow: p.ref.index, table: 'suunnitelma' });
  }
  const eventNo = (key: string | null) => (key === null ? 0 : (byKey.get(key) ?? byKey.get(identityKey(key)) ?? 0));

  const slots: Slot[] = [
    slotOf(model, 1, model.settings.year, alloc),
    ...otherCostYears(model).map((y, i) => slotOf(model, i + 2, y, null)),
  ];
  const groups: GroupEntry[] = [];
  let partyRow = SPLIT_FIRST;
  let muniRow = SPLIT_FIRST;
  const m = model.municipalities.length;
  for (const slot of slots) {
    // The year's groups as the engine forms them; their splits when the year can be allocated.
    const drafts = groupLines(linesOfYear(slot.model));
    drafts.forEach((d, i) => {
      const split = slot.alloc ? slot.alloc.groups[i] : null;
      if (split && (split.kind !== d.kind || split.pool !== d.pool || split.eventKey !== d.eventKey))
        throw new Error('group order differs from the allocation');
      groups.push({
        no: groups.length + 1,
        slot,
        kind: d.kind,
        pool: d.pool,
        eventNo: eventNo(d.eventKey),
        split,
        lines: d.lines,
        partyFirst: partyRow,
        muniFirst: muniRow,
      });
      partyRow += PARTIES.length;
      muniRow += m;
    });
  }
  const rowsOf = (t: string) => Math.max(1, model.tables[t]?.rowCount ?? 0);
  const regRows = rowsOf('ilmoittautumiset');
  return {
    model,
    alloc,
    slots,
    events,
    groups,
    regOrder: registrationOrder(model, (k) => eventNo(k), regRows),
    staffRows: rowsOf('henkilosto'),
    regRows,
    costRows: rowsOf('kustannukset'),
    planRows: model.tables.suunnitelma ? rowsOf('suunnitelma') : 0,
    budgetSlots: slots.filter((s) => groups.some((g) => g.slot === s && g.kind === 'TA' && g.pool === 'b')),
    muniRows: rowsOf('kunnat'),
    raw,
    receivers: [
      ...PARTIES.map((p) => ({ name: p as string, level: 'Osapuoli' as const })),
      ...model.municipalities.map((x) => ({ name: x.name, level: 'Kunta' as const })),
    ],
  };
}

export function eventNoOf(ctx: Ctx, eventKey: string | null): number {
  if (eventKey === null) return 0;
  return ctx.events.find((e) => e.eventKey === eventKey)?.no ?? 0;
}
