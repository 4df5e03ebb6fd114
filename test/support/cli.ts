/** The command line run in-process, its output captured: for the suites that drive `tym-allocate`. */
import { main, type Io } from '../../src/cli/tym-allocate';

/** An Io that keeps what the command prints. */
export function capture(): Io & { stdout: string[]; stderr: string[]; all: () => string } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (s) => stdout.push(s), err: (s) => stderr.push(s), all: () => [...stdout, ...stderr].join('\n') };
}

/** Runs `tym-allocate ...argv`: its exit code, standard output and standard error. */
export async function runCli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = capture();
  const code = await main(argv, io);
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}
