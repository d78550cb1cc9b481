import type { CliIo } from './cli-io.js';
import { runDigest } from './commands/digest.js';
import { runIngest } from './commands/ingest.js';
import { runStart } from './commands/start.js';
import { runSubscribers } from './commands/subscribers.js';

export const USAGE = `Usage: bulletin <command> [options]

Commands:
  start [--roles ROLE,...]    run every role in one process, or only those named
                              (roles: ingest, enrich, index, digest, http; or BULLETIN_ROLES)
  ingest FILE...              enqueue wire files; prints FILE<TAB>STORY-ID per file
      --source ID[:NAME]      where the files come from (default: files:Local files)
  subscribers import FILE.csv import subscribers (columns email,topics,edition)
  subscribers list            print every subscriber: EMAIL<TAB>EDITION<TAB>TOPICS<TAB>STATE
  subscribers remove EMAIL    end one subscription
  subscribers erase EMAIL     remove every trace of one person
  digest preview EDITION      print the next digest without sending it
      --subscriber EMAIL      as that subscriber gets it (default: every topic)
      --since DATE            stories since DATE instead of since the last run
      --out FILE              write the message to FILE (.eml) instead
  digest run EDITION          run an edition now; prints its report as JSON
      --now ISO               the run's time (default: now)
  help                        show this text
  --version                   show bulletin's version

Configuration comes from the environment; see README.md.`;

/** Runs one `bulletin` command; resolves to its exit code (`start` resolves once running). */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...args] = argv;
  switch (command) {
    case 'start':
      return runStart(args, io);
    case 'ingest':
      return runIngest(args, io);
    case 'subscribers':
      return runSubscribers(args, io);
    case 'digest':
      return runDigest(args, io);
    case 'help':
    case '--help':
    case '-h':
      io.stdout(USAGE);
      return 0;
    case '--version':
    case '-V':
      io.stdout(`bulletin ${io.version}`);
      return 0;
    case undefined:
      io.stderr(USAGE);
      return 2;
    default:
      io.stderr(`bulletin: unknown command "${command}"\n\n${USAGE}`);
      return 2;
  }
}
