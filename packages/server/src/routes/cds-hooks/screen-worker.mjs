// A screening worker thread's entry (see screen-pool.ts). The server runs from its TypeScript
// sources through tsx, as bin/ketaflow.js does, so the thread registers tsx before loading them;
// the screener is built from the setup the pool hands every thread.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const screening = import('./screen-call.ts').then((m) => m.createScreener(workerData));

/** piscina calls this with each task. */
export default async function screenTask(task) {
  const screen = await screening;
  return screen(task);
}
