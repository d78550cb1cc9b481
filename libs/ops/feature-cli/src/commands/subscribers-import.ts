import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { addressKey, normaliseAddress } from '@bulletin/newsletter';
import type { CliIo } from '../cli-io.js';
import { splitCsvLine } from './csv.js';
import type { DigestSession } from './digest-session.js';
import { progressBar } from './progress.js';

interface Row {
  email: string;
  topics: string[];
  edition: string;
}

function readRow(session: DigestSession, fields: string[], columns: Map<string, number>): Row {
  const at = (name: string) => fields[columns.get(name) ?? -1] ?? '';
  const email = normaliseAddress(at('email'));
  const known = new Set(session.deps.topics.map((topic) => topic.slug));
  const topics = at('topics')
    .split(/[\s;|]+/)
    .filter(Boolean);
  const unknown = topics.filter((slug) => !known.has(slug));
  if (topics.length === 0) throw new Error('no topics');
  if (unknown.length > 0)
    throw new Error(`unknown topic ${unknown.map((s) => `"${s}"`).join(', ')}`);
  const editions = session.config.digest.editions.map((e) => e.name);
  const edition = at('edition') || editions[0] || '';
  if (!editions.includes(edition)) throw new Error(`unknown edition "${edition}"`);
  return { email, topics, edition };
}

/**
 * `bulletin subscribers import FILE.csv`: columns `email,topics,edition` (topics separated by
 * spaces or `;`), imported as confirmed subscriptions. Shows progress, reports each bad row by
 * line number (never its address) and goes on. @returns 1 if any row was refused
 */
export async function importSubscribers(
  session: DigestSession,
  file: string,
  io: CliIo,
): Promise<number> {
  const lines = (await readFile(file, 'utf8')).split(/\r?\n/);
  const header = splitCsvLine(lines[0] ?? '').map((name) => name.toLowerCase());
  const columns = new Map(header.map((name, i) => [name, i]));
  if (!columns.has('email')) {
    io.stderr(`bulletin subscribers import: ${file} needs a header row with an email column`);
    return 2;
  }
  const total = lines.slice(1).filter((line) => line.trim() !== '').length;
  let done = 0;
  let imported = 0;
  let bad = 0;
  const step = Math.max(1, Math.ceil(total / 20));
  for (const [index, line] of lines.entries()) {
    if (index === 0 || line.trim() === '') continue;
    try {
      const row = readRow(session, splitCsvLine(line), columns);
      const key = addressKey(session.deps.secret, row.email);
      const sid =
        (await session.deps.subscribers.get(key))?.sid ?? randomBytes(12).toString('base64url');
      await session.deps.subscribers.put({ key, ...row, sid, since: io.now().toISOString() });
      imported += 1;
    } catch (error) {
      bad += 1;
      io.stderr(`line ${index + 1}: refused: ${(error as Error).message}`);
    }
    done += 1;
    if (done % step === 0 || done === total) {
      io.stderr(progressBar(done, total, 'rows', 20).slice(1));
    }
  }
  io.stdout(`imported ${imported}, refused ${bad}`);
  return bad > 0 ? 1 : 0;
}
