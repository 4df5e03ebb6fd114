/**
 * Test tooling: the edits a user makes to a result workbook (issue 9, point 1), applied with
 * exceljs to the workbook as written: sort and reverse every input table, rename a registrant into
 * a duplicate, move settings rows, add and delete rows in every table, change every setting,
 * relabel outputs, overwrite a formula with a number (a total, a share, a scenario figure and split,
 * an invoice amount), value edits in place, and the inputs of the scenarios and invoice rows (a
 * jobseekers count, the invoice settings, business IDs valid and invalid).
 *
 * Each edit names the cause a check row must name when the master check turns FALSE (`cause`, a
 * pattern on the check's label), and whether the formulas are expected to follow it live.
 */
import { identityKey } from '../../src/domain/text';
import type { Value as CellValue, XlsxPackage as Workbook, XmlTable as TableEdit } from './xlsxEdit';

/** A cell value as text for comparisons in edits. */
export function textOf(v: CellValue): string {
  return v === null ? '' : String(v);
}

/** Excel serial number -> calendar year (1900 system; our dates are after 1900-03-01). */
function yearOfSerial(serial: number): number {
  return new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000).getUTCFullYear();
}

export interface EditContext {
  year: number;
}

export interface UserEdit {
  name: string;
  /** A FALSE check row's label must match this (it names the table or sheet that changed). */
  cause: RegExp;
  /** The live model is expected to follow this edit (figures equal a fresh run, master check TRUE). */
  live?: boolean;
  /** Applies the edit; false when it does not apply to this workbook (nothing changed). */
  apply(wb: Workbook, ctx: EditContext): Promise<boolean>;
}

const key = (v: CellValue) => identityKey(textOf(v));

function sortBy(t: TableEdit, cmp: (a: CellValue[], b: CellValue[]) => number): boolean {
  const rows = t.rows();
  const sorted = [...rows].sort(cmp);
  if (sorted.every((r, i) => r === rows[i])) return false;
  t.setRows(sorted);
  return true;
}

const byText = (col: number) => (a: CellValue[], b: CellValue[]) => {
  const x = key(a[col]);
  const y = key(b[col]);
  return x < y ? -1 : x > y ? 1 : 0;
};
const byNumber = (col: number) => (a: CellValue[], b: CellValue[]) => Number(a[col] ?? 0) - Number(b[col] ?? 0);

/** Registrations that count as the engine sees them: not cancelled, dated in the year or undated. */
function active(t: TableEdit, i: number, year: number): boolean {
  const status = key(t.get(i, 'Tila'));
  if (status === 'peruttu' || status === 'cancelled') return false;
  const d = t.get(i, 'Päivämäärä');
  return typeof d !== 'number' || yearOfSerial(d) === year;
}

function settingRow(t: TableEdit, label: string): number {
  return t.rows().findIndex((r) => key(r[t.col('Asetus')]) === identityKey(label));
}

async function setSetting(wb: Workbook, label: string, value: (old: CellValue) => CellValue | undefined): Promise<boolean> {
  const t = await wb.table('Asetukset');
  const i = settingRow(t, label);
  if (i < 0) return false;
  const next = value(t.get(i, 'Arvo'));
  if (next === undefined) return false;
  t.set(i, 'Arvo', next);
  return true;
}

function nextWord(words: string[]) {
  return (old: CellValue) => {
    const i = words.indexOf(key(old) || words[0]);
    return words[(i + 1) % words.length];
  };
}

function tableSorts(): UserEdit[] {
  const plan: [string, string, boolean][] = [
    ['Asetukset', 'Asetus', false],
    ['Kunnat', 'Kunta', false],
    ['Henkilosto', 'Yksikkö', false],
    ['Ilmoittautumiset', 'Nimi', false],
    ['Kustannukset', 'Summa', true],
  ];
  return plan.flatMap(([table, column, numeric]): UserEdit[] => [
    {
      name: `sort ${table} by ${column}`,
      cause: new RegExp(table),
      live: table === 'Asetukset' || table === 'Kunnat' || table === 'Henkilosto' || table === 'Kustannukset',
      apply: async (wb) => {
        const t = await wb.table(table);
        return sortBy(t, numeric ? byNumber(t.col(column)) : byText(t.col(column)));
      },
    },
    {
      name: `reverse ${table}`,
      cause: new RegExp(table),
      live: table === 'Asetukset' || table === 'Kunnat' || table === 'Henkilosto' || table === 'Kustannukset',
      apply: async (wb) => {
        const t = await wb.table(table);
        if (t.rowCount < 2) return false;
        t.setRows(t.rows().reverse());
        return true;
      },
    },
  ]);
}

