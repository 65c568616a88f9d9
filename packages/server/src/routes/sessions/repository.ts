/** Loading sessions with their events, appending signed events and moving the state. */
import { transitionSession, type KnowledgeBase, type SessionState } from '@ketaflow/core';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Executor, Transaction } from '../../db/client';
import {
  appointments,
  locations,
  patients,
  sessionEvents,
  treatmentSessions,
  users,
  type SessionEventKind,
} from '../../db/schema/index';
import { AppError } from '../../errors/catalog';
import { buildSession, type EventRow, type SessionRow } from './build-session';
import type { SessionDto } from './schemas';

const sessionColumns = {
  id: treatmentSessions.id,
  appointmentId: treatmentSessions.appointmentId,
  product: treatmentSessions.product,
  indication: treatmentSessions.indication,
  sessionDate: treatmentSessions.sessionDate,
  state: treatmentSessions.state,
  doseCalculationId: treatmentSessions.doseCalculationId,
  scheduledStart: appointments.startsAt,
  patient: {
    id: patients.id,
    givenName: patients.givenName,
    familyName: patients.familyName,
    mrn: patients.mrn,
    birthDate: patients.birthDate,
  },
  locationId: locations.id,
  locationCode: locations.code,
  locationName: locations.name,
};

type Loaded = Omit<SessionRow, 'location'> & {
  locationId: string | null;
  locationCode: string | null;
  locationName: string | null;
};

function toRow(r: Loaded): SessionRow {
  const { locationId, locationCode, locationName, ...rest } = r;
  return {
    ...rest,
    location:
      locationId !== null && locationCode !== null && locationName !== null
        ? { id: locationId, code: locationCode, name: locationName }
        : null,
  };
}

function baseQuery(executor: Executor) {
  return executor
    .select(sessionColumns)
    .from(treatmentSessions)
    .innerJoin(appointments, eq(appointments.id, treatmentSessions.appointmentId))
    .innerJoin(patients, eq(patients.id, treatmentSessions.patientId))
    .leftJoin(locations, eq(locations.id, treatmentSessions.locationId));
}

export async function loadEvents(
  executor: Executor,
  sessionIds: readonly string[],
): Promise<Map<string, EventRow[]>> {
  const out = new Map<string, EventRow[]>();
  if (sessionIds.length === 0) return out;
  const rows = await executor
    .select({
      sessionId: sessionEvents.sessionId,
      id: sessionEvents.id,
      kind: sessionEvents.kind,
      payload: sessionEvents.payload,
      takenAt: sessionEvents.takenAt,
      deviceId: sessionEvents.deviceId,
      refersTo: sessionEvents.refersTo,
      recordedAt: sessionEvents.recordedAt,
      signerId: users.id,
      signerName: users.displayName,
    })
    .from(sessionEvents)
    .leftJoin(users, eq(users.id, sessionEvents.recordedBy))
    .where(inArray(sessionEvents.sessionId, [...sessionIds]))
    .orderBy(asc(sessionEvents.seq));
  for (const r of rows) {
    const list = out.get(r.sessionId) ?? [];
    list.push({
      id: r.id,
      kind: r.kind,
      payload: r.payload as Record<string, unknown>,
      takenAt: r.takenAt,
      deviceId: r.deviceId,
      refersTo: r.refersTo,
      recordedAt: r.recordedAt,
      signer:
        r.signerId !== null && r.signerName !== null
          ? { id: r.signerId, displayName: r.signerName }
          : null,
    });
    out.set(r.sessionId, list);
  }
  return out;
}

/** The session as the API shows it, or 404. */
export async function loadSession(
  executor: Executor,
  kb: KnowledgeBase,
  id: string,
  now: Date,
): Promise<SessionDto> {
  const [row] = await baseQuery(executor).where(eq(treatmentSessions.id, id));
  if (!row) throw new AppError('RESOURCE.NOT_FOUND', 'No such session');
  const events = await loadEvents(executor, [id]);
  return buildSession(kb, toRow(row), events.get(id) ?? [], now);
}

/** Sessions of one clinic date (and location), oldest appointment first. */
export async function listSessions(
  executor: Executor,
  kb: KnowledgeBase,
  where: { date: string; locationId?: string | undefined },
  now: Date,
): Promise<SessionDto[]> {
  const rows = await baseQuery(executor)
    .where(
      and(
        eq(treatmentSessions.sessionDate, where.date),
        where.locationId === undefined
          ? undefined
          : eq(treatmentSessions.locationId, where.locationId),
      ),
    )
    .orderBy(asc(appointments.startsAt))
    .limit(500);
  const events = await loadEvents(
    executor,
    rows.map((r) => r.id),
  );
  return rows.map((r) => buildSession(kb, toRow(r), events.get(r.id) ?? [], now));
}

/** Locks the session row for the rest of the transaction and returns its state and patient. */
export async function lockSession(
  tx: Transaction,
  id: string,
): Promise<{
  state: SessionState;
  patientId: string;
  product: 'ketamine-iv' | 'esketamine-nasal';
}> {
  const [row] = await tx
    .select({
      state: treatmentSessions.state,
      patientId: treatmentSessions.patientId,
      product: treatmentSessions.product,
    })
    .from(treatmentSessions)
    .where(eq(treatmentSessions.id, id))
    .for('update');
  if (!row) throw new AppError('RESOURCE.NOT_FOUND', 'No such session');
  return row;
}

/** Throws 409 SESSION.TRANSITION_INVALID unless the core state machine allows the move. */
export function assertTransition(from: SessionState, to: SessionState): void {
  const moved = transitionSession(from, to);
  if (!moved.ok) throw new AppError('SESSION.TRANSITION_INVALID', moved.error.message);
}

/** Throws 409 unless the session is in one of `states` (for steps that keep the state). */
export function assertState(
  state: SessionState,
  states: readonly SessionState[],
  what: string,
): void {
  if (!states.includes(state))
    throw new AppError(
      'SESSION.TRANSITION_INVALID',
      `${what} is not possible while the session is ${state}`,
    );
}

export async function setState(
  tx: Transaction,
  id: string,
  state: SessionState,
  now: Date,
  extra: { doseCalculationId?: string } = {},
): Promise<void> {
  await tx
    .update(treatmentSessions)
    .set({ state, updatedAt: now, ...extra })
    .where(eq(treatmentSessions.id, id));
}

export async function appendEvent(
  tx: Executor,
  e: {
    sessionId: string;
    kind: SessionEventKind;
    payload: Record<string, unknown>;
    recordedBy: string | null;
    recordedAt: Date;
    takenAt?: Date;
    deviceId?: string;
    refersTo?: string;
  },
): Promise<string> {
  const [row] = await tx
    .insert(sessionEvents)
    .values({
      sessionId: e.sessionId,
      kind: e.kind,
      payload: e.payload,
      recordedBy: e.recordedBy,
      recordedAt: e.recordedAt,
      takenAt: e.takenAt ?? null,
      deviceId: e.deviceId ?? null,
      refersTo: e.refersTo ?? null,
    })
    .returning({ id: sessionEvents.id });
  if (!row) throw new Error('insert into session_events returned no row');
  return row.id;
}
