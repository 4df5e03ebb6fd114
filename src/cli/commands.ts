/**
 * The commands of tym-allocate. Each returns its exit code; a path or file it cannot use is a
 * CliRefusal (files.ts) that main prints. Nothing is written when the input has errors, and every
 * path to write is checked before the work starts.
 */
import * as path from 'path';
import { buildTemplate } from '../adapters/exceljs/template';
import { serialiseView } from '../adapters/exceljs/exceljsView';
import { buildSampleInputs } from '../sample/sample';
import { createAllocationApp, summarise, summariseInvoicing } from '../app/run';
import { outputConflicts } from '../app/conflicts';
import type { InputModel } from '../domain/types';
import { computeOutputs } from '../app/pipeline';
import { euros } from '../domain/decimal';
import type { Lang } from '../domain/problems';
import type { Allocation } from '../domain/allocate';
import { SheetConflictError, TableNameConflictError } from '../workbook/port';
import { invoicingTable, problemList, summaryTable, verifyText } from './format';
import { checkNewFile, checkOutput, CliRefusal, defaultOutPath, ensureFolder, openInput, writeAtomically, writeFailure } from './files';
import { say } from './messages';

export const EXIT = { ok: 0, input: 1, usage: 2 } as const;

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

export interface Args {
  command: string;
  file?: string;
  flags: Map<string, string | true>;
}

export class UsageError extends Error {}

function requireFile(args: Args): string {
  if (!args.file) throw new UsageError(`${args.command}: tiedosto puuttuu / FILE missing`);
  return args.file;
}

export function langOf(args: Args): Lang {
  const l = args.flags.get('--lang') ?? 'fi';
  if (l !== 'fi' && l !== 'sv' && l !== 'en') throw new UsageError('--lang: fi, sv tai en');
  return l;
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

export async function cmdTemplate(args: Args, io: Io): Promise<number> {
  const lang = langOf(args);
  const file = requireFile(args);
  const yearFlag = args.flags.get('--year');
  const year = yearFlag === undefined ? new Date().getFullYear() + 1 : Number(yearFlag);
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new UsageError('--year: vuosi 2000–2100');
  await checkNewFile(file, lang);
  const data = await serialiseView(await buildTemplate(year));
  try {
    await writeAtomically(file, data);
  } catch (e) {
    throw writeFailure(file, e, lang);
  }
  io.out(say(lang, 'templateWritten', { year, file }));
  return EXIT.ok;
}

export async function cmdValidate(args: Args, io: Io): Promise<number> {
  const lang = langOf(args);
  const wb = await openInput(requireFile(args), lang);
  const report = await createAllocationApp(wb).validate();
  if (report.problems.length) io.err(problemList(report.problems, lang));
  if (!report.ok) return EXIT.input;
  io.out(say(lang, 'inputsOk'));
  return EXIT.ok;
}

export async function cmdRun(args: Args, io: Io): Promise<number> {
  const lang = langOf(args);
  const file = requireFile(args);
  const out = (args.flags.get('--out') as string | undefined) ?? defaultOutPath(file);
  const wb = await openInput(file, lang);
  await checkOutput(out, file, wb, args.flags.has('--force'), lang);
  const raw = await wb.readTables();
  const result = computeOutputs(raw);
  const conflicts = result.ok ? outputConflicts(raw, await wb.ownSheetNames(), result.sheets) : [];
  const problems = [...result.problems, ...conflicts];
  if (problems.length) io.err(problemList(problems, lang));
  if (!result.ok || conflicts.length) return EXIT.input;
  let outcome: Awaited<ReturnType<typeof wb.replaceOutputs>>;
  try {
    outcome = await wb.replaceOutputs(result.sheets);
  } catch (e) {
    // Checked above; a defined name that takes a table's name is only found while writing.
    if (e instanceof SheetConflictError || e instanceof TableNameConflictError) {
      io.err(e.message);
      return EXIT.input;
    }
    throw e;
  }
  try {
    await wb.saveAs(out);
  } catch (e) {
    throw writeFailure(out, e, lang);
  }
  if (outcome.otherMarkedSheets.length)
    io.err(say(lang, 'otherMarked', { sheets: outcome.otherMarkedSheets.map((n) => `"${n}"`).join(', ') }));
  if (args.flags.has('--json')) {
    io.out(JSON.stringify(jsonReport(result.model, result.allocation), null, 2));
  } else {
    io.out(summaryTable(result.allocation.year, summarise(result.model, result.allocation), lang));
    io.out('');
    io.out(invoicingTable(summariseInvoicing(result.model, result.allocation), lang));
    io.out('\n' + say(lang, 'written', { out }));
  }
  return EXIT.ok;
}

export async function cmdVerify(args: Args, io: Io): Promise<number> {
  const lang = langOf(args);
  const wb = await openInput(requireFile(args), lang);
  const report = await createAllocationApp(wb).verify();
  const text = verifyText(report, lang);
  if (text.err) io.err(text.err);
  if (!report.ok) return EXIT.input;
  io.out(text.out);
  return EXIT.ok;
}

export async function cmdDemo(args: Args, io: Io): Promise<number> {
  const lang = langOf(args);
  const dir = (args.flags.get('--out-dir') as string | undefined) ?? 'out';
  await ensureFolder(dir, lang);
  const year = 2026;
  const input = path.join(dir, `tym-esimerkki-${year}.xlsx`);
  const data = await serialiseView(await buildSampleInputs({ year }));
  try {
    await writeAtomically(input, data);
  } catch (e) {
    throw writeFailure(input, e, lang);
  }
  io.out(say(lang, 'sampleWritten', { file: input }));
  return cmdRun({ command: 'run', file: input, flags: new Map(args.flags).set('--out', defaultOutPath(input)) }, io);
}

export const COMMANDS: Record<string, (a: Args, io: Io) => Promise<number>> = {
  template: cmdTemplate,
  validate: cmdValidate,
  run: cmdRun,
  verify: cmdVerify,
  demo: cmdDemo,
};

export { CliRefusal };