/** Two active rows of one event with different persons: [earlier, later]. */
function twoPersons(t: TableEdit, year: number, laterUnique: boolean): [number, number] | null {
  const rows = t.rows();
  const ev = t.col('Tilaisuus');
  const nm = t.col('Nimi');
  const ident = (i: number) => `${key(rows[i][ev])}\u0000${key(rows[i][nm])}`;
  const count = new Map<string, number>();
  rows.forEach((_, i) => count.set(ident(i), (count.get(ident(i)) ?? 0) + 1));
  for (let a = 0; a < rows.length; a++) {
    if (!active(t, a, year)) continue;
    for (let b = a + 1; b < rows.length; b++) {
      if (!active(t, b, year) || key(rows[a][ev]) !== key(rows[b][ev]) || ident(a) === ident(b)) continue;
      const unique = laterUnique ? count.get(ident(b)) === 1 : count.get(ident(a)) === 1;
      if (unique && key(rows[a][t.col('Organisaatio')]) !== key(rows[b][t.col('Organisaatio')])) return [a, b];
    }
  }
  // Any pair when no pair of different organisations exists.
  for (let a = 0; a < rows.length; a++) {
    for (let b = a + 1; b < rows.length; b++) {
      if (!active(t, a, year) || !active(t, b, year) || key(rows[a][ev]) !== key(rows[b][ev]) || ident(a) === ident(b)) continue;
      if (laterUnique ? count.get(ident(b)) === 1 : count.get(ident(a)) === 1) return [a, b];
    }
  }
  return null;
}

function registrationEdits(): UserEdit[] {
  return [
    {
      name: 'rename a later registrant into a duplicate at the same event',
      cause: /Ilmoittautumiset/,
      apply: async (wb, ctx) => {
        const t = await wb.table('Ilmoittautumiset');
        const pair = twoPersons(t, ctx.year, true);
        if (!pair) return false;
        t.set(pair[1], 'Nimi', t.get(pair[0], 'Nimi'));
        return true;
      },
    },
    {
      name: 'rename an earlier registrant into a later one (first occurrence moves)',
      cause: /Ilmoittautumiset/,
      apply: async (wb, ctx) => {
        const t = await wb.table('Ilmoittautumiset');
        const pair = twoPersons(t, ctx.year, false);
        if (!pair) return false;
        t.set(pair[0], 'Nimi', ` ${textOf(t.get(pair[1], 'Nimi')).toUpperCase()}`);
        return true;
      },
    },
    {
      name: 'give a duplicate another organisation, then reverse Ilmoittautumiset',
      cause: /Ilmoittautumiset/,
      apply: async (wb, ctx) => {
        const t = await wb.table('Ilmoittautumiset');
        const pair = twoPersons(t, ctx.year, true);
        if (!pair) return false;
        t.set(pair[1], 'Nimi', t.get(pair[0], 'Nimi'));
        const org = key(t.get(pair[0], 'Organisaatio'));
        t.set(pair[1], 'Organisaatio', org === 'kela' || org === 'kansaneläkelaitos' ? 'HVA' : 'KELA');
        t.setRows(t.rows().reverse());
        return true;
      },
    },
    {
      name: 'cancel a counted registration (value edit)',
      cause: /Ilmoittautumiset/,
      live: true,
      apply: async (wb, ctx) => {
        const t = await wb.table('Ilmoittautumiset');
        // An event keeps another active registrant, so no pool b key total turns zero.
        for (let i = t.rowCount - 1; i >= 0; i--) {
          if (!active(t, i, ctx.year)) continue;
          const ev = key(t.get(i, 'Tilaisuus'));
          const others = t.rows().filter((_, j) => j !== i && active(t, j, ctx.year) && key(t.get(j, 'Tilaisuus')) === ev).length;
          if (others < 2) continue;
          t.set(i, 'Tila', 'peruttu');
          return true;
        }
        return false;
      },
    },
  ];
}

