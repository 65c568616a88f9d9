import {
  instrumentForIndication,
  isIndicationId,
  scoreResponse,
  type KnowledgeBase,
  type PatientCrisisMessage,
  type Problem,
  type ScoreResult,
} from '@ketaflow/core';
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Database, Executor } from '../../db/client';
import {
  appointments,
  courses,
  patients,
  safetyAlerts,
  scaleResponses,
  type ScaleSource,
} from '../../db/schema/index';
import { AppError, bodyFieldErrors } from '../../errors/catalog';
import { problemFor } from '../../errors/error-handler';
import { appendAudit } from '../../lib/audit';
import type { Mailer } from '../../lib/mailer';
import { runIdempotent } from '../appointments/idempotency';
import { notifyCareTeam } from './care-team';
import { mustFindInstrument } from './instruments';
import { loadResponses, toResponseDto } from './responses';

export interface SubmitDeps {
  readonly db: Database;
  readonly kb: KnowledgeBase;
  readonly mailer: Mailer;
  readonly publicUrl: string;
}

export interface SubmitInput {
  readonly patientId: string;
  readonly userId: string;
  readonly source: ScaleSource;
  readonly instrument: string;
  readonly answers: unknown;
  readonly completedAt: Date;
  readonly appointmentId?: string | undefined;
  readonly courseId?: string | undefined;
}

/** What a submission answers: the stored response (201) or a refusal, as the route sends it. */
export interface SubmitOutcome {
  readonly statusCode: number;
  readonly body: unknown;
  /** A retry with the same `idempotencyKey`: the first answer, stored nothing new. */
  readonly replayed: boolean;
}

/** The body a retry with the same key must repeat; the key itself is not part of it. */
export interface Idempotency {
  readonly key: string | undefined;
  readonly body: unknown;
  /** When the request came in (the key's age counts from it, not from `completedAt`). */
  readonly now: Date;
}

const OPEN_COURSE = ['planned', 'active', 'paused'] as const;

/** The course a response belongs to: the appointment's, the one named, or the open course whose instrument it is. */
async function resolveCourse(
  executor: Executor,
  kb: KnowledgeBase,
  input: SubmitInput,
  instrumentRef: string,
): Promise<{ courseId: string | null; appointmentId: string | null }> {
  let courseId: string | null = null;
  if (input.appointmentId !== undefined) {
    const [appointment] = await executor
      .select({ courseId: appointments.courseId })
      .from(appointments)
      .where(
        and(eq(appointments.id, input.appointmentId), eq(appointments.patientId, input.patientId)),
      );
    if (!appointment) throw new AppError('RESOURCE.NOT_FOUND', 'No such appointment.');
    courseId = appointment.courseId;
  }
  if (input.courseId !== undefined) {
    const [course] = await executor
      .select({ id: courses.id })
      .from(courses)
      .where(and(eq(courses.id, input.courseId), eq(courses.patientId, input.patientId)));
    if (!course) throw new AppError('RESOURCE.NOT_FOUND', 'No such course.');
    courseId = course.id;
  }
  if (courseId === null) {
    const open = await executor
      .select({ id: courses.id, indication: courses.indication })
      .from(courses)
      .where(and(eq(courses.patientId, input.patientId), inArray(courses.status, [...OPEN_COURSE])))
      .orderBy(desc(courses.createdAt));
    const match = open.find(
      (c) =>
        isIndicationId(c.indication) && instrumentForIndication(kb, c.indication) === instrumentRef,
    );
    courseId = match?.id ?? null;
  }
  return { courseId, appointmentId: input.appointmentId ?? null };
}

/**
 * A refused response as problem+json, with the crisis resources and the alerts raised when item 9
 * was above zero. An answer that is not one of the item's scores (out of range, not a whole
 * number, an unknown item) is a bad request (400); a form with only unanswered items is
 * incomplete (422).
 */
function refusal(
  problems: readonly Problem[],
  crisis: PatientCrisisMessage | null,
  safetyAlertIds: readonly string[],
  instance: string,
): { statusCode: number; body: unknown } {
  const errors = bodyFieldErrors(problems);
  const detail = errors.map((e) => `${e.path}: ${e.message}`).join('; ');
  const incomplete = problems.every((p) => p.code === 'OUTCOME.MISSING_ANSWER');
  const problem = problemFor(
    incomplete ? 'OUTCOME.RESPONSE_INCOMPLETE' : 'VALIDATION.FAILED',
    detail,
    errors,
  );
  return {
    statusCode: problem.status,
    body: { ...problem, instance, crisis, safetyAlertIds: [...safetyAlertIds] },
  };
}

/**
 * Scores a response with core and stores it with its safety alerts, audited in the same
 * transaction. A response core refuses is not stored (no pro-rating), but a safety alert it
 * raised is: item 9 above zero reaches the care team even on an incomplete form. With an
 * idempotency key, a retry (a double tap, a lost answer) gets the first answer and stores nothing
 * again, so one filled-in form never counts twice on a chart or raises a second alert. The care
 * team is told after the commit; the open alert list is the durable record.
 */
