import { useSession } from '../auth/use-session';

/** The logged-in patient's own record id, or `null` when the account has no record yet. */
export function useOwnPatientId(): string | null {
  return useSession().data?.user.patientId ?? null;
}
