/**
 * A real spreadsheet engine for tests: LibreOffice recalculates written workbooks, then the tests read
 * the recalculated values with exceljs.
 *
 * - A private profile per test process (jest runs files in parallel processes; two soffice processes
 *   must not share a profile), whose registrymodifications.xcu sets OOXMLRecalcMode = 0: always
 *   recalculate on load (by default LibreOffice keeps the cached values the file carries).
 * - Calls within a process are serialised: one soffice at a time.
 * - recalculateMany converts several files in one soffice start (~1.5 s saved per file).
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const XCU = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** The soffice binary: $SOFFICE or soffice on the PATH (read at each call). */
const soffice = () => process.env.SOFFICE || 'soffice';
const TIMEOUT_MS = 10 * 60 * 1000;

let profileDir: string | null = null;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Profiles of test processes that ended without cleaning up (jest may kill its workers). */
function removeStaleProfiles(): void {
  for (const name of fs.readdirSync(os.tmpdir())) {
    const m = /^tym-lo-profile-(\d+)$/.exec(name);
    if (!m || Number(m[1]) === process.pid || alive(Number(m[1]))) continue;
    try {
      fs.rmSync(path.join(os.tmpdir(), name), { recursive: true, force: true });
    } catch {
      /* another process got there first */
    }
  }
}

/** The private profile of this process (created once). */
export function profilePath(): string {
  if (profileDir) return profileDir;
  removeStaleProfiles();
  const dir = path.join(os.tmpdir(), `tym-lo-profile-${process.pid}`);
  fs.mkdirSync(path.join(dir, 'user'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'user', 'registrymodifications.xcu'), XCU);
  profileDir = dir;
  process.once('exit', () => {
    try {
      fs.rmSync(dir, { recursive: true, force: true });
    } catch {
      /* best effort */
    }
  });
  return dir;
}

export class LibreOfficeMissingError extends Error {
  constructor() {
    super(`LibreOffice (${soffice()}) was not found. Install it with: npm run setup:debian (or set SOFFICE to the soffice binary).`);
    this.name = 'LibreOfficeMissingError';
  }
}

let queue: Promise<unknown> = Promise.resolve();

/** Runs `task` after every earlier call of this process has finished. */
function serialised<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

function runSoffice(args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    // Its own process group: soffice starts soffice.bin, and a timeout must stop both.
    const child = spawn(soffice(), args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, SAL_USE_VCLPLUGIN: 'svp' },
      detached: true,
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const timer = setTimeout(() => {
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }, TIMEOUT_MS);
    child.on('error', (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(e.code === 'ENOENT' ? new LibreOfficeMissingError() : e);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, output });
    });
  });
}

/**
 * Recalculates every file in LibreOffice and writes the results as .xlsx into `outDir`
 * (same base names). Returns the output paths in input order.
 */
export function recalculateMany(xlsxPaths: string[], outDir: string): Promise<string[]> {
  return serialised(async () => {
    if (xlsxPaths.length === 0) return [];
    fs.mkdirSync(outDir, { recursive: true });
    const outs = xlsxPaths.map((p) => path.join(path.resolve(outDir), `${path.basename(p, path.extname(p))}.xlsx`));
    if (new Set(outs).size !== outs.length) throw new Error('recalculateMany: input files must have distinct base names');
    for (let i = 0; i < xlsxPaths.length; i++) {
      if (path.resolve(xlsxPaths[i]) === outs[i]) throw new Error(`recalculateMany: outDir must differ from the folder of ${xlsxPaths[i]}`);
      if (!fs.existsSync(xlsxPaths[i])) throw new Error(`recalculateMany: no such file ${xlsxPaths[i]}`);
      fs.rmSync(outs[i], { force: true });
    }
    const profile = `file://${profilePath()}`;
    const { code, output } = await runSoffice([
      `-env:UserInstallation=${profile}`,
      '--headless',
      '--norestore',
      '--nolockcheck',
      '--convert-to',
      'xlsx',
      '--outdir',
      path.resolve(outDir),
      ...xlsxPaths.map((p) => path.resolve(p)),
    ]);
    const missing = outs.filter((o) => !fs.existsSync(o));
    if (code !== 0 || missing.length) {
      throw new Error(`LibreOffice conversion failed (exit ${code}); missing: ${missing.join(', ') || 'none'}\n${output}`);
    }
    return outs;
  });
}

/** Recalculates one file; returns the path of the recalculated copy in `outDir`. */
export async function recalculate(xlsxPath: string, outDir: string): Promise<string> {
  const [out] = await recalculateMany([xlsxPath], outDir);
  return out;
}

/** True when soffice can be started (for a clear message instead of a confusing failure). */
export async function hasLibreOffice(): Promise<boolean> {
  try {
    const { code } = await runSoffice(['--version']);
    return code === 0;
  } catch {
    return false;
  }
}

/**
 * Opens a CSV file in LibreOffice as a user with the given import settings would, and saves it as
 * .xlsx in `outDir` (issue 12: the invoice CSV). `filterOptions` is LibreOffice's CSV filter string:
 * separator, quote and charset codes, first line, column formats, language, e.g. "59,34,76,1,,1035"
 * = ";", '"', UTF-8, from line 1, standard columns, Finnish (fi-FI).
 */
export function openCsvAsXlsx(csvPath: string, outDir: string, filterOptions: string): Promise<string> {
  return serialised(async () => {
    fs.mkdirSync(outDir, { recursive: true });
    const out = path.join(path.resolve(outDir), `${path.basename(csvPath, path.extname(csvPath))}.xlsx`);
    fs.rmSync(out, { force: true });
    const { code, output } = await runSoffice([
      `-env:UserInstallation=file://${profilePath()}`,
      '--headless',
      '--norestore',
      '--nolockcheck',
      `--infilter=CSV:${filterOptions}`,
      '--convert-to',
      'xlsx',
      '--outdir',
      path.resolve(outDir),
      path.resolve(csvPath),
    ]);
    if (code !== 0 || !fs.existsSync(out)) throw new Error(`LibreOffice could not open ${csvPath} (exit ${code})\n${output}`);
    return out;
  });
}
