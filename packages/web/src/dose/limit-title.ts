import type { DoseLimitJson } from '@ketaflow/core';

/** `DOSE.DURATION_ABOVE_SOFT_LIMIT` -> "duration above soft limit": names a limit's reason field. */
export function limitTitle(limit: Pick<DoseLimitJson, 'code'>): string {
  return limit.code
    .replace(/^DOSE\./, '')
    .replaceAll('_', ' ')
    .toLowerCase();
}
