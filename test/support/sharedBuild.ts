/**
 * A build the test suites need (the browser preview, the command line), made once per source tree
 * and shared by every suite and jest worker of a run: it goes into a folder of the system's temporary
 * directory named by a hash of everything it is made from, and a process that finds the folder
 * complete uses it. A process started while another builds waits for that build (a lock folder
 * holding the builder's process id; a dead builder's lock is taken over). A change to any input
 * makes a new hash, so a stale build is never used; builds of other hashes go after an hour.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export const ROOT = path.resolve(__dirname, '..', '..');
const WAIT_MS = 15 * 60 * 1000;
const STALE_MS = 60 * 60 * 1000;

/** The files a path holds (itself, or every file below it), sorted. */
function filesOf(p: string): string[] {
  if (!fs.existsSync(p)) return [];
  if (!fs.statSync(p).isDirectory()) return [p];
  return fs
    .readdirSync(p)
    .sort()
    .flatMap((n) => filesOf(path.join(p, n)));
}

/** A hash of the project folder and of the inputs (paths relative to it): every file's path and bytes. */
export function inputsHash(inputs: string[]): string {
  const h = createHash('sha256').update(ROOT).update('\0');
  for (const f of inputs.flatMap((p) => filesOf(path.join(ROOT, p)))) {
    h.update(path.relative(ROOT, f)).update('\0').update(fs.readFileSync(f)).update('\0');
  }
  return h.digest('hex').slice(0, 16);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the lock folder, or returns false while a living process holds it. */
function tryLock(lock: string): boolean {
  try {
    fs.mkdirSync(lock);
    fs.writeFileSync(path.join(lock, 'pid'), String(process.pid));
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    let owner = NaN;
    try {
      owner = Number(fs.readFileSync(path.join(lock, 'pid'), 'utf8'));
    } catch {
      return false; // being created: its owner writes the pid next
    }
    if (Number.isFinite(owner) && owner > 0 && !alive(owner)) {
      fs.rmSync(lock, { recursive: true, force: true });
      return tryLock(lock);
    }
    return false;
  }
}

/**
 * The folder of the build `prefix` of these inputs, built now by `build(folder)` if no process has
 * built it yet. `marker` is a file (relative to the folder) that only a finished build has.
 */
export async function sharedBuild(
  prefix: string,
  inputs: string[],
  marker: string,
  build: (dir: string) => Promise<void>,
): Promise<string> {
  const dir = path.join(os.tmpdir(), `${prefix}-${inputsHash(inputs)}`);
  const done = path.join(dir, marker);
  const lock = `${dir}.lock`;
  const start = Date.now();
  while (!fs.existsSync(done)) {
    if (tryLock(lock)) {
      try {
        if (!fs.existsSync(done)) {
          const tmp = `${dir}.${process.pid}.tmp`;
          fs.rmSync(tmp, { recursive: true, force: true });
          fs.mkdirSync(tmp, { recursive: true });
          await build(tmp);
          if (!fs.existsSync(path.join(tmp, marker))) throw new Error(`the ${prefix} build wrote no ${marker}`);
          fs.rmSync(dir, { recursive: true, force: true });
          fs.renameSync(tmp, dir);
        }
      } finally {
        fs.rmSync(lock, { recursive: true, force: true });
      }
      break;
    }
    if (Date.now() - start > WAIT_MS)
      throw new Error(`waited ${WAIT_MS / 60_000} minutes for the ${prefix} build of another process (${lock})`);
    await new Promise((r) => setTimeout(r, 500));
  }
  const pattern = new RegExp(`^${prefix}-[0-9a-f]{16}$`);
  for (const name of fs.readdirSync(os.tmpdir())) {
    const other = path.join(os.tmpdir(), name);
    if (!pattern.test(name) || other === dir || fs.existsSync(`${other}.lock`)) continue;
    try {
      if (Date.now() - fs.statSync(other).mtimeMs > STALE_MS) fs.rmSync(other, { recursive: true, force: true });
    } catch {
      /* another process got there first */
    }
  }
  return dir;
}
