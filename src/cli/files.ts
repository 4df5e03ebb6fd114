/**
 * The command line's files: opening the input workbook with one clear message per reason it cannot
 * be read, and checking every path it will write before any work is done (the folder exists and
 * can be written to, the target is no folder, not the input itself under another name or through
 * a link, and not someone's file: only an earlier output of this program is replaced without
 * --force). Writing is atomic (a temporary file in the same folder, renamed over the target).
 */
import * as fs from 'fs';
import * as path from 'path';
import { formatProblem, error as problem, type Lang, type ProblemCode } from '../domain/problems';
import { PackageWorkbook, UnreadableWorkbookError } from '../adapters/xlsx/packageWorkbook';
import { osReason, say } from './messages';

/** A refusal: what to print and the exit code (1 the input, 2 a path given on the command line). */
export class CliRefusal extends Error {
  constructor(
    message: string,
    readonly exit: 1 | 2,
  ) {
    super(message);
    this.name = 'CliRefusal';
  }
}

const fileProblem = (code: ProblemCode, file: string, lang: Lang, reason = '') =>
  new CliRefusal(formatProblem(problem(code, {}, { file, reason }), lang), 1);

/** Opens the input workbook; any reason it cannot be read is a CliRefusal (exit 1) naming the file. */
export async function openInput(file: string, lang: Lang): Promise<PackageWorkbook> {
  let stat: fs.Stats;
  try {
    stat = await fs.promises.stat(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw fileProblem('file-not-found', file, lang);
    throw fileProblem('file-unreadable', file, lang, osReason(e, lang));
  }
  if (stat.isDirectory()) throw fileProblem('file-is-directory', file, lang);
  let data: Buffer;
  try {
    data = await fs.promises.readFile(file);
  } catch (e) {
    throw fileProblem('file-unreadable', file, lang, osReason(e, lang));
  }
  try {
    return await PackageWorkbook.fromBuffer(data, await fs.promises.realpath(file));
  } catch (e) {
    if (e instanceof UnreadableWorkbookError) {
      const detail = e.message.replace(/^[^:]*: ?/, '');
      throw fileProblem(`file-${e.reason}` as ProblemCode, file, lang, e.reason === 'damaged' ? detail : '');
    }
    throw e;
  }
}

/** The folder of `target` exists, is a folder and can be written to; else a CliRefusal (exit 2). */
async function checkFolder(target: string, lang: Lang, option = '--out'): Promise<void> {
  const dir = path.dirname(path.resolve(target));
  let stat: fs.Stats;
  try {
    stat = await fs.promises.stat(dir);
  } catch {
    throw new CliRefusal(say(lang, 'outFolderMissing', { dir, out: target, option }), 2);
  }
  if (!stat.isDirectory()) throw new CliRefusal(say(lang, 'outFolderMissing', { dir, out: target, option }), 2);
  try {
    await fs.promises.access(dir, fs.constants.W_OK);
  } catch (e) {
    throw new CliRefusal(say(lang, 'outUnwritable', { dir, reason: osReason(e, lang), option }), 2);
  }
}

/** The file extension a package of this content type must have for Excel to open it. */
export function extensionFor(book: PackageWorkbook): {
  ext: string;
  kind: 'kindMacro' | 'kindTemplate' | 'kindMacroTemplate' | 'kindWorkbook';
} {
  const t = book.contentType;
  if (t.includes('template.macroenabled')) return { ext: '.xltm', kind: 'kindMacroTemplate' };
  if (t.includes('template')) return { ext: '.xltx', kind: 'kindTemplate' };
  if (t.includes('macroenabled')) return { ext: '.xlsm', kind: 'kindMacro' };
  return { ext: '.xlsx', kind: 'kindWorkbook' };
}

/** True when `file` is a workbook this program wrote (it carries the owner mark on a sheet). */
async function isEarlierOutput(file: string): Promise<boolean> {
  try {
    const book = await PackageWorkbook.fromBuffer(await fs.promises.readFile(file));
    return (await book.ownSheetNames()).length > 0;
  } catch {
    return false;
  }
}

/** How a path to write is checked: the option that named it, and what counts as an earlier output. */
export interface TargetRules {
  force: boolean;
  lang: Lang;
  /** The option that named the path, for the messages ('--out', '--csv'). */
  option: string;
  /** True when an existing file at the path is an earlier output of this program (replaced without --force). */
  isEarlier: (file: string) => Promise<boolean>;
  /** A file name to suggest inside a folder given as the path. */
  suggestion: string;
}

/**
 * Every check of a path to write, before any work: folder, not a folder itself, not a device, not the
 * input (also through another spelling, a symbolic or a hard link), and not a file of someone's (only
 * an earlier output is replaced, unless --force).
 */
export async function checkTarget(out: string, input: string, rules: TargetRules): Promise<void> {
  const { lang, option } = rules;
  if (path.resolve(out) === path.resolve(input)) throw new CliRefusal(say(lang, 'outSameAsFile', { out, file: input, option }), 2);
  await checkFolder(out, lang, option);
  let stat: fs.Stats | null = null;
  try {
    stat = await fs.promises.stat(out);
  } catch {
    stat = null; // does not exist (or a dangling link, which the write replaces)
  }
  if (stat) {
    if (stat.isDirectory())
      throw new CliRefusal(say(lang, 'outIsDirectory', { out, suggestion: path.join(out, rules.suggestion), option }), 2);
    if (!stat.isFile()) throw new CliRefusal(say(lang, 'outNotRegular', { out, option }), 2);
    const inStat = await fs.promises.stat(input);
    if (stat.dev === inStat.dev && stat.ino === inStat.ino)
      throw new CliRefusal(say(lang, 'outSameAsFile', { out, file: input, option }), 2);
    if (!rules.force && !(await rules.isEarlier(out))) throw new CliRefusal(say(lang, 'outExists', { out, option }), 2);
  }
}

/** Every check of run's OUT (checkTarget with --out), and the extension the workbook's kind needs. */
export async function checkOutput(out: string, input: string, book: PackageWorkbook, force: boolean, lang: Lang): Promise<void> {
  await checkTarget(out, input, {
    force,
    lang,
    option: '--out',
    isEarlier: isEarlierOutput,
    suggestion: path.basename(defaultOutPath(input)),
  });
  const { ext, kind } = extensionFor(book);
  if (path.extname(out).toLowerCase() !== ext)
    throw new CliRefusal(say(lang, 'outExtension', { out, kind: say(lang, kind), wanted: ext }), 2);
}

/** A new file (template): its folder is writable and nothing is there yet. */
export async function checkNewFile(file: string, lang: Lang): Promise<void> {
  await checkFolder(file, lang);
  try {
    await fs.promises.lstat(file);
  } catch {
    return;
  }
  throw new CliRefusal(say(lang, 'templateExists', { file }), 2);
}

/**
 * mkdir -p that cannot hang: Node's recursive mkdir loops forever under /proc (ENOENT on every level),
 * so each missing level is created on its own and any failure is a CliRefusal (exit 2).
 */
export async function ensureFolder(dir: string, lang: Lang): Promise<void> {
  const abs = path.resolve(dir);
  const missing: string[] = [];
  let at = abs;
  for (;;) {
    try {
      const stat = await fs.promises.stat(at);
      if (!stat.isDirectory()) throw new CliRefusal(say(lang, 'notAFolder', { dir: at }), 2);
      break;
    } catch (e) {
      if (e instanceof CliRefusal) throw e;
      missing.unshift(at);
      const up = path.dirname(at);
      if (up === at) break;
      at = up;
    }
  }
  for (const level of missing) {
    try {
      await fs.promises.mkdir(level);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw new CliRefusal(say(lang, 'folderNotCreated', { dir, reason: osReason(e, lang) }), 2);
    }
  }
  try {
    await fs.promises.access(abs, fs.constants.W_OK);
  } catch (e) {
    throw new CliRefusal(say(lang, 'folderNotCreated', { dir, reason: osReason(e, lang) }), 2);
  }
}

/** OUT beside FILE: budjetti.xlsx -> budjetti.tulokset.xlsx (the extension kept: .xlsm stays .xlsm). */
export function defaultOutPath(file: string): string {
  const ext = path.extname(file);
  return path.join(path.dirname(file), `${path.basename(file, ext)}.tulokset${ext || '.xlsx'}`);
}

let tmpCounter = 0;

/** Writes bytes atomically: a temporary file beside the target, flushed, then renamed over it. */
export async function writeAtomically(file: string, data: Uint8Array): Promise<void> {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${tmpCounter++}.tmp`);
  let handle: fs.promises.FileHandle | undefined;
  try {
    handle = await fs.promises.open(tmp, 'wx');
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await fs.promises.rename(tmp, file);
  } catch (e) {
    if (handle) await handle.close().catch(() => undefined);
    await fs.promises.unlink(tmp).catch(() => undefined);
    throw e;
  }
}

/** A failed write (disk full, permissions changed meanwhile) as a refusal naming the file (exit 1). */
export function writeFailure(out: string, e: unknown, lang: Lang): CliRefusal {
  return new CliRefusal(say(lang, 'writeFailed', { out, reason: osReason(e, lang) }), 1);
}
