import { isAbsolute, dirname, resolve } from 'node:path';
import { parseDocument } from 'yaml';
import { z } from 'zod';
import { ConfigError } from './config.js';

type Env = Readonly<Record<string, string | undefined>>;

const id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'must be a short lower-case id (a-z 0-9 . _ -)');
const name = z.string().trim().min(1).max(200);

const feedSchema = z.strictObject({
  id,
  kind: z.literal('feed'),
  name,
  url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }),
  intervalSeconds: z.int().min(1).max(86_400).default(300),
  idleAfterMinutes: z.int().min(1).max(525_600).default(1440),
  headers: z.record(z.string().regex(/^[A-Za-z0-9-]{1,64}$/), z.string().max(1000)).default({}),
});

const pushSchema = z
  .strictObject({
    id,
    kind: z.literal('push'),
    name,
    tokenEnv: z.string().regex(/^[A-Z_][A-Z0-9_]*$/, 'must be an environment variable name'),
    token: z.string().min(16, 'must be at least 16 characters'),
  })
  .partial({ tokenEnv: true, token: true });

const folderSchema = z.strictObject({
  id,
  kind: z.literal('folder'),
  name,
  path: z.string().min(1),
});

const fileSchema = z.strictObject({
  sources: z
    .array(z.discriminatedUnion('kind', [feedSchema, pushSchema, folderSchema]))
    .default([]),
});

/** A feed polled on its interval. */
export type FeedSourceDefinition = z.output<typeof feedSchema>;
/** A source that pushes over HTTP with a bearer token. */
export interface PushSourceDefinition {
  readonly id: string;
  readonly kind: 'push';
  readonly name: string;
  /** The bearer token, read from `tokenEnv` or the file; never printed. */
  readonly token: string;
}
/** A watched directory. */
export interface FolderSourceDefinition {
  readonly id: string;
  readonly kind: 'folder';
  readonly name: string;
  /** Absolute; a relative path in the file is resolved against the file's directory. */
  readonly path: string;
}
export type SourceDefinition = FeedSourceDefinition | PushSourceDefinition | FolderSourceDefinition;

function fail(file: string, where: string, message: string): never {
  throw new ConfigError(`${file}: ${where}${message}`);
}

function located(raw: unknown, path: readonly PropertyKey[]): string {
  const [top, index, ...field] = path;
  if (top !== 'sources' || typeof index !== 'number')
    return path.length ? `${path.join('.')}: ` : '';
  const entry = (raw as { sources?: { id?: unknown }[] }).sources?.[index];
  const label = typeof entry?.id === 'string' ? `source "${entry.id}"` : `sources[${index}]`;
  return `${label}${field.length ? `, field ${field.join('.')}` : ''}: `;
}

function pushToken(file: string, source: z.output<typeof pushSchema>, env: Env): string {
  const where = `source "${source.id}": `;
  if ((source.token === undefined) === (source.tokenEnv === undefined)) {
    fail(file, where, 'give exactly one of tokenEnv (preferred) or token');
  }
  if (source.token !== undefined) return source.token;
  const value = env[source.tokenEnv as string]?.trim() ?? '';
  if (value.length < 16)
    fail(file, where, `tokenEnv: ${source.tokenEnv} must be set to at least 16 characters`);
  return value;
}

/**
 * Parses the sources file (`bulletin.config.yaml`): YAML, validated field by field. Push tokens
 * named by `tokenEnv` are read from `env` here, once.
 * @throws ConfigError naming the file, the source and the field.
 */
export function parseSourcesFile(text: string, file: string, env: Env): SourceDefinition[] {
  const document = parseDocument(text, { uniqueKeys: true });
  const [yamlError] = document.errors;
  if (yamlError) {
    const at = yamlError.linePos?.[0];
    fail(
      file,
      at ? `line ${at.line}, column ${at.col}: ` : '',
      yamlError.message.split('\n')[0] ?? 'invalid YAML',
    );
  }
  let raw: unknown;
  try {
    // A bounded alias count: a "billion laughs" file fails here instead of filling the heap.
    raw = document.toJS({ maxAliasCount: 100 }) ?? {};
  } catch (error) {
    fail(file, '', (error as Error).message);
  }
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) {
    const [issue] = parsed.error.issues;
    fail(file, located(raw, issue?.path ?? []), issue?.message ?? 'invalid');
  }
  const seen = new Set<string>();
  return parsed.data.sources.map((source): SourceDefinition => {
    if (seen.has(source.id)) fail(file, `source "${source.id}": `, 'id is used twice');
    seen.add(source.id);
    if (source.kind === 'push') {
      return {
        id: source.id,
        kind: 'push',
        name: source.name,
        token: pushToken(file, source, env),
      };
    }
    if (source.kind === 'folder') {
      const path = isAbsolute(source.path)
        ? source.path
        : resolve(dirname(resolve(file)), source.path);
      return { ...source, path };
    }
    return source;
  });
}
