import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline/promises';
import { runCli } from '@bulletin/cli';
import { runMain } from '@bulletin/runtime';

const { version } = JSON.parse(
  readFileSync(new URL('../../../package.json', import.meta.url), 'utf8'),
) as { version: string };

/** A yes/no question on the terminal; none when stdin is not one (scripts pass `--yes`). */
async function confirm(question: string): Promise<boolean> {
  const prompt = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^y(es)?$/i.test((await prompt.question(`${question} [y/N] `)).trim());
  } finally {
    prompt.close();
  }
}

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
    ...(process.stdin.isTTY ? { confirm } : {}),
  });
  if (code !== 0) process.exitCode = code;
});
