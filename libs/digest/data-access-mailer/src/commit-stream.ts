import { Readable } from 'node:stream';

/**
 * The message body as a stream that ends only after `beforeCommit` has resolved. SMTP writes
 * its final `.` when the body ends, so until then the server must discard the message if the
 * connection is lost: `committed` says whether that point was passed.
 */
export class CommitStream extends Readable {
  committed = false;
  private pushed = false;

  constructor(
    private readonly raw: Buffer,
    private readonly beforeCommit: (() => Promise<void>) | undefined,
  ) {
    super();
  }

  override _read(): void {
    if (!this.pushed) {
      this.pushed = true;
      this.push(this.raw);
      return;
    }
    const commit = this.beforeCommit ? this.beforeCommit() : Promise.resolve();
    commit.then(
      () => {
        this.committed = true;
        this.push(null);
      },
      (error: unknown) => this.destroy(error instanceof Error ? error : new Error(String(error))),
    );
  }
}