export async function submitScale(
  deps: SubmitDeps,
  request: FastifyRequest,
  input: SubmitInput,
  idempotency: Idempotency,
): Promise<SubmitOutcome> {
  const { db, kb } = deps;
  const instrument = await mustFindInstrument(db, kb, input.instrument);
  const scored = scoreResponse(instrument.definition, input.answers, kb.crisisResources.resources);
  const alerts = scored.ok ? scored.value.safetyAlerts : scored.error.safetyAlerts;
  const link = await resolveCourse(db, kb, input, instrument.ref);
  const [patient] = await db
    .select({ mrn: patients.mrn })
    .from(patients)
    .where(eq(patients.id, input.patientId));
  if (!patient) throw new AppError('RESOURCE.NOT_FOUND', 'No such patient.');
  const path = request.url.split('?')[0] ?? request.url;
  const crisis = alerts[0]?.patientMessage ?? null;

  let alertIds: string[] = [];
  const outcome = await runIdempotent(
    db,
    {
      key: idempotency.key,
      userId: input.userId,
      method: request.method,
      path,
      body: idempotency.body,
      now: idempotency.now,
    },
    async (tx) => {
      const stored = await storeResponse(tx, request, input, {
        instrumentRef: instrument.ref,
        knowledgeVersion: kb.knowledgeVersion,
        link,
        scored,
      });
      alertIds = stored.alertIds;
      if (!scored.ok) return refusal(scored.error.problems, crisis, stored.alertIds, path);
      const [row] = await loadResponses(tx, {
        patientId: input.patientId,
        ids: [stored.responseId ?? ''],
      });
      if (!row) throw new Error('stored scale response not found');
      return { statusCode: 201, body: { response: toResponseDto(row, instrument), crisis } };
    },
  );
  if (!outcome.replayed)
    await notifyCareTeam(
      db,
      deps.mailer,
      deps.publicUrl,
      link.courseId,
      alertIds.map((alertId) => ({ alertId, mrn: patient.mrn })),
    );
  return outcome;
}

/** Writes the response (when scored), its audit row and its safety alerts in one transaction. */
async function storeResponse(
  tx: Executor,
  request: FastifyRequest,
  input: SubmitInput,
  scoring: {
    readonly instrumentRef: string;
    readonly knowledgeVersion: string;
    readonly link: { courseId: string | null; appointmentId: string | null };
    readonly scored: ScoreResult;
  },
): Promise<{ responseId: string | null; alertIds: string[] }> {
  const { instrumentRef, link, scored } = scoring;
  const alerts = scored.ok ? scored.value.safetyAlerts : scored.error.safetyAlerts;
  let responseId: string | null = null;
  if (scored.ok) {
    const [row] = await tx
      .insert(scaleResponses)
      .values({
        patientId: input.patientId,
        instrument: instrumentRef,
        answers: Object.fromEntries(scored.value.items.map((i) => [i.itemId, i.score])),
        total: scored.value.total,
        bandId: scored.value.band?.id ?? null,
        bandLabel: scored.value.band?.label ?? null,
        knowledgeVersion: scoring.knowledgeVersion,
        completedAt: input.completedAt,
        source: input.source,
        enteredBy: input.userId,
        courseId: link.courseId,
        appointmentId: link.appointmentId,
      })
      .returning({ id: scaleResponses.id });
    if (!row) throw new Error('insert into scale_responses returned no row');
    responseId = row.id;
  }
  await appendAudit(tx, request, {
    action: 'patient.scale.create',
    resourceType: 'ScaleResponse',
    resourceId: responseId,
    patientId: input.patientId,
    outcome: scored.ok ? 'success' : 'invalid',
    detail: {
      instrument: instrumentRef,
      source: input.source,
      ...(scored.ok ? {} : { fields: scored.error.problems.map((p) => p.path ?? '') }),
    },
  });
  const alertIds: string[] = [];
  for (const alert of alerts) {
    const [row] = await tx
      .insert(safetyAlerts)
      .values({
        patientId: input.patientId,
        responseId,
        instrument: instrumentRef,
        itemId: alert.itemId,
        answer: alert.answer.score,
        raisedAt: input.completedAt,
      })
      .returning({ id: safetyAlerts.id });
    if (!row) throw new Error('insert into safety_alerts returned no row');
    alertIds.push(row.id);
    await appendAudit(tx, request, {
      action: 'patient.safety-alert.create',
      resourceType: 'SafetyAlert',
      resourceId: row.id,
      patientId: input.patientId,
      outcome: 'success',
      detail: { instrument: instrumentRef, itemId: alert.itemId, responseId },
    });
  }
  return { responseId, alertIds };
}

/** Sends what a submission answered: the stored response, a refusal, or a retry's first answer. */
export function sendSubmitted(reply: FastifyReply, outcome: SubmitOutcome) {
  if (outcome.replayed) void reply.header('idempotent-replayed', 'true');
  return reply
    .status(outcome.statusCode)
    .type(
      outcome.statusCode >= 400 ? 'application/problem+json' : 'application/json; charset=utf-8',
    )
    .send(outcome.body);
}
