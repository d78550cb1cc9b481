import { parseArgs } from 'node:util';
import { loadConfig } from '@bulletin/config';
import { createProducers } from '@bulletin/queues';
import {
  closeRedis,
  createRedisConnection,
  pingRedis,
  RedisUnavailableError,
} from '@bulletin/redis';
import { createLogger, installSignalHandlers } from '@bulletin/runtime';
import { ingestFiles } from './commands/ingest-files.js';
import { startAll } from './commands/start.js';

export const USAGE = `Usage: bulletin <command>

Commands:
  start                       run every role (ingest, enrich, publish, HTTP) in one process
  ingest FILE...              enqueue wire files; prints FILE<TAB>STORY-ID per file
      --source ID[:NAME]      where the files come from (default: files:Local files)
  help                        show this text

Configuration comes from the environment; see README.md.`;

export interface CliIo {
  env: Readonly<Record<string, string | undefined>>;
  stdout: (line: string) => void;
  stderr: (line: string) => void;
  now: () => Date;
}

function parseSource(value: string | undefined): { id: string; name: string } {
  if (!value) return { id: 'files', name: 'Local files' };
  const [id = '', ...rest] = value.split(':');
  return { id, name: rest.join(':') || id };
}

async function runIngest(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { source: { type: 'string' } },
  });
  if (positionals.length === 0) {
    io.stderr('bulletin ingest: name at least one FILE');
    return 2;
  }
  const config = loadConfig(io.env);
  const log = createLogger({ level: 'warn', bindings: { role: 'cli' } });
  if (!(await pingRedis(config.redis.url))) {
    throw new RedisUnavailableError(
      `no Redis answers at ${config.redis.url}: start bulletin first (npm start)`,
    );
  }
  const connection = createRedisConnection(config.redis.url, {
    role: 'producer',
    name: `${config.prefix}:cli`,
    log,
  });
  const producers = createProducers({ connection, prefix: config.prefix, log });
  try {
    const now = () => io.now().toISOString();
    return await ingestFiles(positionals, {
      producers,
      source: parseSource(values.source),
      now,
      print: io.stdout,
    });
  } finally {
    await producers.close();
    await closeRedis(connection);
  }
}

/** Runs one `bulletin` command; resolves to its exit code (`start` resolves once running). */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...args] = argv;
  switch (command) {
    case 'start': {
      const config = loadConfig(io.env);
      const log = createLogger({ level: config.logLevel, bindings: { role: 'all' } });
      const platform = await startAll(config, log, { startedAt: io.now().toISOString() });
      installSignalHandlers(platform.shutdown);
      io.stderr(
        `bulletin: serving feeds at ${config.http.publicUrl}/feeds/all.atom (Ctrl-C stops)`,
      );
      return 0;
    }
    case 'ingest':
      return runIngest(args, io);
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      io.stdout(USAGE);
      return command === undefined ? 2 : 0;
    default:
      io.stderr(`bulletin: unknown command "${command}"\n\n${USAGE}`);
      return 2;
  }
}
