import { readFileSync } from 'node:fs';
import { runCli } from '@bulletin/cli';
import { runMain } from '@bulletin/runtime';

const { version } = JSON.parse(
  readFileSync(new URL('../../../package.json', import.meta.url), 'utf8'),
) as { version: string };

void runMain(async () => {
  const code = await runCli(process.argv.slice(2), {
    env: process.env,
    stdout: (line) => process.stdout.write(`${line}\n`),
    stderr: (line) => process.stderr.write(`${line}\n`),
    ...(process.stderr.isTTY
      ? { progress: (text: string) => void process.stderr.write(text) }
      : {}),
    now: () => new Date(),
    version,
    ...(process.stderr.isTTY ? { tty: process.stderr } : {}),
  });
  if (code !== 0) process.exitCode = code;
});
