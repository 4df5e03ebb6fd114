/**
 * The input template: one sheet per input table of the workbook contract (canonical table names and
 * headers), the settings with their defaults, the six Keski-Uusimaa municipalities, empty staff,
 * registration and cost tables, drop-down lists for the coded columns and a Finnish instruction sheet.
 */
import ExcelJS from 'exceljs';
import type { Workbook, Worksheet } from 'exceljs';
import {
  BILLING_PERIOD_WORDS,
  BILLING_SETTINGS,
  DEFAULT_INVOICE_DAY,
  DEFAULT_PAYMENT_TERM_DAYS,
  PLAN_TABLE,
  type BillingSettingKey,
  DEFAULT_EMPLOYER,
  KESKI_UUSIMAA_MUNICIPALITIES,
  KIND_WORDS,
  MUNICIPAL_BASIS_WORDS,
  ORGANISATION_WORDS,
  POOL_WORDS,
  SETTINGS,
  STAFF_BASIS_WORDS,
  STATUS_WORDS,
  TABLES,
  type SettingKey,
  type TableKey,
} from '../../domain/contract';
import { NUMBER_FORMATS } from './styles';

/** Rows below the header that carry the drop-down lists (tables grow into them). */
const VALIDATION_ROWS = 5000;

/** The canonical word of each canonical value: the first accepted word that maps to it. */
export function canonicalWords<T>(pairs: ReadonlyArray<readonly [string, T]>): string[] {
  const seen = new Set<T>();
  const out: string[] = [];
  for (const [word, value] of pairs) {
    if (seen.has(value)) continue;
    seen.add(value);
    out.push(word);
  }
  return out;
}

export const LISTS = {
  organisation: canonicalWords(ORGANISATION_WORDS),
  status: canonicalWords(STATUS_WORDS),
  kind: canonicalWords(KIND_WORDS),
  pool: canonicalWords(POOL_WORDS),
  staffBasis: canonicalWords(STAFF_BASIS_WORDS),
  municipalBasis: canonicalWords(MUNICIPAL_BASIS_WORDS),
  billingPeriod: canonicalWords(BILLING_PERIOD_WORDS),
};

/** Setting rows of the template: canonical label, default value, drop-down list, explanation. */
function settingRows(year: number): { key: SettingKey; value: string | number | null; list?: string[]; note: string }[] {
  return [
    { key: 'year', value: year, note: 'Talousarviovuosi, jonka kustannukset jaetaan.' },
    { key: 'staffBasis', value: 'henkilömäärä', list: LISTS.staffBasis, note: 'Yhteiskustannusten (pooli a ja muu) jakoperuste: henkilömäärä, htv tai htv-aikapainotettu.' },
    { key: 'municipalBasis', value: 'asukasluku', list: LISTS.municipalBasis, note: 'TVA:n osuuden jako kunnille: asukasluku (31.12. edellisenä vuonna), työttömät, henkilöstö tai sovittu.' },
    { key: 'agreedTvaPct', value: null, note: 'Tyhjä = henkilöstön mukaan. Muuten sovittu TVA:n prosenttiosuus (HVA saa loput).' },
    { key: 'kelaPct', value: null, note: 'Kelan prosenttiosuus henkilöstöperusteisista pooleista. Tyhjä = 0.' },
    { key: 'employer', value: DEFAULT_EMPLOYER, note: 'Hallinnollinen työnantaja (vastuukunta), joka maksaa yhteiset kustannukset ja laskuttaa muita.' },
    { key: 'billingPeriod', value: 'vuosi', list: LISTS.billingPeriod, note: 'Ennakkolaskutuksen jakso: vuosi, puolivuosi, neljännes tai kuukausi.' },
    { key: 'customerEstimate', value: null, note: 'Valinnainen arvio asiakasmäärästä henkilöstön riittävyyden tunnuslukuja varten.' },
  ];
}

