/**
 * The workbook-level defined names of the output (FAST: named parameters and named calculation
 * columns instead of addresses). Each is owned by the sheet that holds it (SheetSpec.names) and
 * replaced with it on a rerun. Formulas on every output sheet read through these names, so an
 * auditor reads SUMIFS(TYM_KUST_SENTIT, TYM_KUST_RYHMA, $A5) instead of addresses.
 */
export const NAMES = {
  // The master check (TYM_Tarkistukset).
  master: 'TYM_TARKISTUS',
  // Settings in force (TYM_Parametrit).
  year: 'TYM_VUOSI',
  staffBasis: 'TYM_HENKILOSTOPERUSTE',
  municipalBasis: 'TYM_KUNTAJAON_PERUSTE',
  agreedInUse: 'TYM_SOVITTU_KAYTOSSA',
  agreedPct: 'TYM_SOVITTU_TVA_PROS',
  kelaPct: 'TYM_KELA_PROS',
  employer: 'TYM_TYONANTAJA',
  employerNo: 'TYM_TYONANTAJA_NRO',
  installments: 'TYM_ERIA',
  customers: 'TYM_ASIAKASMAARA',
  // Invoice data settings (TYM_Parametrit, issue 12).
  invoiceDay: 'TYM_LASKUN_PAIVA',
  paymentTerm: 'TYM_MAKSUEHTO',
  settlementDate: 'TYM_TASAUSPAIVA',
  hvaBusinessId: 'TYM_HVA_YTUNNUS',
  kelaBusinessId: 'TYM_KELA_YTUNNUS',
  // Constants of the exact arithmetic (TYM_Parametrit).
  keyScale: 'TYM_SKAALA',
  limb: 'TYM_KANTA',
  limit: 'TYM_RAJA',
  // Years compared (slot 1 = the budget year).
  years: 'TYM_VUODET',
  yearStart: 'TYM_VUODEN_ALKU',
  yearEnd: 'TYM_VUODEN_LOPPU',
  yearDays: 'TYM_VUODEN_PAIVAT',
  // Word lists (accepted word -> code).
  words: (list: string) => `TYM_SANAT_${list}`,
  codes: (list: string) => `TYM_KOODIT_${list}`,
  // Receivers: 1 TVA, 2 HVA, 3 KELA, then the municipalities in Kunnat order.
  parties: 'TYM_OSAPUOLET',
  receivers: 'TYM_VASTAANOTTAJAT',
  monthNames: 'TYM_KUUKAUDET',
  // Keys per party / event / municipality (rows) and year slot (columns).
  staffKeys: 'TYM_HENKILOSTOAVAIN',
  partyUnits: 'TYM_OSAPUOLI_YKSIKOT',
  staffPoolKey: 'TYM_HPOOLI_AVAIN',
  staffPoolN: 'TYM_HPOOLI_OSOITTAJA',
  events: 'TYM_TILAISUUDET',
  registrants: 'TYM_ILMOITTAUTUNEET',
  municipalities: 'TYM_KUNNAT',
  muniKeys: 'TYM_KUNTA_AVAIN',
  muniN: 'TYM_KUNTA_OSOITTAJA',
  // Groups (TYM_Parametrit): one row per group of every year.
  groupKey: 'TYM_RYHMA_AVAIN',
  groupCents: 'TYM_RYHMA_SENTIT',
  groupLabel: 'TYM_RYHMA_TILAISUUS',
  groupKeyType: 'TYM_RYHMA_AVAINLAJI',
  // Staffing units list (TYM_Henkilostoresurssit).
  unitParty: 'TYM_YKS_OSAPUOLI',
  unitName: 'TYM_YKS_NIMI',
  // Calculation rows (TYM_Rivit).
  staffParty: 'TYM_HLO_OSAPUOLI',
  staffMuni: 'TYM_HLO_KUNTA',
  staffUnit: 'TYM_HLO_YKSIKKO',
  staffHeadcount: 'TYM_HLO_MAARA',
  staffFte: 'TYM_HLO_HTV',
  staffDays: 'TYM_HLO_PAIVAT',
  staffKey: 'TYM_HLO_AVAIN',
  staffUnits: 'TYM_HLO_YKSIKOT',
  staffAvgFte: 'TYM_HLO_HTV_VUODESSA',
  staffOk: 'TYM_HLO_KELPAA',
  staffListed: 'TYM_HLO_LISTALLA',
  regEvent: 'TYM_REK_TILAISUUS',
  regParty: 'TYM_REK_OSAPUOLI',
  regCounted: 'TYM_REK_LASKETAAN',
  regOrderOk: 'TYM_REK_JARJESTYS_OK',
  regOk: 'TYM_REK_KELPAA',
  // The previous year's registrations of each year slot with a budget (TA) group of pool b (issue 12).
  regCountedPrev: 'TYM_REK_LASKETAAN_ED',
  // The participant plan (TYM_Parametrit, one row per plan table row) and the key of pool b per group.
  planEvent: 'TYM_SUUN_TILAISUUS',
  planParty: 'TYM_SUUN_OSAPUOLI',
  planCount: 'TYM_SUUN_MAARA',
  planYear: 'TYM_SUUN_VUOSI',
  planOk: 'TYM_SUUN_KELPAA',
  poolBKey: 'TYM_B_AVAIN',
  costKind: 'TYM_KUST_LAJI',
  costSlot: 'TYM_KUST_VUOSI_NRO',
  costYear: 'TYM_KUST_VUOSI',
  costCents: 'TYM_KUST_SENTIT',
  costPayer: 'TYM_KUST_MAKSAJA',
  costGroup: 'TYM_KUST_RYHMA',
  costOk: 'TYM_KUST_KELPAA',
  // Splits.
  partyGroup: 'TYM_JAKO_RYHMA',
  partySlot: 'TYM_JAKO_VUOSI',
  partyKind: 'TYM_JAKO_LAJI',
  partyReceiver: 'TYM_JAKO_VASTAANOTTAJA',
  partyCents: 'TYM_JAKO_SENTIT',
  partyOk: 'TYM_JAKO_TASMAA',
  muniGroup: 'TYM_KJAKO_RYHMA',
  muniSlot: 'TYM_KJAKO_VUOSI',
  muniKind: 'TYM_KJAKO_LAJI',
  muniReceiver: 'TYM_KJAKO_VASTAANOTTAJA',
  muniCents: 'TYM_KJAKO_SENTIT',
  muniOk: 'TYM_KJAKO_TASMAA',
  // Results.
  totals: 'TYM_YHTEENVETO',
} as const;