function settingEdits(): UserEdit[] {
  return [
    {
      name: 'swap the Asetukset rows of Kelan osuus % and Sovittu TVA-osuus %',
      cause: /Asetukset/,
      live: true,
      apply: async (wb) => {
        const t = await wb.table('Asetukset');
        const a = settingRow(t, 'Kelan osuus %');
        const b = settingRow(t, 'Sovittu TVA-osuus %');
        if (a < 0 || b < 0) return false;
        const rows = t.rows();
        [rows[a], rows[b]] = [rows[b], rows[a]];
        // Give both values so the move matters.
        rows[a][t.col('Arvo')] = rows[a][t.col('Arvo')] ?? 55;
        rows[b][t.col('Arvo')] = rows[b][t.col('Arvo')] ?? 4;
        t.setRows(rows);
        return true;
      },
    },
    {
      name: 'move the Vuosi row to the end of Asetukset',
      cause: /Asetukset/,
      live: true,
      apply: async (wb) => {
        const t = await wb.table('Asetukset');
        const i = settingRow(t, 'Vuosi');
        if (i < 0) return false;
        const rows = t.rows();
        const [row] = rows.splice(i, 1);
        rows.push(row);
        t.setRows(rows);
        return true;
      },
    },
    { name: 'set Vuosi to the next year', cause: /Asetukset|Vuosi/, apply: async (wb, ctx) => setSetting(wb, 'Vuosi', () => ctx.year + 1) },
    {
      name: 'change Henkilöstöperuste',
      cause: /Asetukset/,
      live: true,
      apply: async (wb) => setSetting(wb, 'Henkilöstöperuste', nextWord(['henkilömäärä', 'htv', 'htv-aikapainotettu'])),
    },
    {
      name: 'change Henkilöstöperuste twice',
      cause: /Asetukset/,
      live: true,
      apply: async (wb) =>
        setSetting(wb, 'Henkilöstöperuste', (o) =>
          nextWord(['henkilömäärä', 'htv', 'htv-aikapainotettu'])(nextWord(['henkilömäärä', 'htv', 'htv-aikapainotettu'])(o)),
        ),
    },
    {
      name: 'change Kuntajaon peruste to työttömät',
      cause: /Asetukset/,
      live: true,
      apply: async (wb) => setSetting(wb, 'Kuntajaon peruste', (o) => (key(o) === 'työttömät' ? 'asukasluku' : 'työttömät')),
    },
    {
      name: 'change Kuntajaon peruste to henkilöstö',
      cause: /Asetukset|Kunnat|Henkilosto/,
      apply: async (wb) => setSetting(wb, 'Kuntajaon peruste', (o) => (key(o) === 'henkilöstö' ? 'asukasluku' : 'henkilöstö')),
    },
    {
      name: 'change Kuntajaon peruste to sovittu',
      cause: /Asetukset|Kunnat/,
      apply: async (wb) => setSetting(wb, 'Kuntajaon peruste', (o) => (key(o) === 'sovittu' ? 'asukasluku' : 'sovittu')),
    },
    {
      name: 'set or clear Sovittu TVA-osuus %',
      cause: /Asetukset/,
      live: true,
      apply: async (wb) => setSetting(wb, 'Sovittu TVA-osuus %', (o) => (o === null || o === '' ? 57.5 : null)),
    },
    {
      name: 'change Kelan osuus %',
      cause: /Asetukset/,
      live: true,
      apply: async (wb) => setSetting(wb, 'Kelan osuus %', (o) => (Number(o ?? 0) === 7.25 ? 3 : 7.25)),
    },
    {
      name: 'change Hallinnollinen työnantaja to another municipality',
      cause: /Asetukset/,
      live: true,
      apply: async (wb) => {
        const k = await wb.table('Kunnat');
        const names = k.rows().map((r) => textOf(r[k.col('Kunta')]).trim());
        return setSetting(
          wb,
          'Hallinnollinen työnantaja',
          (o) => names.find((n) => identityKey(n) !== key(o) && identityKey(n) !== 'järvenpää') ?? undefined,
        );
      },
    },
    {
      name: 'change Laskutusjakso to kuukausi',
      cause: /Asetukset|Laskutus/,
      live: true,
      apply: async (wb) => setSetting(wb, 'Laskutusjakso', (o) => (key(o) === 'kuukausi' ? 'neljännes' : 'kuukausi')),
    },
    {
      name: 'change Laskutusjakso to puolivuosi',
      cause: /Asetukset|Laskutus/,
      live: true,
      apply: async (wb) => setSetting(wb, 'Laskutusjakso', (o) => (key(o) === 'puolivuosi' ? 'vuosi' : 'puolivuosi')),
    },
    {
      name: 'add the Kelan osuus % row that was absent at the run',
      cause: /Asetukset|Kelan/,
      apply: async (wb) => {
        const t = await wb.table('Asetukset');
        if (settingRow(t, 'Kelan osuus %') >= 0) return false;
        t.setRows([...t.rows(), ['Kelan osuus %', 6]]);
        return true;
      },
    },
    {
      name: 'change Asiakasmäärä',
      cause: /Asetukset/,
      live: true,
      apply: async (wb) => setSetting(wb, 'Asiakasmäärä', (o) => Number(o ?? 0) + 123),
    },
  ];
}

