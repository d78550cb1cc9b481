/**
 * Shuts down when the process that started this one goes away. `npm start` runs bulletin under
 * `sh -c`; a supervisor or IDE that stops npm (even with SIGKILL) must not leave bulletin running
 * and holding its port, so a changed parent pid counts as a stop signal.
 * @returns a function that stops watching.
 */
export function watchParent(
  onGone: () => void,
  options: { intervalMs?: number; proc?: Pick<NodeJS.Process, 'ppid'> } = {},
): () => void {
  const proc = options.proc ?? process;
  const parent = proc.ppid;
  const timer = setInterval(() => {
    if (proc.ppid !== parent) {
      clearInterval(timer);
      onGone();
    }
  }, options.intervalMs ?? 500);
  timer.unref();
  return () => clearInterval(timer);
}
