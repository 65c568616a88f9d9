/**
 * Who is asking the FHIR API (a SMART client, a staff member or a patient) and what they may read;
 * every read and every denial is audited.
 */
import type { FastifyRequest } from 'fastify';
import type { Database } from '../../db/client';
import { appendAudit } from '../../lib/audit';
import { isStaff } from '../../plugins/auth';
import { resolveToken, scopeAllows } from './smart';
import { FhirError } from './outcome';

export type Actor =
  | { readonly kind: 'staff' }
  | { readonly kind: 'patient'; readonly patientId: string | null }
  | { readonly kind: 'client'; readonly clientId: string; readonly scopes: ReadonlySet<string> };

/** A SMART bearer token (checked first) or a KetaFlow session; anything else is 401. */
export async function actorOf(db: Database, request: FastifyRequest, now: Date): Promise<Actor> {
  const header = request.headers.authorization;
  if (header !== undefined) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const client = match?.[1] === undefined ? undefined : await resolveToken(db, match[1], now);
    if (client === undefined)
      throw new FhirError(401, 'login', 'The bearer token is unknown or has expired.');
    return { kind: 'client', ...client };
  }
  if (!request.auth)
    throw new FhirError(
      401,
      'login',
      'Log in with a KetaFlow staff session, or get a bearer token at /fhir/auth/token.',
    );
  const user = request.auth.user;
  return isStaff(user) ? { kind: 'staff' } : { kind: 'patient', patientId: user.patientId };
}

export function audit(
  db: Database,
  request: FastifyRequest,
  actor: Actor,
  entry: Parameters<typeof appendAudit>[2],
): Promise<void> {
  return appendAudit(db, request, {
    ...entry,
    ...(actor.kind === 'client' ? { detail: { ...entry.detail, client: actor.clientId } } : {}),
  });
}

/**
 * Staff see every record, a patient only their own, a client what its scopes allow. Denials
 * are audited.
 */
export async function assertMay(
  db: Database,
  request: FastifyRequest,
  actor: Actor,
  patientId: string,
  type: string,
  action: string,
): Promise<void> {
  if (actor.kind === 'staff') return;
  if (actor.kind === 'patient' && actor.patientId === patientId) return;
  if (actor.kind === 'client' && scopeAllows(actor.scopes, type, 'read')) return;
  await audit(db, request, actor, { action, resourceType: type, patientId, outcome: 'denied' });
  throw new FhirError(
    403,
    'forbidden',
    actor.kind === 'client'
      ? `The token's scopes do not allow reading ${type}.`
      : 'A patient account may read only its own record.',
  );
}
