/** A row of TYM_Tarkistukset contributed by a sheet of issue 12: label, a TRUE/FALSE formula, explanation. */
export interface CheckRow {
  label: string;
  formula: string;
  note: string;
}
