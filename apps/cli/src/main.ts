import { runCli } from '@bulletin/cli';
import { runMain } from '@bulletin/runtime';

runMain(async () => {
  const code = await runCli(process.argv.slice(2), {
    env: process.env,
    stdout: (line) => process.stdout.write(`${line}\n`),
    stderr: (line) => process.stderr.write(`${line}\n`),
    now: () => new Date(),
  });
  if (code !== 0) process.exitCode = code;
});
