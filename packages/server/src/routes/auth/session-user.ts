import type { users } from '../../db/schema/index';
import type { SessionUser } from '../../plugins/auth';

/** The user as a session and the API show it (no password hash, no dates). */
export function toUser(row: typeof users.$inferSelect): SessionUser {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    displayName: row.displayName,
    patientId: row.patientId,
  };
}
