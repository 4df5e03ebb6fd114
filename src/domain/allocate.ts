/**
 * The allocation engine (contract section 9, appendix 6; docs/allocation-rules.md §2 and §4).
 * Pure and synchronous: InputModel -> Allocation. Every split is exact to the cent.
 */
import { poolBKeys, type KeySource, type PoolBKeys } from './budgetKey';
import { MUNICIPAL_BASIS_WORDS, STAFF_BASIS_WORDS, wordOf } from './contract';
import { type Decimal, ZERO } from './decimal';
import { countRegistrations, staffKeyByParty, type KeyValue, type RegistrationCount } from './keys';
import { largestRemainder, type ShareSpec, type Split } from './largestRemainder';
import { municipalKey, registrationShares, share, staffPoolShares } from './shares';
import { error, InputError, warning, type Problem } from './problems';
import { exactRangeProblems } from './exactRange';
import { COST_KINDS, PARTIES, type CostKind, type CostLine, type InputModel, type PartyCode, type Pool, type RowRef } from './types';

export interface AllocationGroup {
  /** Stable identity, e.g. "TA|a", "TOT|b|kehittämispäivä 1", "TA|b|" (pool b lines with no event). */
  id: string;
  kind: CostKind;
  pool: Pool;
  /** Event name for pool b lines tied to an event; null otherwise. */
  event: string | null;
  eventKey: string | null;
  /** Sum of the group's cost lines. */
  amount: Decimal;
  lines: RowRef[];
  /** Level 1: the amount over TVA, HVA, KELA (in that order). */
  parties: Split;
  /** Level 2: TVA's rounded share over the municipalities (in Kunnat order). */
  municipalities: Split;
  /** Where the level-1 key comes from (pool b budget lines: plan, registrations or the previous year's). */
  keySource: KeySource;
}

export interface Allocation {
  year: number;
  groups: AllocationGroup[];
  /** Per kind and receiver (TVA, HVA, KELA, each municipality): the sum of its rounded group shares. */
  totals: Record<CostKind, Map<string, Decimal>>;
  /** Per kind: the sum of the cost lines of the year. */
  costTotals: Record<CostKind, Decimal>;
  staffKeys: Record<PartyCode, KeyValue>;
  municipalKeys: Map<string, Decimal>;
  registrations: RegistrationCount;
  /** The pool b keys of every source (issue 12: plan and previous year for budget lines). */
  poolB: PoolBKeys;
  warnings: Problem[];
}

const NO_EVENT = '';

/** Cost lines of the budget year (blank Vuosi = the settings year). */
export function linesOfYear(model: InputModel): CostLine[] {
  return model.costs.filter((c) => c.year === null || c.year === model.settings.year);
}

interface GroupDraft {
  kind: CostKind;
  pool: Pool;
  event: string | null;
  eventKey: string | null;
  lines: CostLine[];
}

/** Groups in a fixed order: per kind, pool a, pool muu, pool b events in order of first cost line, pool b without event. */
export function groupLines(lines: CostLine[]): GroupDraft[] {
  const out: GroupDraft[] = [];
  for (const kind of COST_KINDS) {
    const ofKind = lines.filter((l) => l.kind === kind);
    for (const pool of ['a', 'muu'] as const) {
      const ls = ofKind.filter((l) => l.pool === pool);
      if (ls.length) out.push({ kind, pool, event: null, eventKey: null, lines: ls });
    }
    const b = ofKind.filter((l) => l.pool === 'b');
    const byEvent = new Map<string, GroupDraft>();
    for (const l of b) {
      if (l.eventKey === null) continue;
      let g = byEvent.get(l.eventKey);
      if (!g) byEvent.set(l.eventKey, (g = { kind, pool: 'b', event: l.event, eventKey: l.eventKey, lines: [] }));
      g.lines.push(l);
    }
    out.push(...byEvent.values());
    const noEvent = b.filter((l) => l.eventKey === null);
    if (noEvent.length) out.push({ kind, pool: 'b', event: null, eventKey: null, lines: noEvent });
  }
  return out;
}

