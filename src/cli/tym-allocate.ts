#!/usr/bin/env node
/**
 * tym-allocate: the command line of the TYM shared-cost allocation.
 *   template FILE [--year N]     input workbook to fill in
 *   validate FILE                list every input problem (sheet, row, column)
 *   run FILE [--out OUT] [--json]  allocate and write OUT (the input plus the output sheets)
 *   verify FILE                  recompute and report output cells that no longer match
 *   invoices FILE [--csv OUT]    the invoices and credit notes of the year (CSV for the invoicing system)
 *   demo [--out-dir DIR]         the bundled sample year and its allocation under out/
 * Exit codes: 0 ok, 1 input problems (or mismatches found by verify), 2 usage.
 */
import * as fs from 'fs';
import * as path from 'path';
import { ExcelJsWorkbook } from '../adapters/exceljs/excelJsWorkbook';
import { buildTemplate } from '../adapters/exceljs/template';
import { buildSampleInputs } from '../sample/sample';
import { createAllocationApp, summarise, summariseInvoicing } from '../app/run';
import type { InputModel } from '../domain/types';
import { computeOutputs } from '../app/pipeline';
import { euros } from '../domain/decimal';
import type { Lang } from '../domain/problems';
import { findingList, invoicingTable, problemList, summaryTable } from './format';
import { cmdInvoices } from './invoices';
import type { Allocation } from '../domain/allocate';
import type { RawWorkbook } from '../domain/raw';
import { SheetConflictError, TableNameConflictError } from '../workbook/port';

export const EXIT = { ok: 0, input: 1, usage: 2 } as const;

const USAGE = `Käyttö / Usage:
  tym-allocate template TIEDOSTO.xlsx [--year VUOSI]
  tym-allocate validate TIEDOSTO.xlsx
  tym-allocate run TIEDOSTO.xlsx [--out TULOS.xlsx] [--json]
  tym-allocate verify TULOS.xlsx
  tym-allocate invoices TIEDOSTO.xlsx [--csv LASKUT.csv]
  tym-allocate demo [--out-dir KANSIO]
Valinnat: --lang fi|sv|en (oletus fi)`;

class UsageError extends Error {}

interface Args {
  command: string;
  file?: string;
  flags: Map<string, string | true>;
}

