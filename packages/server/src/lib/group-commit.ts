/**
 * Group commit: many small writes, one statement.
 *
 * Requests that arrive while a write is running wait, and the next write carries all of them
 * in one statement. At low load a write goes out at once (no timer, no added latency); under
 * load the statements per request fall with the number waiting. Each caller's promise settles
 * only after the statement that carries its item has committed, so nothing is acknowledged
 * before it is stored; if that statement fails, every caller in it gets the error.
 */
export interface GroupCommitOptions<T, R> {
  /**
   * Writes `items` (1..maxBatch, in arrival order) in one statement and returns one result per
   * item, in the same order.
   */
  readonly write: (items: readonly T[]) => Promise<readonly R[]>;
  /** Most items in one statement (bind-parameter limits; default 500). */
  readonly maxBatch?: number;
  /**
   * Writes that may run at once (default 1). A database server with a connection pool takes
   * several; embedded PGlite runs one statement at a time anyway.
   */
  readonly concurrency?: number;
}

interface Waiter<T, R> {
  readonly item: T;
  readonly resolve: (result: R) => void;
  readonly reject: (error: unknown) => void;
}

export interface GroupCommit<T, R> {
  /** Queue `item`; settles when the statement carrying it has committed. */
  readonly submit: (item: T) => Promise<R>;
  /** Settles when nothing is queued or being written (for shutdown and tests). */
  readonly drain: () => Promise<void>;
}

export function createGroupCommit<T, R>(options: GroupCommitOptions<T, R>): GroupCommit<T, R> {
  const maxBatch = options.maxBatch ?? 500;
  const concurrency = options.concurrency ?? 1;
  let queue: Waiter<T, R>[] = [];
  let active = 0;
  let scheduled = false;
  let idle: { promise: Promise<void>; resolve: () => void } | undefined;

  async function writeBatch(batch: readonly Waiter<T, R>[]): Promise<void> {
    try {
      const results = await options.write(batch.map((w) => w.item));
      if (results.length !== batch.length) {
        throw new Error(
          `group commit: ${String(results.length)} results for ${String(batch.length)} items`,
        );
      }
      batch.forEach((w, i) => {
        w.resolve(results[i] as R);
      });
    } catch (error) {
      for (const w of batch) w.reject(error);
    }
  }

  /** Starts writes while fewer than `concurrency` run; each takes what has queued meanwhile. */
  function pump(): void {
    while (active < concurrency && queue.length > 0) {
      const batch = queue.length <= maxBatch ? queue : queue.slice(0, maxBatch);
      queue = queue.length <= maxBatch ? [] : queue.slice(maxBatch);
      active += 1;
      void writeBatch(batch).then(() => {
        active -= 1;
        pump();
      });
    }
    if (active === 0 && queue.length === 0 && idle) {
      idle.resolve();
      idle = undefined;
    }
  }

  return {
    submit: (item) =>
      new Promise<R>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        // Start after this turn of the event loop, so the calls that reach this point in the
        // same turn share the statement.
        if (!scheduled && active < concurrency) {
          scheduled = true;
          setImmediate(() => {
            scheduled = false;
            pump();
          });
        }
      }),
    drain: () => {
      if (active === 0 && queue.length === 0 && !scheduled) return Promise.resolve();
      if (!idle) {
        let resolve = () => {};
        const promise = new Promise<void>((r) => (resolve = r));
        idle = { promise, resolve };
      }
      return idle.promise;
    },
  };
}
