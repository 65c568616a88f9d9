/**
 * Where CDS calls are screened: a pool of worker threads (piscina) when the machine has a core to
 * spare, else the request's own thread. The JWT signature check, the JSON parse and the screening
 * are the CPU-heavy part of a call; in a worker they no longer hold up the event loop that serves
 * nurses' charting, and a busy EHR gets a second core. The database stays on the main thread.
 */
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import {
  createScreener,
  type ScreenResult,
  type ScreenSetup,
  type ScreenTask,
} from './screen-call';

export interface ScreenPool {
  /** Worker threads (0: screening runs on the request's thread). */
  readonly threads: number;
  readonly run: (task: ScreenTask) => Promise<ScreenResult>;
  /** Starts the threads now rather than at the first call (the server does this when it listens). */
  readonly warm: () => void;
  readonly close: () => Promise<void>;
}

const WORKER_ENTRY = fileURLToPath(new URL('./screen-worker.mjs', import.meta.url));

export function createScreenPool(setup: ScreenSetup, threads: number): ScreenPool {
  if (threads === 0) {
    const screen = createScreener(setup);
    return { threads, run: screen, warm: () => undefined, close: async () => undefined };
  }
  // Created at the first call or at listen: an app that never screens (most test apps) starts
  // no threads.
  let pool: Piscina<ScreenTask, ScreenResult> | undefined;
  const start = () =>
    (pool ??= new Piscina<ScreenTask, ScreenResult>({
      filename: WORKER_ENTRY,
      minThreads: threads,
      maxThreads: threads,
      // The tasks await WebCrypto and, for a jku, fetch: the worker's event loop must keep running.
      atomics: 'async',
      // A task waits on WebCrypto (the libuv pool) for its signature check: meanwhile the thread
      // can parse and screen the next call.
      concurrentTasksPerWorker: 4,
      workerData: setup,
    }));
  return {
    threads,
    run: (task) => start().run(task),
    warm: () => {
      start();
    },
    close: async () => {
      await pool?.destroy();
      pool = undefined;
    },
  };
}
