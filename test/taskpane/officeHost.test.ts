/**
 * The office.js host against a small fake of the Excel object model that records every call and
 * counts syncs (the batches are simple enough that a hand fake says more than a generic mock).
 */
import { createOfficeHost, freeSheetName, officeThemeKind, templateRows } from '../../src/adapters/officejs/officeHost';
import { TABLES } from '../../src/domain/contract';
import { parseWorkbook } from '../../src/domain/parse';
import type { RawWorkbook } from '../../src/domain/raw';
import { ExcelJsWorkbook } from '../../src/adapters/exceljs/excelJsWorkbook';
import { buildTemplate } from '../../src/adapters/exceljs/template';
import { FakeWorkbook } from '../support/fakeExcel';
import { adapter, snapshot } from '../adapters/officejs/fixtures';

interface FakeRange {
  address: string;
  values?: unknown[][];
  numberFormat?: unknown[][];
  selected?: boolean;
  format: { autofitColumns(): void };
  select(): void;
  getCell(r: number, c: number): FakeRange;
  load(): FakeRange;
}

function fakeExcel(sheetNames: string[], asetukset?: { headers: string[]; body: unknown[][] }, existingTables: { name: string }[] = []) {
  const log: string[] = [];
  let syncs = 0;
  const ranges: FakeRange[] = [];
  const range = (address: string, values?: unknown[][]): FakeRange => {
    const r: FakeRange = {
      address,
      values,
      format: { autofitColumns: () => log.push(`autofit ${address}`) },
      select() {
        r.selected = true;
        log.push(`select ${address}`);
      },
      getCell: (i, j) => range(`${address}[${i},${j}]`, [[values?.[i]?.[j]]]),
      load: () => r,
    };
    ranges.push(r);
    return r;
  };
  const sheets: { name: string; activated: boolean; tables: { name: string; range: FakeRange }[] }[] = sheetNames.map((name) => ({
    name,
    activated: false,
    tables: [],
  }));
  const sheetApi = (s: (typeof sheets)[number]) => ({
    activate: () => {
      s.activated = true;
      log.push(`activate ${s.name}`);
    },
    getRange: (a: string) => range(`${s.name}!${a}`),
    tables: {
      add: (r: FakeRange, hasHeaders: boolean) => {
        const t = { name: '', range: r };
        s.tables.push(t);
        log.push(`table.add ${r.address} ${hasHeaders}`);
        return t;
      },
    },
  });
  const added: unknown[][][] = [];
  const ctx = {
    sync: async () => {
      syncs++;
    },
    workbook: {
      worksheets: {
        load: () => undefined,
        get items() {
          return sheets.map((s) => ({ name: s.name }));
        },
        getItem: (name: string) => {
          const s = sheets.find((x) => x.name === name);
          if (!s) throw new Error(`ItemNotFound ${name}`);
          return sheetApi(s);
        },
        add: (name: string) => {
          const s = { name, activated: false, tables: [] };
          sheets.push(s);
          log.push(`add ${name}`);
          return sheetApi(s);
        },
      },
      tables: {
        load: () => undefined,
        get items() {
          return [...existingTables, ...sheets.flatMap((s) => s.tables)].map((t) => ({ name: t.name }));
        },
        getItem: (name: string) => {
          if (!asetukset) throw new Error(`ItemNotFound ${name}`);
          return {
            getHeaderRowRange: () => range('header', [asetukset.headers]),
            getDataBodyRange: () => range('body', asetukset.body),
            rows: {
              add: (_index: unknown, values: unknown[][]) => {
                added.push(values);
                const r = range('newrow', values);
                return { getRange: () => r };
              },
            },
          };
        },
      },
    },
  };
  const options: Excel.RunOptions[] = [];
  const run = async <T>(o: Excel.RunOptions, batch: (c: Excel.RequestContext) => Promise<T>) => {
    options.push(o);
    return batch(ctx as unknown as Excel.RequestContext);
  };
  return { run, log, sheets, ranges, added, options, syncs: () => syncs };
}

test('selectCell activates the sheet and selects the cell in one sync', async () => {
  const fx = fakeExcel(['Kustannukset']);
  await createOfficeHost({ run: fx.run }).selectCell('Kustannukset', 'E2');
  expect(fx.log).toEqual(['activate Kustannukset', 'select Kustannukset!E2']);
  expect(fx.syncs()).toBe(1);
  // The batch waits while the user is still typing in a cell ("Delay execution while cell is being edited").
  expect(fx.options).toEqual([{ delayForCellEdit: true }]);
});

