/**
 * TYM_Parametrit: the settings in force (found by name), the constants, the years, the keys of
 * every year, the municipalities, the receivers and the groups; the word lists on the right.
 * Everything other sheets read from here is a defined name (src/workbook/layout/names.ts).
 */
import { range } from '../formula';
import { Grid } from '../grid';
import type { NameSpec, SheetSpec } from '../sheetSpec';
import { SHEETS, type Ctx } from './context';
import { eventsBlock } from './events';
import { municipalitiesBlock, partiesBlock } from './keys';
import { groupsBlock, receiversBlock } from './groups';
import { poolBKeyBlock } from './budgetKey';
import type { Check } from './checks';
import { NAMES } from './names';
import { masterBanner } from './results';
import { constantsBlock, wordListsBlock, yearsBlock } from './settings';
import { SETTING_BLOCK_ROWS } from './settingRows';
import { settingsBlock, unknownSettingsFormula, type SettingsInput } from './settingsBlock';

export interface ParamsRefs {
  settingsOk: string;
  settingsCount: string;
  unknownSettings: string;
  muniNumbersOk: string;
  muniNameOk: string;
  agreedSum: string;
  eventsOk: string;
  groupsOk: string;
  yearLines: string;
  yearAtRun: string;
  notComputable: string;
  /** A column of the municipalities block (TYM_Parametrit), sheet-qualified (the scenarios read the keys on every basis). */
  muniCol: (key: string) => string;
}

export function buildParams(ctx: Ctx, input: SettingsInput): { sheet: SheetSpec; refs: ParamsRefs; budgetKeyChecks: Check[] } {
  const g = new Grid();
  const P = SHEETS.params;
  g.value(0, 0, `TYM-kustannustenjako ${ctx.model.settings.year}: parametrit ja jakoavaimet`, 'title');
  masterBanner(g, 1, 0);
  g.value(
    2,
    0,
    'Laskelman kirjoittama taulukko: arvot luetaan syöttötaulukoista kaavoilla, asetukset nimen perusteella. Älä muokkaa; muuta syötteitä ja laske uudelleen.',
    'note',
  );
  const names: NameSpec[] = [];
  const settings = settingsBlock(g, ctx, input, 5);
  names.push(...settings.names);
  const settingsFirst = 6;
  const settingsLast = settingsFirst + SETTING_BLOCK_ROWS - 1;
  const constants = constantsBlock(g, settings.next + 1);
  names.push(...constants.names);
  const years = yearsBlock(g, ctx, constants.next + 1);
  names.push(...years.names);
  const parties = partiesBlock(g, ctx, years.next + 2);
  names.push(...parties.names);
  const events = eventsBlock(g, ctx, parties.next + 3);
  names.push(...events.names);
  const munis = municipalitiesBlock(g, ctx, events.next + 2, parties.tvaNo);
  names.push(...munis.names);
  const receivers = receiversBlock(g, ctx, munis.next + 1, constants.labels);
  names.push(...receivers.names);
  const groups = groupsBlock(g, ctx, receivers.next + 1, constants.labels);
  names.push(...groups.names);
  const budgetKey = poolBKeyBlock(g, ctx, groups.next + 2, events.planEventsOk);
  names.push(...budgetKey.names);
  const width = g.cells.reduce((w, r) => Math.max(w, r.length), 0);
  names.push(...wordListsBlock(g, 5, Math.max(11, width + 1)));
  const mb = munis.block;
  const okCol = 8;
  const countCol = 2;
  const refs: ParamsRefs = {
    settingsOk: `${P}!${range(settingsFirst, okCol, settingsLast, okCol)}`,
    settingsCount: `${P}!${range(settingsFirst, countCol, settingsLast, countCol)}`,
    unknownSettings: '',
    muniNumbersOk: mb.range('numbersOk'),
    muniNameOk: mb.range('nameOk'),
    agreedSum: `IF(${NAMES.municipalBasis}=4,ROUND(SUM(${mb.range('agreed')})-100,6)=0,TRUE)`,
    eventsOk: events.okRange,
    groupsOk: groups.okRange,
    yearLines: years.block.range('lines'),
    yearAtRun: `INDEX(${years.block.range('atRun')},1)`,
    notComputable: constants.labels.notComputable,
    muniCol: (key) => mb.range(key),
  };
  refs.unknownSettings = unknownSettingsFormula(ctx, refs.settingsCount);
  return { sheet: g.toSheet(P, { tabColor: 'FF7F7F7F', names }), refs, budgetKeyChecks: budgetKey.checks };
}