function addAndDelete(): UserEdit[] {
  const add = (table: string, row: (t: TableEdit, ctx: EditContext) => CellValue[] | null): UserEdit => ({
    name: `add a row to ${table}`,
    cause: new RegExp(table),
    apply: async (wb, ctx) => {
      const t = await wb.table(table);
      const r = row(t, ctx);
      if (!r) return false;
      t.setRows([...t.rows(), r]);
      return true;
    },
  });
  const del = (table: string, which: (t: TableEdit) => number): UserEdit => ({
    name: `delete a row of ${table}`,
    cause: new RegExp(table),
    apply: async (wb) => {
      const t = await wb.table(table);
      const i = which(t);
      if (i < 0 || t.rowCount < 2) return false;
      const rows = t.rows();
      rows.splice(i, 1);
      t.setRows(rows);
      return true;
    },
  });
  return [
    add('Asetukset', () => ['Huomautus', 'ei vaikuta laskentaan']),
    add('Kunnat', () => ['Uusikylä', 12_345, 321, 5]),
    add('Henkilosto', (t) => {
      const i = t.rows().findIndex((r) => key(r[t.col('Organisaatio')]) === 'tva');
      return i < 0 ? null : [...t.rows()[i]];
    }),
    add('Ilmoittautumiset', (t, ctx) => {
      const i = t.rows().findIndex((_, j) => active(t, j, ctx.year));
      if (i < 0) return null;
      const r = [...t.rows()[i]];
      r[t.col('Nimi')] = 'Testi Uusihenkilö';
      r[t.col('Organisaatio')] = 'HVA';
      return r;
    }),
    add('Kustannukset', () => ['TA', 'a', 'Lisätty rivi', null, 1_000.01, null, null]),
    del('Asetukset', (t) => settingRow(t, 'Laskutusjakso')),
    del('Kunnat', (t) => t.rowCount - 1),
    del('Henkilosto', (t) => Math.min(2, t.rowCount - 1)),
    del('Ilmoittautumiset', (t) => Math.min(2, t.rowCount - 1)),
    del('Kustannukset', () => 0),
  ];
}

function valueEdits(): UserEdit[] {
  return [
    {
      name: 'change a headcount and an FTE (value edit)',
      cause: /Henkilosto/,
      live: true,
      apply: async (wb) => {
        const t = await wb.table('Henkilosto');
        t.set(0, 'Henkilömäärä', 3);
        t.set(0, 'HTV', 2.5);
        return true;
      },
    },
    {
      name: 'change an amount (value edit)',
      cause: /Kustannukset/,
      live: true,
      apply: async (wb, ctx) => {
        const t = await wb.table('Kustannukset');
        const i = t.rows().findIndex((r) => r[t.col('Vuosi')] === null || r[t.col('Vuosi')] === ctx.year);
        if (i < 0) return false;
        t.set(i, 'Summa', Math.round((Number(t.get(i, 'Summa')) + 1234.57) * 100) / 100);
        return true;
      },
    },
    {
      name: "change an amount of an earlier year's line",
      cause: /Kustannukset|Vertailu/,
      live: true,
      apply: async (wb, ctx) => {
        const t = await wb.table('Kustannukset');
        const i = t.rows().findIndex((r) => typeof r[t.col('Vuosi')] === 'number' && r[t.col('Vuosi')] !== ctx.year);
        if (i < 0) return false;
        t.set(i, 'Summa', Math.round((Number(t.get(i, 'Summa')) + 999.99) * 100) / 100);
        return true;
      },
    },
    {
      name: 'change a population (value edit)',
      cause: /Kunnat/,
      live: true,
      apply: async (wb) => {
        const t = await wb.table('Kunnat');
        t.set(0, 'Asukasluku', Number(t.get(0, 'Asukasluku') ?? 0) + 5_000);
        return true;
      },
    },
    {
      // A new unit name is a new row of TYM_Henkilostoresurssit: a structure change, FALSE until run again.
      name: 'rename a unit in Henkilosto',
      cause: /Henkilosto|Henkilöstö/,
      apply: async (wb) => {
        const t = await wb.table('Henkilosto');
        t.set(0, 'Yksikkö', 'Uusi yksikkö');
        return true;
      },
    },
  ];
}