test('createTemplate adds only the missing tables, on free sheet names, as text, in two syncs', async () => {
  const fx = fakeExcel(['Taul1', 'Kunnat']);
  const host = createOfficeHost({ run: fx.run });
  await host.createTemplate(
    { asetukset: 'Asetukset', kunnat: null, henkilosto: 'Staff', ilmoittautumiset: null, kustannukset: null },
    2027,
  );
  expect(fx.syncs()).toBe(2);
  // the optional participant plan (issue 12) after the missing required tables, as the template has it
  expect(fx.sheets.map((s) => s.name)).toEqual([
    'Taul1',
    'Kunnat',
    'Kunnat (2)',
    'Ilmoittautumiset',
    'Kustannukset',
    'Osallistujasuunnitelma',
  ]);
  const kunnat = fx.sheets[2].tables[0];
  expect(kunnat.name).toBe('Kunnat');
  expect(kunnat.range.address).toBe('Kunnat (2)!A1:E7');
  expect(kunnat.range.values![0]).toEqual(['Kunta', 'Asukasluku', 'Työttömät', 'Sovittu osuus %', 'Y-tunnus']);
  expect(kunnat.range.values![1]).toEqual(['Hyvinkää', 47400, '', '', '']);
  // the names we write are text ("@"); every other cell takes its column's format, blank ones too, so a
  // number typed later is a number: population and jobseekers as counts, the agreed share in
  // percentage points, the business ID (Y-tunnus, issue 12) as text (its leading zero and hyphen kept)
  expect(kunnat.range.numberFormat![1]).toEqual(['@', '#,##0', '#,##0', '0.00" %"', '@']);
  const costs = fx.sheets[4].tables[0];
  expect(costs.range.values![0]).toEqual(TABLES.kustannukset.columns.map((c) => c.names[0]));
  expect(costs.range.address).toBe('Kustannukset!A1:G2');
  expect(fx.log).toContain('activate Kunnat (2)');
  // nothing to do when all tables exist, the plan under one of its aliases: one look, nothing added
  const fx2 = fakeExcel(['Plan sheet'], undefined, [{ name: 'participantplan' }]);
  await createOfficeHost({ run: fx2.run }).createTemplate(
    { asetukset: 'a', kunnat: 'b', henkilosto: 'c', ilmoittautumiset: 'd', kustannukset: 'e' },
    2027,
  );
  expect(fx2.syncs()).toBe(1);
  expect(fx2.sheets.map((s) => s.name)).toEqual(['Plan sheet']);
  expect(fx2.log).toEqual([]);
});

test("createTemplate: the blank rows take their columns' formats, never text, so a number or date typed later is one", async () => {
  const fx = fakeExcel([]);
  await createOfficeHost({ run: fx.run }).createTemplate(
    { asetukset: null, kunnat: null, henkilosto: null, ilmoittautumiset: null, kustannukset: null },
    2027,
  );
  const table = (name: string) => fx.sheets.flatMap((s) => s.tables).find((t) => t.name === name)!;
  // an FTE typed into a text ("@") cell is stored as text and refused by the parser (number-is-text)
  expect(table('Henkilosto').range.numberFormat).toEqual([
    Array(8).fill('@'),
    ['General', 'General', 'General', 'General', 'General', '0.00##', 'd.m.yyyy', 'd.m.yyyy'],
  ]);
  expect(table('Kustannukset').range.numberFormat![1]).toEqual([
    'General',
    'General',
    'General',
    'General',
    '#,##0.00',
    'General',
    'General',
  ]);
  // the settings: the words we write are text, the year a number, the blank values General
  const settings = table('Asetukset').range.numberFormat!;
  expect(settings[1]).toEqual(['@', 'General']);
  expect(settings.slice(1).every((r) => r[0] === '@')).toBe(true);
  expect(settings.slice(1).every((r) => r[1] === '@' || r[1] === 'General')).toBe(true);
});

test('template rows: the settings with the year, the six municipalities', () => {
  expect(templateRows('asetukset', 2030)[0]).toEqual(['Vuosi', 2030]);
  expect(templateRows('kunnat', 2030).map((r) => r[0])).toEqual([
    'Hyvinkää',
    'Järvenpää',
    'Mäntsälä',
    'Nurmijärvi',
    'Pornainen',
    'Tuusula',
  ]);
  expect(templateRows('henkilosto', 2030)).toEqual([Array(8).fill('')]);
});

