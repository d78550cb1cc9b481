/** What a command may touch of its process, injected so commands are testable. */
export interface CliIo {
  env: Readonly<Record<string, string | undefined>>;
  stdout: (line: string) => void;
  stderr: (line: string) => void;
  now: () => Date;
  /** bulletin's version, for `--version`. */
  version: string;
  /** Asks a person yes or no; absent when no one can answer (no terminal). */
  confirm?: (question: string) => Promise<boolean>;
}