/** The invoice-data settings (issue 12), after the allocation settings: defaults and explanations. */
function billingSettingRows(): { key: BillingSettingKey; value: string | number | null; note: string }[] {
  return [
    { key: 'invoiceDay', value: DEFAULT_INVOICE_DAY, note: 'Laskurivit: laskun päivä kuukaudessa (1–31; lyhyemmässä kuussa kuun viimeinen päivä).' },
    { key: 'paymentTerm', value: DEFAULT_PAYMENT_TERM_DAYS, note: 'Laskurivit: maksuehto päivinä (eräpäivä = laskun päivä + maksuehto).' },
    { key: 'settlementDate', value: null, note: 'Laskurivit: tasauslaskujen päivämäärä. Tyhjä = laskutuspäivä vuotta seuraavan tammikuun.' },
    { key: 'hvaBusinessId', value: null, note: 'Hyvinvointialueen Y-tunnus laskuriveille (muoto 1234567-8). Kuntien Y-tunnukset Kunnat-taulukossa.' },
    { key: 'kelaBusinessId', value: null, note: 'Kelan Y-tunnus laskuriveille (muoto 1234567-8).' },
  ];
}

function listValidation(list: string[]) {
  return {
    type: 'list',
    allowBlank: true,
    formulae: [`"${list.join(',')}"`],
    showErrorMessage: true,
    // A warning, not a stop: the aliases (e.g. "Hyvinvointialue") are accepted too.
    errorStyle: 'warning',
    errorTitle: 'Tuntematon arvo',
    error: `Suositellut arvot: ${list.join(', ')}.`,
  };
}

function validate(ws: Worksheet, range: string, list: string[]): void {
  (ws as unknown as { dataValidations: { add(a: string, v: unknown): void } }).dataValidations.add(range, listValidation(list));
}

const colLetter = (i: number) => String.fromCharCode(65 + i);

function headersOf(key: TableKey | 'suunnitelma'): string[] {
  return (key === 'suunnitelma' ? PLAN_TABLE : TABLES[key]).columns.map((c) => c.names[0]);
}

/** Adds an input table at A1 of `ws` with canonical headers and the given rows (at least one row). */
function inputTable(ws: Worksheet, key: TableKey | 'suunnitelma', rows: InputCell[][]): void {
  const headers = headersOf(key);
  const data = rows.length ? rows : [headers.map(() => null)];
  ws.addTable({
    name: (key === 'suunnitelma' ? PLAN_TABLE : TABLES[key]).names[0],
    ref: 'A1',
    headerRow: true,
    totalsRow: false,
    style: { theme: 'TableStyleMedium2', showRowStripes: true },
    columns: headers.map((name) => ({ name, filterButton: true })),
    rows: data,
  } as never);
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2' }];
}

function formatColumn(ws: Worksheet, key: TableKey, columnKey: string, numFmt: string, width?: number): void {
  const i = TABLES[key].columns.findIndex((c) => c.key === columnKey);
  const col = ws.getColumn(i + 1);
  col.numFmt = numFmt;
  if (width) col.width = width;
}

function widths(ws: Worksheet, w: number[]): void {
  w.forEach((x, i) => (ws.getColumn(i + 1).width = x));
}

/** The rows of a column that carry its drop-down list: the table's rows and room to grow. */
function columnRange(key: TableKey, columnKey: string, rows: unknown[] | undefined): string {
  const c = colLetter(TABLES[key].columns.findIndex((x) => x.key === columnKey));
  return `${c}2:${c}${Math.max(VALIDATION_ROWS, (rows?.length ?? 0) + 1000) + 1}`;
}

