import type { PatientCrisisResource } from '@ketaflow/core';
import { useMeta } from './use-meta';

/**
 * The clinic's crisis lines from `GET /api/meta` (setting `crisisResources`), or `null` until the
 * server has said: no number is ever assumed, since the US ones do not work elsewhere.
 */
export function useCrisisResources(): readonly PatientCrisisResource[] | null {
  const resources = useMeta().data?.crisis?.resources;
  return resources === undefined || resources.length === 0 ? null : resources;
}
