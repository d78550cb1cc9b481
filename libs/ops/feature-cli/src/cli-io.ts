/** What a command may touch of its process, injected so commands are testable. */
export interface CliIo {
  env: Readonly<Record<string, string | undefined>>;
  stdout: (line: string) => void;
  stderr: (line: string) => void;
  /** Redraws a progress line in place; given only when stderr is a terminal. */
  progress?: (text: string) => void;
  now: () => Date;
  /** bulletin's version, for `--version`. */
  version: string;
  /** The terminal behind stderr, when there is one: progress bars redraw a line on it. */
  tty?: { write: (chunk: string) => void; columns?: number };
  /** Asks a person yes or no; absent when no one can answer (no terminal). */
  confirm?: (question: string) => Promise<boolean>;
}