test('updateSetting writes the Arvo cell of the row found by any alias, text as text', async () => {
  const fx = fakeExcel([], {
    headers: ['Value', 'Setting'],
    body: [
      ['2026', 'Year'],
      ['', '  kelan OSUUS % '],
    ],
  });
  const host = createOfficeHost({ run: fx.run });
  await host.updateSetting!('kelaPct', 12.5, 'Settings');
  const cell = fx.ranges.find((r) => r.address === 'body[1,0]')!;
  expect(cell.values).toEqual([[12.5]]);
  expect(cell.numberFormat).toEqual([['General']]);
  expect(fx.syncs()).toBe(2);
  await host.updateSetting!('employer', '=1+1', 'Settings');
  const row = fx.ranges.find((r) => r.address === 'newrow')!;
  expect(fx.added).toEqual([[['', '']]]);
  expect(row.values).toEqual([['=1+1', 'Hallinnollinen työnantaja']]);
  expect(row.numberFormat).toEqual([['@', '@']]);
});

test('helpers', () => {
  expect(freeSheetName('Kunnat', ['kunnat', 'Kunnat (2)'])).toBe('Kunnat (3)');
  expect(freeSheetName('Kunnat', [])).toBe('Kunnat');
  expect(officeThemeKind('#262626')).toBe('dark');
  expect(officeThemeKind('FFFFFF')).toBe('light');
  expect(officeThemeKind(undefined)).toBe('light');
});

/** Sheet, table, headers (in order) and the number formats of the first data row of each input table. */
function tablesOf(raw: RawWorkbook) {
  return raw.tables.map((t) => ({
    sheet: t.sheet,
    name: t.name,
    headers: t.headers,
    formats: t.rows[0].map((c) => c.numFmt ?? 'General'),
  }));
}

describe('createTemplate in Excel makes the tables of the exceljs template (issue 12: the participant plan too)', () => {
  async function templateTables(): Promise<ReturnType<typeof tablesOf>> {
    const wb = await ExcelJsWorkbook.fromBuffer(Buffer.from(await (await buildTemplate(2027)).xlsx.writeBuffer()));
    return tablesOf(await wb.readTables());
  }

  test('an empty workbook gets the five tables and the plan, read back equal to the template file', async () => {
    const book = new FakeWorkbook();
    book.addSheet('Taul1');
    await createOfficeHost({ run: book.run }).createTemplate({}, 2027);
    const created = tablesOf(await adapter(book).readTables());
    const expected = await templateTables();
    // Same sheets, table names and headers in the same order; the plan's Osallistujia a count column.
    const shape = (ts: ReturnType<typeof tablesOf>) => ts.map(({ sheet, name, headers }) => ({ sheet, name, headers }));
    expect(shape(created)).toEqual(shape(expected));
    expect(created.map((t) => t.name)).toEqual([
      'Asetukset',
      'Kunnat',
      'Henkilosto',
      'Ilmoittautumiset',
      'Kustannukset',
      'Osallistujasuunnitelma',
    ]);
    const plan = (ts: ReturnType<typeof tablesOf>) => ts.find((t) => t.name === 'Osallistujasuunnitelma')!;
    expect(plan(created).headers).toEqual(['Tilaisuus', 'Organisaatio', 'Osallistujia', 'Vuosi']);
    // The template's column format of Osallistujia (a count; exceljs puts it on the column, so its
    // blank row reads back General), General elsewhere: a count or year typed there stays a number.
    expect(plan(created).formats).toEqual(['General', 'General', '#,##0', 'General']);
    expect(plan(expected).headers).toEqual(plan(created).headers);
    // The new workbook reads without a problem about the plan: its one blank row is no plan row.
    const { problems } = parseWorkbook(await adapter(book).readTables());
    expect(problems.filter((p) => p.where.table === 'Osallistujasuunnitelma')).toEqual([]);
  });

  test("an existing plan table and the user's plan sheet are left alone", async () => {
    const book = new FakeWorkbook();
    const own = book.addSheet('Suunnitelma 2027');
    ['Tilaisuus', 'Organisaatio', 'Osallistujia'].forEach((h, i) => own.put(0, i, h));
    own.put(1, 1, 'TVA');
    own.put(1, 2, 12);
    book.addTable(own, 'Suunnitelma', 0, 0, 2, 3);
    const before = snapshot(own);
    await createOfficeHost({ run: book.run }).createTemplate(
      {
        asetukset: 'Asetukset',
        kunnat: null,
        henkilosto: 'Henkilosto',
        ilmoittautumiset: 'Ilmoittautumiset',
        kustannukset: 'Kustannukset',
      },
      2027,
    );
    expect(book.sheets.map((s) => s.name)).toEqual(['Suunnitelma 2027', 'Kunnat']);
    expect(snapshot(own)).toBe(before);
  });

  test('a sheet named Osallistujasuunnitelma without the table stays as it is; the table goes beside it', async () => {
    const book = new FakeWorkbook();
    const own = book.addSheet('osallistujasuunnitelma');
    own.put(0, 0, 'Omat muistiinpanot');
    const before = snapshot(own);
    await createOfficeHost({ run: book.run }).createTemplate(
      { asetukset: 'a', kunnat: 'b', henkilosto: 'c', ilmoittautumiset: 'd', kustannukset: 'e' },
      2027,
    );
    expect(snapshot(own)).toBe(before);
    expect(book.sheets.map((s) => [s.name, s.tables.map((t) => t.name)])).toEqual([
      ['osallistujasuunnitelma', []],
      ['Osallistujasuunnitelma (2)', ['Osallistujasuunnitelma']],
    ]);
  });
});

