/** Small helpers shared by the benchmark script and its worker processes. */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** The repository root: the nearest folder above this file with the project's package.json. */
export function repoRoot(): string {
  let dir = __dirname;
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg) && JSON.parse(fs.readFileSync(pkg, 'utf8')).name === 'tym-kustannustenjako') return dir;
    const up = path.dirname(dir);
    if (up === dir) throw new Error('bench: repository root (package.json of tym-kustannustenjako) not found');
    dir = up;
  }
}

export function median(xs: number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Worker processes print one line `BENCH_RESULT <json>`; everything else is progress. */
export const RESULT_MARK = 'BENCH_RESULT ';

export function emitResult(value: unknown): void {
  process.stdout.write(`${RESULT_MARK}${JSON.stringify(value)}\n`);
}

export function parseResult<T>(stdout: string): T {
  const line = stdout.split('\n').find((l) => l.startsWith(RESULT_MARK));
  if (!line) throw new Error(`worker printed no result line:\n${stdout.slice(-2000)}`);
  return JSON.parse(line.slice(RESULT_MARK.length)) as T;
}

export interface Measured {
  code: number;
  wallMs: number;
  /** Peak resident set size of the child in kB (from /usr/bin/time -v), null when unknown. */
  maxRssKb: number | null;
  userS: number | null;
  sysS: number | null;
  stdout: string;
  stderr: string;
}

const GNU_TIME = '/usr/bin/time';

/**
 * Runs a command as its own process and measures wall time (here) and peak RSS (GNU time -v,
 * written to a separate file so it does not mix with the command's stderr). Without GNU time the
 * peak RSS of node commands comes from a preloaded probe (process.resourceUsage at exit).
 */
export function runMeasured(
  cmd: string,
  args: string[],
  opts: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): Promise<Measured> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tym-bench-time-'));
  const timeFile = path.join(tmp, 'time.txt');
  const probeFile = path.join(tmp, 'probe.txt');
  const haveTime = fs.existsSync(GNU_TIME);
  let file = cmd;
  let argv = args;
  const env = { ...process.env, ...opts.env };
  if (haveTime) {
    file = GNU_TIME;
    argv = ['-v', '-o', timeFile, cmd, ...args];
  } else if (cmd === process.execPath) {
    argv = ['-r', path.join(__dirname, 'rssProbe.js'), ...args];
    env.TYM_BENCH_RSS_FILE = probeFile;
  }
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(file, argv, { cwd: opts.cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = opts.timeoutMs ? setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs) : null;
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
      if (timer) clearTimeout(timer);
      let maxRssKb: number | null = null;
      let userS: number | null = null;
      let sysS: number | null = null;
      try {
        if (haveTime && fs.existsSync(timeFile)) {
          const t = fs.readFileSync(timeFile, 'utf8');
          const num = (re: RegExp) => {
            const m = re.exec(t);
            return m ? Number(m[1]) : null;
          };
          maxRssKb = num(/Maximum resident set size \(kbytes\):\s*(\d+)/);
          userS = num(/User time \(seconds\):\s*([\d.]+)/);
          sysS = num(/System time \(seconds\):\s*([\d.]+)/);
        } else if (fs.existsSync(probeFile)) {
          maxRssKb = Number(fs.readFileSync(probeFile, 'utf8').trim()) || null;
        }
      } finally {
        fs.rmSync(tmp, { recursive: true, force: true });
      }
      resolve({ code: code ?? -1, wallMs, maxRssKb, userS, sysS, stdout, stderr });
    });
  });
}

/** Runs a compiled bench worker (dist/node-bench/bench/NAME.js) in its own node process. */
export async function runWorker<T>(name: string, args: string[], nodeFlags: string[] = []): Promise<{ result: T; measured: Measured }> {
  const script = path.join(__dirname, `${name}.js`);
  const measured = await runMeasured(process.execPath, [...nodeFlags, script, ...args], { timeoutMs: 15 * 60_000 });
  if (measured.code !== 0)
    throw new Error(`bench worker ${name} ${args.join(' ')} failed (exit ${measured.code}):\n${measured.stderr.slice(-4000)}`);
  return { result: parseResult<T>(measured.stdout), measured };
}

export function log(message: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

// ---------------------------------------------------------------- formatting

export const fmtMs = (ms: number): string =>
  ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 100 ? `${ms.toFixed(0)} ms` : `${ms.toFixed(1)} ms`;
export const fmtInt = (n: number): string => Math.round(n).toLocaleString('en-US');
export const fmtMB = (bytes: number): string => `${(bytes / 1_000_000).toFixed(2)} MB`;
export const fmtKB = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
export const fmtMiBFromKb = (kb: number | null): string => (kb === null ? 'n/a' : `${(kb / 1024).toFixed(0)} MiB`);
export const fmtRatio = (x: number): string => `${x.toFixed(2)}x`;