/** Excel serial number of a calendar date (1900 system). */
function serialOf(y: number, m: number, d: number): number {
  return (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

/** Kunnat's optional business ID column, if the workbook has one. */
async function idColumn(wb: Workbook): Promise<TableEdit | null> {
  const t = await wb.table('Kunnat');
  return t.headers.some((h) => identityKey(h) === identityKey('Y-tunnus')) ? t : null;
}

/** The invoice settings and business IDs behind TYM_Laskurivit (issue 12), and a jobseekers count (a scenario basis not in force). */
function invoiceAndScenarioInputEdits(): UserEdit[] {
  return [
    {
      name: 'change Laskutuspäivä and Maksuehto (pv)',
      cause: /Asetukset|Laskurivit/,
      live: true,
      apply: async (wb) =>
        (await setSetting(wb, 'Laskutuspäivä', (o) => (Number(o ?? 1) === 31 ? 15 : 31))) &&
        setSetting(wb, 'Maksuehto (pv)', (o) => Number(o ?? 14) + 7),
    },
    {
      name: 'set or clear Tasauslaskun päivä',
      cause: /Asetukset|Laskurivit/,
      live: true,
      apply: async (wb, ctx) => setSetting(wb, 'Tasauslaskun päivä', (o) => (typeof o === 'number' ? null : serialOf(ctx.year + 1, 2, 10))),
    },
    {
      name: 'set the HVA business ID',
      cause: /Asetukset|Laskurivit/,
      live: true,
      apply: async (wb) => setSetting(wb, 'HVA:n Y-tunnus', (o) => (textOf(o) === '3221337-7' ? '1234567-1' : '3221337-7')),
    },
    {
      name: 'type a business ID into Kunnat (Y-tunnus)',
      cause: /Kunnat|Laskurivit/,
      live: true,
      apply: async (wb) => {
        const t = await idColumn(wb);
        if (!t) return false;
        t.set(0, 'Y-tunnus', textOf(t.get(0, 'Y-tunnus')) === '0125400-2' ? '1234567-1' : '0125400-2');
        return true;
      },
    },
    {
      name: 'type an invalid business ID into Kunnat (Y-tunnus)',
      cause: /Laskurivit.*Y-tunnu/,
      apply: async (wb) => {
        const t = await idColumn(wb);
        if (!t) return false;
        // The check digit of 0125400-2 is 2: 3 is wrong.
        t.set(t.rowCount - 1, 'Y-tunnus', '0125400-3');
        return true;
      },
    },
    {
      name: 'change a jobseekers count (value edit)',
      cause: /Kunnat/,
      live: true,
      apply: async (wb) => {
        const t = await wb.table('Kunnat');
        const v = t.get(0, 'Työttömät');
        if (typeof v !== 'number') return false;
        t.set(0, 'Työttömät', v + 321);
        return true;
      },
    },
  ];
}

function outputEdits(): UserEdit[] {
  /** The first row (1-based) at or below `from` whose column `col` holds `text`. */
  const findRow = async (wb: Workbook, sheet: string, col: number, text: string, from = 1) => {
    const ws = await wb.sheet(sheet);
    for (let r = from; r <= ws.rowCount; r++) if (textOf(ws.get(r, col)) === text) return { ws, r };
    return null;
  };
  const colOf = async (wb: Workbook, sheet: string, row: number, header: string) => {
    const ws = await wb.sheet(sheet);
    for (let c = 1; c <= ws.columnCount; c++) if (textOf(ws.get(row, c)) === header) return c;
    return 0;
  };
  /** Types a number over the first row below the header row (found by `headerText` in column A), in the column headed `colHeader`: its figure plus `delta`, to the cent. */
  const typeOverFirstRow = async (wb: Workbook, sheet: string, headerText: string, colHeader: string, delta: number) => {
    const header = await findRow(wb, sheet, 1, headerText);
    if (!header) return false;
    const c = await colOf(wb, sheet, header.r, colHeader);
    const r = header.r + 1;
    if (!c || typeof header.ws.get(r, c) !== 'number') return false;
    header.ws.set(r, c, Math.round((Number(header.ws.get(r, c)) + delta) * 100) / 100);
    return true;
  };
  return [
    {
      name: 'relabel a party receiver in Tulokset',
      cause: /Tulokset/,
      apply: async (wb) => {
        const t = await wb.table('Tulokset');
        const i = t.rows().findIndex((r) => textOf(r[t.col('Vastaanottaja')]) === 'HVA');
        if (i < 0) return false;
        t.set(i, 'Vastaanottaja', 'KELA');
        return true;
      },
    },
    {
      name: 'relabel a municipality receiver in Tulokset (formula overwritten by text)',
      cause: /Tulokset/,
      apply: async (wb) => {
        const t = await wb.table('Tulokset');
        const rows = t.rows();
        const levels = rows.map((r) => textOf(r[t.col('Taso')]));
        const i = levels.indexOf('Kunta');
        if (i < 0 || levels[i + 1] !== 'Kunta') return false;
        t.set(i, 'Vastaanottaja', textOf(rows[i + 1][t.col('Vastaanottaja')]));
        return true;
      },
    },
    {
      name: 'overwrite a summary total with a number',
      cause: /Tulokset|yhteenveto|Yhteenveto/,
      apply: async (wb) => {
        const hit = await findRow(wb, 'TYM_Tulokset', 1, 'HVA');
        if (!hit) return false;
        hit.ws.set(hit.r, 3, Math.round((Number(hit.ws.get(hit.r, 3) ?? 0) + 100) * 100) / 100);
        return true;
      },
    },
    {
      name: 'overwrite a share on TYM_Jako with a number',
      cause: /Jako|jako|osapuolille/,
      apply: async (wb) => {
        const header = await findRow(wb, 'TYM_Jako', 1, 'Ryhmä');
        if (!header) return false;
        const receiver = await colOf(wb, 'TYM_Jako', header.r, 'Vastaanottaja');
        const share = await colOf(wb, 'TYM_Jako', header.r, 'Osuus €');
        if (!receiver || !share) return false;
        const hit = await findRow(wb, 'TYM_Jako', receiver, 'HVA', header.r + 1);
        if (!hit) return false;
        hit.ws.set(hit.r, share, Math.round((Number(hit.ws.get(hit.r, share) ?? 0) + 0.01) * 100) / 100);
        return true;
      },
    },
    {
      name: 'overwrite a staff scenario figure on TYM_Skenaariot with a number',
      cause: /Skenaariot/,
      apply: async (wb) => {
        // The parties' block, HVA's figure under the second staff basis (the first column after "Voimassa €" and basis 1's three).
        const header = await findRow(wb, 'TYM_Skenaariot', 1, 'Osapuoli');
        if (!header) return false;
        const col = await colOf(wb, 'TYM_Skenaariot', header.r, 'HTV €');
        const hit = col ? await findRow(wb, 'TYM_Skenaariot', 1, 'HVA', header.r + 1) : null;
        if (!hit || typeof hit.ws.get(hit.r, col) !== 'number') return false;
        hit.ws.set(hit.r, col, Math.round((Number(hit.ws.get(hit.r, col)) + 250) * 100) / 100);
        return true;
      },
    },
    {
      name: 'overwrite a scenario split on TYM_Skenaariojako with a number',
      cause: /Skenaario/,
      apply: (wb) => typeOverFirstRow(wb, 'TYM_Skenaariojako', 'Peruste (koodi)', 'Osuus (snt)', 1),
    },
    {
      name: 'overwrite an invoice amount on TYM_Laskurivit with a number',
      cause: /Laskurivit/,
      apply: (wb) => typeOverFirstRow(wb, 'TYM_Laskurivit', 'Nro', 'Summa €', 10),
    },
  ];
}

/** Every edit of the invariant suite. */
export function userEdits(): UserEdit[] {
  return [
    ...tableSorts(),
    ...registrationEdits(),
    ...settingEdits(),
    ...addAndDelete(),
    ...valueEdits(),
    ...invoiceAndScenarioInputEdits(),
    ...outputEdits(),
  ];
}