/** The years the cost lines name other than the budget year (blank Vuosi = the budget year), ascending. */
export function otherCostYears(model: InputModel): number[] {
  return [...new Set(model.costs.map((c) => c.year ?? model.settings.year))].filter((y) => y !== model.settings.year).sort((a, b) => a - b);
}

/** The same inputs seen from another budget year: blank Vuosi keeps meaning the settings year. */
export function modelOfYear(model: InputModel, year: number): InputModel {
  const costs = model.costs.map((c) => (c.year === null ? { ...c, year: model.settings.year } : c));
  // So does a blank Vuosi of the participant plan (issue 12): a row for the budget year, not for every year.
  const plan = model.plan?.map((p) => (p.year === null ? { ...p, year: model.settings.year } : p));
  return { ...model, costs, ...(plan ? { plan } : {}), settings: { ...model.settings, year } };
}

export function groupId(g: { kind: CostKind; pool: Pool; eventKey: string | null }): string {
  return g.pool === 'b' ? `${g.kind}|b|${g.eventKey ?? NO_EVENT}` : `${g.kind}|${g.pool}`;
}

const POOL_NAMES: Record<Pool, string> = { a: 'a', muu: 'muu', b: 'b' };

function groupLabel(g: GroupDraft): string {
  return `${g.kind} ${POOL_NAMES[g.pool]}${g.pool === 'b' ? ` (${g.event ?? 'ei tilaisuutta'})` : ''}`;
}

/**
 * Allocates every group of the year (docs/allocation-rules.md §4.5-§4.7). Throws InputError when a
 * key cannot split an amount (zero key total, an event with no registrants in the year: §4.4).
 */
