/**
 * The domain vocabulary the faces (task pane, preview, command line) may use: the workbook
 * contract's table and setting names and accepted words, problems and their messages, the settings
 * type. The faces import the application layer only (docs/ARCHITECTURE.md); this module is where
 * they get the domain's words from.
 */
export {
  BILLING_PERIOD_WORDS,
  canonicalWords,
  MUNICIPAL_BASIS_WORDS,
  PLAN_TABLE,
  SETTING_KEYS,
  SETTINGS,
  STAFF_BASIS_WORDS,
  TABLE_KEYS,
  TABLES,
  headerKey,
  wordOf,
  locateSetting,
  type SettingKey,
  type TableKey,
} from '../domain/contract';
export { DECIMAL_TEXT, formatAmount, formatDecimalText, formatEuro, type AmountTextOptions } from '../domain/amountText';
export { formatProblem, type Lang, type Problem } from '../domain/problems';
export { identityKey } from '../domain/text';
export type { BillingPeriod, MunicipalBasis, Settings, StaffBasis } from '../domain/types';
export { formatWhere } from '../domain/problems';
export { problemTarget, type CellTarget } from './locate';
export { isPlanTable, type TableLocation } from './inputs';
