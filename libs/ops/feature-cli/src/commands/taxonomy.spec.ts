import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultTaxonomy } from '@bulletin/taxonomy';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, type CliIo } from '../index.js';

const scratch = mkdtempSync(join(tmpdir(), 'bulletin-taxonomy-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function io(env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const value: CliIo = {
    env,
    stdout: (line) => out.push(line),
    stderr: (line) => err.push(line),
    now: () => new Date('2014-11-18T09:30:00.000Z'),
    version: '9.9.9',
  };
  return { value, out, err };
}

const builtIn = JSON.stringify(defaultTaxonomy);

describe('bulletin taxonomy check', () => {
  it('validates the built-in taxonomy when no file is named or configured', async () => {
    const run = io();
    expect(await runCli(['taxonomy', 'check'], run.value)).toBe(0);
    expect(run.out[0]).toMatch(
      /^built-in taxonomy: valid: 11 topics, \d+ phrases, codes from IPTC Media Topics 2025, version [0-9a-f]{12}\n/,
    );
    expect(run.out[0]).toContain('  public-finance\tPublic finance\t');
    expect(run.out[0]).toContain('  renamed: policing-crime -> policing-justice');
  });

  it('validates the file named, or TAXONOMY_FILE', async () => {
    const path = join(scratch, 'copy.json');
    writeFileSync(path, builtIn);
    const named = io();
    expect(await runCli(['taxonomy', 'check', path], named.value)).toBe(0);
    expect(named.out[0]).toMatch(new RegExp(`^${path}: valid: 11 topics`));
    const configured = io({ TAXONOMY_FILE: path });
    expect(await runCli(['taxonomy', 'check'], configured.value)).toBe(0);
    expect(configured.out[0]).toMatch(new RegExp(`^${path}: valid`));
  });

  it('lists every problem of a bad file and exits 1', async () => {
    const data = JSON.parse(builtIn) as {
      topics: { slug: string; codes: string[] }[];
    };
    const finance = data.topics.find((t) => t.slug === 'public-finance');
    if (finance) finance.codes = ['medtop:20000608'];
    const first = data.topics[0];
    if (first) data.topics.push({ ...first, codes: [] });
    const path = join(scratch, 'bad.json');
    writeFileSync(path, JSON.stringify(data));
    const run = io();
    expect(await runCli(['taxonomy', 'check', path], run.value)).toBe(1);
    expect(run.err[0]?.split('\n')).toEqual([
      'bulletin: taxonomy is invalid:',
      `  ${path}: topic "child-protection": codes: must list at least one Media Topic code`,
    ]);
    data.topics.pop();
    writeFileSync(path, JSON.stringify(data));
    const retired = io();
    expect(await runCli(['taxonomy', 'check', path], retired.value)).toBe(1);
    expect(retired.err[0]).toContain(
      'topic "public-finance": codes[0]: medtop:20000608 (public finance) was retired by IPTC in 2025',
    );
  });

  it('refuses anything but check with a usage line and exit 2', async () => {
    const run = io();
    expect(await runCli(['taxonomy'], run.value)).toBe(2);
    expect(await runCli(['taxonomy', 'check', 'a', 'b'], run.value)).toBe(2);
    expect(run.err).toEqual([
      'usage: bulletin taxonomy check [FILE]',
      'usage: bulletin taxonomy check [FILE]',
    ]);
  });
});