export function allocate(model: InputModel): Allocation {
  const problems: Problem[] = [];
  const staffKeys = staffKeyByParty(model);
  const registrations = countRegistrations(model);
  const poolB = poolBKeys(model, registrations);
  const warnings: Problem[] = [...registrations.warnings];

  const muniKey = municipalKey(model);
  const muniTotal = [...muniKey.values()].reduce((a, v) => a.plus(v.units), ZERO);
  const muniShares: ShareSpec[] = [...muniKey.entries()].map(([name, v]) => share(name, v.shown, v.units, muniTotal));

  const lines = linesOfYear(model);
  const drafts = groupLines(lines);
  const henk = model.tables.henkilosto;
  const where = (refs: RowRef[]) => ({ sheet: refs[0]?.sheet, table: refs[0]?.table, row: refs[0]?.sheetRow });
  if (!drafts.length) {
    const k = model.tables.kustannukset;
    throw new InputError([error('no-cost-lines', { sheet: k?.sheet, table: k?.name }, { year: model.settings.year })]);
  }
  // The formulas are exact in a proven range (src/domain/exactRange.ts): refuse beyond it, for the
  // budget year and for every other year the cost lines name (the year comparison computes those too).
  const rangeProblems = exactRangeProblems(model, lines);
  for (const year of otherCostYears(model)) {
    const other = modelOfYear(model, year);
    for (const p of exactRangeProblems(other, linesOfYear(other))) {
      if (!rangeProblems.some((q) => q.code === p.code && JSON.stringify(q.where) === JSON.stringify(p.where))) rangeProblems.push(p);
    }
  }
  if (rangeProblems.length) throw new InputError(rangeProblems);

  if (drafts.length && muniTotal.isZero()) {
    problems.push(
      error(
        'key-total-zero',
        { sheet: model.tables.kunnat?.sheet, table: model.tables.kunnat?.name },
        {
          // Messages name the basis by the word the workbook uses for it.
          key: wordOf(MUNICIPAL_BASIS_WORDS, model.settings.municipalBasis),
          group: 'TVA → kunnat',
          rows: lines.map((l) => l.ref.sheetRow).join(', '),
          hint:
            model.settings.municipalBasis === 'staff' ? 'TVA:n henkilöstön kunnat (Henkilosto, Kunta)' : 'Kunnat-taulukon jakoavainsarake',
        },
      ),
    );
  }

  const groups: AllocationGroup[] = [];
  for (const d of drafts) {
    const choice = d.pool === 'b' ? poolB.choose(d.kind, d.eventKey) : null;
    const shares = d.pool === 'b' ? (choice ? registrationShares(choice.counts) : null) : staffPoolShares(model, staffKeys);
    const refs = d.lines.map((l) => l.ref);
    const rows = refs.map((r) => r.sheetRow).join(', ');
    if (shares === null && d.pool === 'b' && d.kind === 'TA') {
      const code = d.eventKey !== null ? 'budget-event-without-key' : 'budget-year-without-key';
      const column = d.eventKey !== null ? model.tables.kustannukset?.columns.event : undefined;
      problems.push(
        error(
          code,
          { ...where(refs), ...(column ? { column } : {}) },
          { event: d.event ?? '', year: model.settings.year, previousYear: poolB.previousYear, rows },
        ),
      );
      continue;
    }
    if (choice?.source === 'previous-year') {
      const c = choice.counts;
      warnings.push(
        warning('budget-key-previous-year', where(refs), {
          group: groupLabel(d),
          rows,
          year: model.settings.year,
          previousYear: poolB.previousYear,
          tva: c.TVA,
          hva: c.HVA,
          kela: c.KELA,
        }),
      );
    }
    if (shares === null) {
      if (d.pool === 'b' && d.eventKey !== null) {
        const kust = model.tables.kustannukset;
        problems.push(
          error(
            'event-without-registrants',
            { ...where(refs), column: kust?.columns.event },
            { event: d.event ?? '', year: model.settings.year, rows },
          ),
        );
      } else {
        problems.push(
          error('key-total-zero', d.pool === 'b' ? where(refs) : { sheet: henk?.sheet, table: henk?.name }, {
            key: d.pool === 'b' ? 'ilmoittautuneet' : wordOf(STAFF_BASIS_WORDS, model.settings.staffBasis),
            group: groupLabel(d),
            rows,
            hint: d.pool === 'b' ? 'Ilmoittautumiset' : 'Henkilosto (TVA- ja HVA-rivit)',
          }),
        );
      }
      continue;
    }
    if (muniTotal.isZero()) continue;
    const amount = d.lines.reduce((a, l) => a.plus(l.amount), ZERO);
    const parties = largestRemainder(amount, shares);
    const tva = parties.parts[0].amount;
    groups.push({
      id: groupId(d),
      kind: d.kind,
      pool: d.pool,
      event: d.event,
      eventKey: d.eventKey,
      amount,
      lines: refs,
      parties,
      municipalities: largestRemainder(tva, muniShares),
      keySource: choice?.source ?? 'staff',
    });
  }
  if (problems.length) throw new InputError(problems);

  const totals = { TA: new Map<string, Decimal>(), TOT: new Map<string, Decimal>() } as Record<CostKind, Map<string, Decimal>>;
  const costTotals = { TA: ZERO, TOT: ZERO } as Record<CostKind, Decimal>;
  for (const kind of COST_KINDS) {
    const t = totals[kind];
    for (const p of PARTIES) t.set(p, ZERO);
    for (const m of model.municipalities) t.set(m.name, ZERO);
  }
  for (const g of groups) {
    const t = totals[g.kind];
    costTotals[g.kind] = costTotals[g.kind].plus(g.amount);
    for (const part of [...g.parties.parts, ...g.municipalities.parts]) t.set(part.receiver, t.get(part.receiver)!.plus(part.amount));
  }
  return {
    year: model.settings.year,
    groups,
    totals,
    costTotals,
    staffKeys,
    municipalKeys: new Map([...muniKey.entries()].map(([n, v]) => [n, v.shown])),
    registrations,
    poolB,
    warnings,
  };
}
