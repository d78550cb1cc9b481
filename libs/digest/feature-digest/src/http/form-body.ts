import type { FastifyInstance } from 'fastify';

/** A form's fields; a repeated field (`topics`) becomes a list. */
export type FormFields = Record<string, string | string[]>;

/** Reads `application/x-www-form-urlencoded` bodies (at most 16 KiB) in this plugin's scope. */
export function acceptForms(app: FastifyInstance): void {
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 16_384 },
    (_request, body, done) => {
      const fields: FormFields = {};
      for (const [name, value] of new URLSearchParams(String(body))) {
        const had = fields[name];
        fields[name] = had === undefined ? value : [...[had].flat(), value];
      }
      done(null, fields);
    },
  );
}

/** One field as text ('' when absent); the first of a list. */
export function field(body: unknown, name: string): string {
  const value = (body as Record<string, unknown> | null | undefined)?.[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first : '';
}

/** A field as a list of texts. */
export function fieldList(body: unknown, name: string): string[] {
  const value = (body as Record<string, unknown> | null | undefined)?.[name];
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.filter((item): item is string => typeof item === 'string');
}
