/**
 * The input parser and validator: RawWorkbook (the tables as they stand) -> InputModel, plus every
 * problem found, each naming its sheet, table, row, column and cell. Pure and synchronous.
 * Matching follows the contract (src/domain/contract.ts) exactly as the written formulas do.
 */
import { TABLE_KEYS, type TableKey } from './contract';
import { error, type Problem } from './problems';
import type { RawWorkbook } from './raw';
import { identityKey, visible } from './text';
import type { InputModel, TableInfo } from './types';
import { parseCosts } from './parse/costs';
import { knownEvents, parsePlan } from './parse/plan';
import { locateTables } from './parse/locate';
import { municipalityIndex, parseMunicipalities } from './parse/municipalities';
import { parseRegistrations } from './parse/registrations';
import { parseSettings } from './parse/settings';
import { parseStaff } from './parse/staff';

export { cellAddress } from './parse/cells';

export interface ParseResult {
  /** null iff any problem is an error. */
  model: InputModel | null;
  problems: Problem[];
}

export function parseWorkbook(raw: RawWorkbook): ParseResult {
  const problems: Problem[] = [];
  const found = locateTables(raw, problems);
  const usable = (k: TableKey) => (found[k]?.usable ? found[k] : undefined);

  const set = usable('asetukset');
  const { settings, rows: settingRows, employerAt, billing } = parseSettings(set, problems);

  const kunnat = usable('kunnat');
  const municipalities = kunnat ? parseMunicipalities(kunnat, settings.municipalBasis, problems) : [];
  // Without a readable, non-empty Kunnat, names elsewhere are not checked (that error is reported already).
  const byName = kunnat && municipalities.length > 0 ? municipalityIndex(municipalities) : null;

  // The administrative employer (written or default) must be a member municipality.
  if (set && byName) {
    const m = byName.get(identityKey(settings.employer));
    if (m) settings.employer = m.name;
    else {
      const where = employerAt ? employerAt.where('value') : { sheet: set.raw.sheet, table: set.raw.name };
      problems.push(
        error('employer-unknown', where, { name: visible(settings.employer), known: municipalities.map((x) => x.name).join(', ') }),
      );
    }
  }

  const staffTable = usable('henkilosto');
  const staff = staffTable ? parseStaff(staffTable, settings.municipalBasis, byName, problems) : [];

  const regTable = usable('ilmoittautumiset');
  const regs = regTable ? parseRegistrations(regTable, problems) : null;

  const plan = parsePlan(raw, problems);

  const costTable = usable('kustannukset');
  const events = knownEvents(regs?.events ?? null, plan);
  const costs = costTable ? parseCosts(costTable, { municipalities: byName, events, employer: settings.employer }, problems) : [];

  if (problems.some((p) => p.severity === 'error')) return { model: null, problems };

  const tables: Record<string, TableInfo> = {};
  for (const k of TABLE_KEYS) if (found[k]) tables[k] = found[k]!.info;
  if (plan.info) tables.suunnitelma = plan.info;
  return {
    model: {
      settings,
      municipalities,
      staff,
      registrations: regs?.list ?? [],
      costs,
      tables,
      settingRows,
      ...(plan.info ? { plan: plan.rows } : {}),
      billing,
    },
    problems,
  };
}
