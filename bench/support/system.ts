/** What the bench drives: the pipeline or the raw chain, behind one small interface. */
export interface BenchSystem {
  /** Enqueues payloads (by their index in the payload list) in one round trip. */
  submit(indexes: readonly number[]): Promise<void>;
  /** Called once per payload when it reaches the end: for the pipeline, published in the feed. */
  onDone(listener: (index: number) => void): void;
  stop(): Promise<void>;
}
