/// <reference types="node" />
/**
 * Where the real data written by others lives (Synthea bundles, CDS Hooks examples, RxNorm
 * tables): `shared/data/external` beside the repository. Tests read it from there; it is not
 * copied into the repository. A clone elsewhere finds it through `KETAFLOW_EXTERNAL_DATA`, by
 * looking in the clone's parent folders, or at the workplace's usual place.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const repoRoot = resolve(import.meta.dirname, '..');
const WORKPLACE_COPY = '/work/shared/data/external';

function candidates(): string[] {
  const found: string[] = [];
  const fromEnv = process.env['KETAFLOW_EXTERNAL_DATA'];
  if (fromEnv) found.push(resolve(fromEnv));
  for (let dir = repoRoot; ; dir = dirname(dir)) {
    found.push(join(dir, 'shared', 'data', 'external'));
    if (dirname(dir) === dir) break;
  }
  found.push(WORKPLACE_COPY);
  return found;
}

/**
 * The folder of one external dataset, e.g. `externalData('synthea-smart-on-fhir-r4')`. Throws
 * (a loud test failure, never a silent skip) when it cannot be found, saying how to point at it.
 */
export function externalData(dataset: string): string {
  const tried = candidates().map((base) => join(base, dataset));
  const hit = tried.find((path) => existsSync(path));
  if (hit === undefined) {
    throw new Error(
      `External test data '${dataset}' not found. Set KETAFLOW_EXTERNAL_DATA to the folder that holds it (shared/data/external). Tried: ${tried.join(', ')}`,
    );
  }
  return hit;
}
