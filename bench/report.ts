/** The bench's report: targets with verdicts, markdown tables, the machine the figures came from. */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';

export type Verdict = 'met' | 'not met' | 'no target' | 'skipped';

export interface TargetRow {
  id: string;
  target: string;
  figure: string;
  verdict: Verdict;
  /** Why a target is not met (printed under the targets table). */
  reason?: string;
}

/** What one section of the bench contributes: rows of the targets table and its own markdown. */
export interface SectionReport {
  targets: TargetRow[];
  markdown: string[];
}

export function table(head: string[], rows: (string | number)[][]): string {
  const esc = (v: string | number) => String(v).replace(/\|/g, '\\|').replace(/\n/g, ' ');
  return [
    `| ${head.map(esc).join(' | ')} |`,
    `| ${head.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(esc).join(' | ')} |`),
  ].join('\n');
}

export const mark = (v: Verdict): string => (v === 'met' ? '**met**' : v === 'not met' ? '**NOT MET**' : v);

function versionOf(cmd: string, args: string[], timeout: number): string {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', timeout, stdio: ['ignore', 'pipe', 'ignore'] })
      .trim()
      .split('\n')[0];
  } catch {
    return 'n/a';
  }
}

export function machine(): Record<string, string> {
  const cpus = os.cpus();
  let distro = `${os.type()} ${os.release()}`;
  try {
    const m = /PRETTY_NAME="([^"]+)"/.exec(fs.readFileSync('/etc/os-release', 'utf8'));
    if (m) distro = `${m[1]} (${os.release()})`;
  } catch {
    /* keep the kernel name */
  }
  return {
    CPUs: `${os.availableParallelism?.() ?? cpus.length} (nproc) × ${cpus[0]?.model.trim() ?? 'unknown'}`,
    Memory: `${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB total, ${(os.freemem() / 1024 ** 3).toFixed(1)} GiB free at start`,
    'Load average at start': os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(' / '),
    OS: distro,
    Node: process.version,
    LibreOffice: versionOf('soffice', ['--version'], 60_000),
    Chromium: versionOf('/usr/bin/chromium', ['--version'], 30_000),
  };
}
