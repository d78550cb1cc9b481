import type { CliIo } from './cli-io.js';
import { runDigest } from './commands/digest.js';
import { runFailed } from './commands/failed.js';
import { runIngest } from './commands/ingest.js';
import { runPoll } from './commands/poll.js';
import { runQueueControl } from './commands/queue-control.js';
import { runReplay } from './commands/replay.js';
import { runRetag } from './commands/retag.js';
import { runSources } from './commands/sources.js';
import { runStart } from './commands/start.js';
import { runStatus } from './commands/status.js';
import { runSubscribers } from './commands/subscribers.js';
import { runTaxonomy } from './commands/taxonomy.js';

export const USAGE = `Usage: bulletin <command> [options]

Commands:
  start [--roles ROLE,...]    run every role in one process, or only those named
                              (roles: ingest, enrich, index, sources, digest, http; or BULLETIN_ROLES)
  ingest FILE...              enqueue wire files; prints FILE<TAB>STORY-ID per file
      --source ID[:NAME]      where the files come from (default: files:Local files)
  taxonomy check [FILE]       validate a taxonomy file (default TAXONOMY_FILE, else the
                              built-in one) without starting anything
  retag [--since DATE] [--topic SLUG]
                              re-tag stored stories with the current taxonomy, so
                              feeds follow a taxonomy change
  ingest DIR                  every wire file under DIR, with progress and a summary
  sources [--json]            the sources of bulletin.config.yaml and their state
  poll SOURCE                 poll one feed source now and print the outcome
  replay STORY-ID|SOURCE-ID   run the raw payloads kept for it through the pipeline again
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
  status                      every queue's counts and jobs done/failed in the last minute,
                              each source's state, the last digest runs
  failed list [QUEUE]         failed jobs with their reasons
  failed retry [QUEUE] --all|ID...   retry failed jobs
  failed remove [QUEUE] --all|ID...  delete failed jobs
  pause QUEUE | resume QUEUE  stop or restart a queue's workers taking jobs
  drain QUEUE [--yes]         remove a queue's waiting and delayed jobs (asks first)
      --json                  (operator commands) one JSON document on stdout
  help                        show this text
  --version                   show bulletin's version

Configuration comes from the environment and bulletin.config.yaml; see README.md.`;

/** Runs one `bulletin` command; resolves to its exit code (`start` resolves once running). */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...args] = argv;
  switch (command) {
    case 'start':
      return runStart(args, io);
    case 'ingest':
      return runIngest(args, io);
    case 'retag':
      return runRetag(args, io);
    case 'taxonomy':
      return runTaxonomy(args, io);
    case 'sources':
      return runSources(args, io);
    case 'poll':
      return runPoll(args, io);
    case 'replay':
      return runReplay(args, io);
    case 'subscribers':
      return runSubscribers(args, io);
    case 'digest':
      return runDigest(args, io);
    case 'status':
      return runStatus(args, io);
    case 'failed':
      return runFailed(args, io);
    case 'pause':
    case 'resume':
    case 'drain':
      return runQueueControl(command, args, io);
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
