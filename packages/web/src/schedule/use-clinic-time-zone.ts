import { useMeta } from '../app/use-meta';
import { useSession } from '../auth/use-session';
import { useLocations } from './use-scheduling';

const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/**
 * The clinic's time zone, for times with no location of their own (video consults): from
 * `GET /api/meta` when the server names it; for staff, else the first location's zone (the
 * server's own fallback); else the browser's, which the page then names beside every time.
 */
export function useClinicTimeZone(): { zone: string; known: boolean } {
  const meta = useMeta();
  const role = useSession().data?.user.role;
  const staff = role !== undefined && role !== 'patient';
  const locations = useLocationsIf(staff);
  const fromMeta = meta.data?.timeZone;
  if (fromMeta !== undefined) return { zone: fromMeta, known: true };
  const first = locations?.[0]?.timeZone;
  if (first !== undefined) return { zone: first, known: true };
  return { zone: browserZone(), known: false };
}

function useLocationsIf(enabled: boolean) {
  const locations = useLocations(enabled);
  return enabled ? locations.data : undefined;
}