describe('addPlanTable: only the participant plan, into a workbook that has its five tables', () => {
  /** A workbook with the five input tables (one data row each) and a sheet of the user's own. */
  function fiveTables(): FakeWorkbook {
    const book = new FakeWorkbook();
    const notes = book.addSheet('Muistiinpanot');
    notes.put(0, 0, 'Oma teksti');
    for (const key of Object.keys(TABLES) as (keyof typeof TABLES)[]) {
      const t = TABLES[key];
      const ws = book.addSheet(t.sheet);
      t.columns.forEach((c, i) => ws.put(0, i, c.names[0]));
      ws.put(1, 0, 'x');
      book.addTable(ws, t.names[0], 0, 0, 2, t.columns.length);
    }
    return book;
  }

  test('adds the plan table on its own sheet and nothing else; the other sheets stay as they were', async () => {
    const book = fiveTables();
    const before = book.sheets.map(snapshot);
    const sheet = await createOfficeHost({ run: book.run }).addPlanTable!(2027);
    expect(sheet).toBe('Osallistujasuunnitelma');
    expect(book.sheets.map((s) => s.name)).toEqual([
      'Muistiinpanot',
      'Asetukset',
      'Kunnat',
      'Henkilosto',
      'Ilmoittautumiset',
      'Kustannukset',
      'Osallistujasuunnitelma',
    ]);
    expect(book.sheets.slice(0, 6).map(snapshot)).toEqual(before);
    const raw = await adapter(book).readTables();
    const plan = raw.tables.find((t) => t.name === 'Osallistujasuunnitelma')!;
    expect(plan.headers).toEqual(['Tilaisuus', 'Organisaatio', 'Osallistujia', 'Vuosi']);
    // one blank row (an Excel table needs one) that the parser skips: no problem about the plan
    expect(plan.rows).toHaveLength(1);
    expect(parseWorkbook(raw).problems.filter((p) => p.where.table === 'Osallistujasuunnitelma')).toEqual([]);
  });

  test('a plan under one of its names: nothing added, null; a taken sheet name: the table goes beside it', async () => {
    const book = fiveTables();
    const own = book.addSheet('Suunnitelma 2027');
    ['Tilaisuus', 'Organisaatio', 'Osallistujia'].forEach((h, i) => own.put(0, i, h));
    book.addTable(own, 'ParticipantPlan', 0, 0, 2, 3);
    const names = book.sheets.map((s) => s.name);
    expect(await createOfficeHost({ run: book.run }).addPlanTable!(2027)).toBeNull();
    expect(book.sheets.map((s) => s.name)).toEqual(names);

    const other = fiveTables();
    other.addSheet('OSALLISTUJASUUNNITELMA').put(0, 0, 'muistiinpano');
    expect(await createOfficeHost({ run: other.run }).addPlanTable!(2027)).toBe('Osallistujasuunnitelma (2)');
    expect(other.sheets.find((s) => s.name === 'OSALLISTUJASUUNNITELMA')!.tables).toEqual([]);
  });
});
