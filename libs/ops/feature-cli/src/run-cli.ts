import type { CliIo } from './cli-io.js';
import { runIngest } from './commands/ingest.js';
import { runFailed } from './commands/failed.js';
import { runQueueControl } from './commands/queue-control.js';
import { runStart } from './commands/start.js';
import { runStatus } from './commands/status.js';

export const USAGE = `Usage: bulletin <command> [options]

Commands:
  start [--roles ROLE,...]    run every role in one process, or only those named
                              (roles: ingest, enrich, index, http; or BULLETIN_ROLES)
  ingest FILE...              enqueue wire files; prints FILE<TAB>STORY-ID per file
      --source ID[:NAME]      where the files come from (default: files:Local files)
  status                      every queue's counts, jobs done/failed in the last minute
  failed list [QUEUE]         failed jobs with their reasons
  failed retry [QUEUE] --all|ID...   retry failed jobs
  failed remove [QUEUE] --all|ID...  delete failed jobs
  pause QUEUE | resume QUEUE  stop or restart a queue's workers taking jobs
  drain QUEUE [--yes]         remove a queue's waiting and delayed jobs (asks first)
      --json                  (operator commands) one JSON document on stdout
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
