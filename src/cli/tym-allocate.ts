#!/usr/bin/env node
/**
 * tym-allocate: the command line of the TYM shared-cost allocation.
 *   template FILE [--year N]                  input workbook to fill in
 *   validate FILE                             list every input problem (sheet, row, column)
 *   run FILE [--out OUT] [--json] [--force]   allocate and write OUT (the input plus the output sheets)
 *   verify FILE                               recompute and report output cells that no longer match
 *   invoices FILE [--csv OUT] [--force]       the invoices and credit notes of the year (CSV for the invoicing system)
 *   demo [--out-dir DIR]                      the bundled sample year and its allocation under out/
 * Exit codes: 0 ok, 1 input problems (the input file, its tables, or mismatches found by verify; also
 * a write that failed), 2 usage (arguments, and paths to write that cannot be used), 3 a bug.
 *
 * Output on a pipe is never cut: the exit code is set and the process ends when its writes are done
 * (ending the process at once would drop what is still queued); a reader that goes away (`| head`) ends the
 * output quietly.
 */
import { COMMANDS, CliRefusal, EXIT, UsageError, type Args, type Io } from './commands';
import { cmdInvoices } from './invoices';
import { say } from './messages';

export { EXIT, jsonReport, type Io } from './commands';
export { defaultOutPath } from './files';

const USAGE = `Käyttö / Usage:
  tym-allocate template TIEDOSTO.xlsx [--year VUOSI]
  tym-allocate validate TIEDOSTO.xlsx
  tym-allocate run TIEDOSTO.xlsx [--out TULOS.xlsx] [--json] [--force]
  tym-allocate verify TULOS.xlsx
  tym-allocate invoices TIEDOSTO.xlsx [--csv LASKUT.csv] [--force]
  tym-allocate demo [--out-dir KANSIO]
Valinnat: --lang fi|sv|en (oletus fi); --force korvaa olemassa olevan --out- tai --csv-tiedoston / overwrites an existing OUT`;

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
    } else if (a === '--json' || a === '--force') flags.set(a, true);
    else if (a.startsWith('--')) throw new UsageError(`tuntematon valinta / unknown option ${a}`);
    else positional.push(a);
  }
  if (positional.length > 1) throw new UsageError(`liikaa argumentteja / too many arguments: ${positional.join(' ')}`);
  return { command, file: positional[0], flags };
}

/** Writes to a stream; a reader that has gone away (EPIPE) ends the output without an error. */
function writer(stream: NodeJS.WriteStream): (s: string) => void {
  let closed = false;
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') closed = true;
    else throw e;
  });
  return (s) => {
    if (!closed) stream.write(s + '\n');
  };
}

export async function main(argv: string[], io?: Io): Promise<number> {
  const out = io ?? { out: writer(process.stdout), err: writer(process.stderr) };
  let lang: 'fi' | 'sv' | 'en' = 'fi';
  try {
    const args = parseArgs(argv);
    const l = args.flags.get('--lang');
    if (l === 'sv' || l === 'en') lang = l;
    const cmd = args.command === 'invoices' ? cmdInvoices : COMMANDS[args.command];
    if (!cmd) throw new UsageError(`tuntematon komento / unknown command: ${args.command}`);
    return await cmd(args, out);
  } catch (e) {
    if (e instanceof UsageError) {
      if (e.message) out.err(e.message);
      out.err(USAGE);
      return EXIT.usage;
    }
    if (e instanceof CliRefusal) {
      out.err(`${lang === 'fi' ? 'VIRHE' : lang === 'sv' ? 'FEL' : 'ERROR'}: ${e.message}`);
      return e.exit;
    }
    if (io) throw e; // in-process callers (tests) see the bug itself
    out.err(`${say(lang, 'unexpected')}\n${(e as Error).stack ?? e}`);
    return 3;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      // Never end the process at once here: queued writes to a pipe would be lost.
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`${(e as Error).stack ?? e}\n`);
      process.exitCode = 3;
    },
  );
}