const INSTRUCTIONS: (string | null)[] = [
  'Keski-Uusimaan TYM-yhteistoiminta: yhteisten kustannusten jako (sopimuksen 9 §, liite 6)',
  null,
  'Mitä mihinkin',
  'Asetukset: vuosi, jakoperusteet, Kelan ja sovittu TVA-osuus, hallinnollinen työnantaja ja laskutusjakso.',
  'Kunnat: työllisyysalueen kunnat jakojärjestyksessä, asukasluku 31.12. edellisenä vuonna, työttömät työnhakijat ja sovitut osuudet.',
  'Henkilosto: sopimuksen liitteen 2 henkilöstö. Organisaatio TVA, HVA tai KELA; TVA:n henkilöille sijoituskunta. Henkilömäärä oletus 1, HTV oletus henkilömäärä.',
  'Ilmoittautumiset: kehittämispäivien ilmoittautumiset. Tila ilmoittautunut tai peruttu. Nimiä käytetään vain laskemiseen.',
  'Kustannukset: Laji TA (talousarvio) tai TOT (toteuma), Pooli a (johtava henkilö), muu (muut yhteiset) tai b (kehittämispäivät; Tilaisuus-sarakkeeseen tilaisuuden nimi tai tyhjä). Summat euroina ilman arvonlisäveroa.',
  'Osallistujasuunnitelma (vapaaehtoinen): talousarviota varten suunnitellut osallistujat organisaatioittain, tilaisuuksittain tai koko vuodelle (Tilaisuus tyhjä). Poolin b TA-rivit jaetaan suunnitelman mukaan; ilman suunnitelmaa ja vuoden ilmoittautumisia edellisen vuoden ilmoittautumisten mukaan.',
  null,
  'Säännöt lyhyesti',
  '1. Kukin osapuoli maksaa oman henkilöstönsä kulut; niitä ei jaeta.',
  '2. Poolit a ja muu jaetaan TVA:n ja HVA:n kesken henkilöstön suhteessa (tai sovitulla TVA-osuudella); Kela osallistuu vain, jos Kelan osuus % on annettu.',
  '3. Pooli b jaetaan TVA:n, HVA:n ja Kelan kesken tilaisuuden ilmoittautuneiden (eri henkilöiden) suhteessa; peruutuksia ei lasketa, tuplailmoittautuminen lasketaan kerran.',
  '4. TVA:n osuus jaetaan kunnille Kuntajaon perusteen mukaan.',
  '5. Jokainen jako pyöristetään senteille suurimman jäännöksen menetelmällä: osat täsmäävät aina kokonaissummaan.',
  null,
  'Näin lasket',
  'Komentorivillä: npx tym-allocate validate TIEDOSTO.xlsx tarkistaa syötteet, npx tym-allocate run TIEDOSTO.xlsx kirjoittaa tulokset uuteen tiedostoon.',
  'Excelissä: avaa TYM-kustannustenjako-apuohjelma ja valitse Laske kustannustenjako.',
  'Tulostaulukot kaavoineen tulevat omille välilehdilleen; syöttötaulukoita ei muuteta. Älä nimeä taulukoita tai otsikoita uudelleen.',
];

const HEADINGS = new Set(['Mitä mihinkin', 'Säännöt lyhyesti', 'Näin lasket']);

/** A cell of an input row (canonical column order of the table). */
export type InputCell = string | number | Date | null;

/** Contents of an input workbook: rows in the canonical column order of each table (see TABLES). */
export interface InputData {
  year: number;
  /** Setting values by key; a key left out keeps the template default, null = blank. */
  settings?: Partial<Record<SettingKey | BillingSettingKey, string | number | Date | null>>;
  /** Kunnat rows [Kunta, Asukasluku, Työttömät, Sovittu osuus %]; default the six Keski-Uusimaa municipalities. */
  municipalities?: InputCell[][];
  /** Henkilosto rows [Organisaatio, Kunta, Yksikkö, Nimike, Henkilömäärä, HTV, Alkaa, Päättyy]. */
  staff?: InputCell[][];
  /** Ilmoittautumiset rows [Tilaisuus, Päivämäärä, Nimi, Organisaatio, Tila]. */
  registrations?: InputCell[][];
  /** Kustannukset rows [Laji, Pooli, Erä, Tilaisuus, Summa, Maksaja, Vuosi]. */
  costs?: InputCell[][];
  /** Osallistujasuunnitelma rows [Tilaisuus, Organisaatio, Osallistujia, Vuosi] (issue 12); default one empty row. */
  plan?: InputCell[][];
}

/** An empty input workbook for `year`. */
export async function buildTemplate(year: number): Promise<Workbook> {
  return buildInputWorkbook({ year });
}

