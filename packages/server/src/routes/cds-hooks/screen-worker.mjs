// A screening worker thread's entry (see screen-pool.ts). The server runs from its TypeScript
// sources through tsx, as bin/ketaflow.js does, so the thread registers tsx before loading them.
import { register } from 'tsx/esm/api';

register();
const loading = import('./screen-worker.ts');

/** piscina calls this with each task. */
export default async function screenTask(task) {
  const { screen } = await loading;
  return screen(task);
}
