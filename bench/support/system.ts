/** What the bench drives: the pipeline or the raw chain, behind one small interface. */
export interface BenchSystem {
  /** Enqueues payloads (by their index in the payload list) in one round trip. */
  submit(indexes: readonly number[]): Promise<void>;
  /**
   * Called once per payload when it reaches the end: for the pipeline, published in the feed.
   * Tracking each payload has a cost of its own, so throughput runs use `countDone` instead.
   */
  onDone(listener: (index: number) => void): Promise<void>;
  /** How many payloads have reached the end so far, as cheaply as the system allows. */
  countDone(): Promise<number>;
  stop(): Promise<void>;
}