/** An input workbook with the given contents (the template's layout, lists and instructions). */
export async function buildInputWorkbook(data: InputData): Promise<Workbook> {
  const { year } = data;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'TYM-kustannustenjako';
  // Fixed dates: the same inputs give the same file contents.
  wb.created = new Date(Date.UTC(year - 1, 0, 1));
  wb.modified = wb.created;

  const help = wb.addWorksheet('Ohje', { properties: { tabColor: { argb: 'FF548235' } } });
  help.getColumn(1).width = 130;
  INSTRUCTIONS.forEach((line, i) => {
    const cell = help.getCell(i + 1, 1);
    cell.value = line;
    if (i === 0) cell.font = { bold: true, size: 14 };
    else if (line && HEADINGS.has(line)) cell.font = { bold: true, size: 12 };
    cell.alignment = { wrapText: true, vertical: 'top' };
  });

  // Asetukset
  const settings = wb.addWorksheet(TABLES.asetukset.sheet);
  const given = <R extends { key: SettingKey | BillingSettingKey; value: unknown }>(r: R) =>
    data.settings && r.key in data.settings ? { ...r, value: data.settings[r.key] ?? null } : r;
  const rows = [
    ...settingRows(year).map((r) => ({ ...given(r), name: SETTINGS[r.key].names[0] })),
    ...billingSettingRows().map((r) => ({ ...given(r), name: BILLING_SETTINGS[r.key].names[0], list: undefined })),
  ];
  inputTable(settings, 'asetukset', rows.map((r) => [r.name, r.value as InputCell]));
  rows.forEach((r, i) => {
    if (r.list) validate(settings, `B${i + 2}`, r.list);
    const note = settings.getCell(i + 2, 4);
    note.value = r.note;
    note.font = { italic: true, color: { argb: 'FF595959' } };
  });
  settings.getCell(1, 4).value = 'Selite';
  settings.getCell(1, 4).font = { bold: true };
  widths(settings, [28, 22, 3, 100]);

  // Kunnat
  const kunnat = wb.addWorksheet(TABLES.kunnat.sheet);
  inputTable(kunnat, 'kunnat', data.municipalities ?? KESKI_UUSIMAA_MUNICIPALITIES.map((m) => [m.name, m.population, null, null, null]));
  widths(kunnat, [18, 14, 14, 18, 14]);
  // A business ID is text (a leading zero and the hyphen must stay as typed).
  formatColumn(kunnat, 'kunnat', 'businessId', '@');
  formatColumn(kunnat, 'kunnat', 'population', '#,##0');
  formatColumn(kunnat, 'kunnat', 'jobseekers', '#,##0');
  formatColumn(kunnat, 'kunnat', 'agreedPct', NUMBER_FORMATS.percent!);

  // Henkilosto
  const staff = wb.addWorksheet(TABLES.henkilosto.sheet);
  inputTable(staff, 'henkilosto', data.staff ?? []);
  widths(staff, [14, 14, 34, 28, 14, 10, 12, 12]);
  formatColumn(staff, 'henkilosto', 'fte', '0.00##');
  formatColumn(staff, 'henkilosto', 'start', NUMBER_FORMATS.date!);
  formatColumn(staff, 'henkilosto', 'end', NUMBER_FORMATS.date!);
  validate(staff, columnRange('henkilosto', 'organisation', data.staff), LISTS.organisation);

  // Ilmoittautumiset
  const regs = wb.addWorksheet(TABLES.ilmoittautumiset.sheet);
  inputTable(regs, 'ilmoittautumiset', data.registrations ?? []);
  widths(regs, [34, 12, 28, 16, 16]);
  formatColumn(regs, 'ilmoittautumiset', 'date', NUMBER_FORMATS.date!);
  validate(regs, columnRange('ilmoittautumiset', 'organisation', data.registrations), LISTS.organisation);
  validate(regs, columnRange('ilmoittautumiset', 'status', data.registrations), LISTS.status);

  // Kustannukset
  const costs = wb.addWorksheet(TABLES.kustannukset.sheet);
  inputTable(costs, 'kustannukset', data.costs ?? []);
  widths(costs, [8, 8, 44, 34, 14, 14, 8]);
  formatColumn(costs, 'kustannukset', 'amount', NUMBER_FORMATS.money!);
  validate(costs, columnRange('kustannukset', 'kind', data.costs), LISTS.kind);
  validate(costs, columnRange('kustannukset', 'pool', data.costs), LISTS.pool);

  // Osallistujasuunnitelma (optional, issue 12): planned participants for the budget of pool b.
  const plan = wb.addWorksheet(PLAN_TABLE.sheet);
  inputTable(plan, 'suunnitelma', data.plan ?? []);
  widths(plan, [34, 16, 14, 8]);
  validate(plan, `B2:B${Math.max(VALIDATION_ROWS, (data.plan?.length ?? 0) + 1000) + 1}`, LISTS.organisation);

  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: 'visible' }];
  return wb;
}