export function parseArgs(argv: string[]): Args {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h') throw new UsageError('');
  const flags = new Map<string, string | true>();
  const positional: string[] = [];
  const valued = new Set(['--year', '--out', '--out-dir', '--lang', '--csv']);
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (valued.has(a)) {
      const v = rest[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${a} tarvitsee arvon / needs a value`);
      flags.set(a, v);
    } else if (a === '--json') flags.set(a, true);
    else if (a.startsWith('--')) throw new UsageError(`tuntematon valinta / unknown option ${a}`);
    else positional.push(a);
  }
  if (positional.length > 1) throw new UsageError(`liikaa argumentteja / too many arguments: ${positional.join(' ')}`);
  return { command, file: positional[0], flags };
}

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

const consoleIo: Io = { out: (s) => process.stdout.write(s + '\n'), err: (s) => process.stderr.write(s + '\n') };

function requireFile(args: Args): string {
  if (!args.file) throw new UsageError(`${args.command}: tiedosto puuttuu / FILE missing`);
  return args.file;
}

function langOf(args: Args): Lang {
  const l = args.flags.get('--lang') ?? 'fi';
  if (l !== 'fi' && l !== 'sv' && l !== 'en') throw new UsageError('--lang: fi, sv tai en');
  return l;
}

/** OUT beside FILE: budjetti.xlsx -> budjetti.tulokset.xlsx. */
export function defaultOutPath(file: string): string {
  const ext = path.extname(file);
  return path.join(path.dirname(file), `${path.basename(file, ext)}.tulokset${ext || '.xlsx'}`);
}

async function loadOrReport(file: string, io: Io): Promise<ExcelJsWorkbook | null> {
  if (!fs.existsSync(file)) {
    io.err(`Tiedostoa ei löydy / file not found: ${file}`);
    return null;
  }
  try {
    return await ExcelJsWorkbook.load(file);
  } catch (e) {
    io.err(`Tiedostoa ei voi lukea Excel-työkirjana / cannot read as an .xlsx workbook: ${file}: ${(e as Error).message}`);
    return null;
  }
}

/** The --json document: every group part, the totals, and the invoicing (installments, settlements); amounts as two-decimal strings. */
export function jsonReport(model: InputModel, alloc: Allocation): unknown {
  const results = alloc.groups.flatMap((g) =>
    [...g.parties.parts, ...g.municipalities.parts].map((p) => ({
      laji: g.kind,
      pool: g.pool,
      event: g.event,
      receiver: p.receiver,
      key: p.key.toDecimalPlaces(10).toString(),
      // Where the key comes from: staff, registrations, plan or previous-year (issue 12: budget lines of pool b).
      keySource: g.keySource,
      amount: euros(p.amount),
    })),
  );
  const totals: Record<string, Record<string, string>> = {};
  for (const kind of ['TA', 'TOT'] as const) {
    if (!alloc.groups.some((g) => g.kind === kind)) continue;
    totals[kind] = Object.fromEntries([...alloc.totals[kind].entries()].map(([r, v]) => [r, euros(v)]));
  }
  return { year: alloc.year, results, totals, invoicing: summariseInvoicing(model, alloc) };
}

async function cmdTemplate(args: Args, io: Io): Promise<number> {
  const file = requireFile(args);
  const yearFlag = args.flags.get('--year');
  const year = yearFlag === undefined ? new Date().getFullYear() + 1 : Number(yearFlag);
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new UsageError('--year: vuosi 2000–2100');
  if (fs.existsSync(file)) {
    io.err(`Tiedosto on jo olemassa, en korvaa sitä / file exists, not overwritten: ${file}`);
    return EXIT.input;
  }
  const wb = await buildTemplate(year);
  await writeAtomically(file, Buffer.from(await wb.xlsx.writeBuffer()));
  io.out(`Syöttöpohja vuodelle ${year} kirjoitettu / template written: ${file}`);
  return EXIT.ok;
}

async function cmdValidate(args: Args, io: Io): Promise<number> {
  const lang = langOf(args);
  const wb = await loadOrReport(requireFile(args), io);
  if (!wb) return EXIT.input;
  const report = await createAllocationApp(wb).validate();
  if (report.problems.length) io.err(problemList(report.problems, lang));
  if (!report.ok) return EXIT.input;
  io.out('Syötteet kunnossa / inputs OK');
  return EXIT.ok;
}

async function cmdRun(args: Args, io: Io): Promise<number> {
  const lang = langOf(args);
  const file = requireFile(args);
  const out = (args.flags.get('--out') as string | undefined) ?? defaultOutPath(file);
  if (path.resolve(out) === path.resolve(file)) {
    io.err('Tulostiedosto ei voi olla sama kuin syöttötiedosto / OUT must differ from FILE');
    return EXIT.usage;
  }
  const wb = await loadOrReport(file, io);
  if (!wb) return EXIT.input;
  const raw: RawWorkbook = await wb.readTables();
  const result = computeOutputs(raw);
  if (result.problems.length) io.err(problemList(result.problems, lang));
  if (!result.ok) return EXIT.input;
  try {
    await wb.replaceOutputs(result.sheets);
  } catch (e) {
    // A user's own sheet or table already has an output name: refuse, write nothing.
    if (e instanceof SheetConflictError) {
      io.err(`Välilehti "${e.sheet}" on jo olemassa eikä se ole tämän laskelman tekemä: nimeä se uudelleen ja aja uudestaan. / Sheet "${e.sheet}" exists and is not an output of this tool: rename it and run again.`);
      return EXIT.input;
    }
    if (e instanceof TableNameConflictError) {
      io.err(`Taulukko "${e.table}" (välilehti ${e.sheet}) on jo olemassa: nimeä se uudelleen ja aja uudestaan. / Table "${e.table}" on sheet ${e.sheet} exists: rename it and run again.`);
      return EXIT.input;
    }
    throw e;
  }
  await wb.saveAs(out);
  if (args.flags.has('--json')) {
    io.out(JSON.stringify(jsonReport(result.model, result.allocation), null, 2));
  } else {
    io.out(summaryTable(result.allocation.year, summarise(result.model, result.allocation), lang));
    io.out('');
    io.out(invoicingTable(summariseInvoicing(result.model, result.allocation), lang));
    io.out(`\nKirjoitettu / written: ${out}`);
  }
  return EXIT.ok;
}

async function cmdVerify(args: Args, io: Io): Promise<number> {
  const lang = langOf(args);
  const wb = await loadOrReport(requireFile(args), io);
  if (!wb) return EXIT.input;
  const report = await createAllocationApp(wb).verify();
  if (report.problems.length) io.err(problemList(report.problems, lang));
  if (report.findings.length) io.err(findingList(report.findings));
  if (!report.ok) return EXIT.input;
  io.out(`Kaikki ${report.cellsChecked} tulossolua täsmäävät / all output cells match`);
  return EXIT.ok;
}

async function cmdDemo(args: Args, io: Io): Promise<number> {
  const dir = (args.flags.get('--out-dir') as string | undefined) ?? 'out';
  fs.mkdirSync(dir, { recursive: true });
  const year = 2026;
  const input = path.join(dir, `tym-esimerkki-${year}.xlsx`);
  const sample = await buildSampleInputs({ year });
  await writeAtomically(input, Buffer.from(await sample.xlsx.writeBuffer()));
  io.out(`Esimerkkiaineisto / sample inputs: ${input}`);
  return cmdRun({ command: 'run', file: input, flags: new Map(args.flags).set('--out', defaultOutPath(input)) }, io);
}

async function writeAtomically(file: string, data: Buffer): Promise<void> {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  await fs.promises.writeFile(tmp, data);
  await fs.promises.rename(tmp, file);
}

const COMMANDS: Record<string, (a: Args, io: Io) => Promise<number>> = {
  template: cmdTemplate,
  validate: cmdValidate,
  run: cmdRun,
  verify: cmdVerify,
  demo: cmdDemo,
  invoices: (a, io) => cmdInvoices({ file: requireFile(a), csv: a.flags.get('--csv') as string | undefined, lang: langOf(a) }, io, (f) => loadOrReport(f, io)),
};

export async function main(argv: string[], io: Io = consoleIo): Promise<number> {
  try {
    const args = parseArgs(argv);
    const cmd = COMMANDS[args.command];
    if (!cmd) throw new UsageError(`tuntematon komento / unknown command: ${args.command}`);
    return await cmd(args, io);
  } catch (e) {
    if (e instanceof UsageError) {
      if (e.message) io.err(e.message);
      io.err(USAGE);
      return EXIT.usage;
    }
    throw e;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e) => {
      process.stderr.write(`Odottamaton virhe / unexpected error: ${(e as Error).stack ?? e}\n`);
      process.exit(3);
    },
  );
}
