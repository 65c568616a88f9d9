import {
  instrumentForIndication,
  isIndicationId,
  scoreResponse,
  type KnowledgeBase,
  type PatientCrisisMessage,
  type Problem,
} from '@ketaflow/core';
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { Database, Executor } from '../../db/client';
import {
  appointments,
  courses,
  patients,
  safetyAlerts,
  scaleResponses,
  type ScaleSource,
} from '../../db/schema/index';
import { AppError, type FieldError } from '../../errors/catalog';
import { appendAudit } from '../../lib/audit';
import type { Mailer } from '../../lib/mailer';
import { notifyCareTeam } from './care-team';
import { mustFindInstrument } from './instruments';
import { loadResponses, toResponseDto } from './responses';
import type { ScaleResponseDto } from './schemas';

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

export type SubmitResult =
  | {
      readonly ok: true;
      readonly response: ScaleResponseDto;
      readonly crisis: PatientCrisisMessage | null;
    }
  | {
      readonly ok: false;
      readonly errors: readonly FieldError[];
      readonly crisis: PatientCrisisMessage | null;
      readonly safetyAlertIds: readonly string[];
    };

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

function toFieldErrors(problems: readonly Problem[]): FieldError[] {
  return problems.map((p) => ({
    path: p.path === undefined ? 'body' : `body.${p.path}`,
    message: p.message,
    code: p.code,
  }));
}

/**
 * Scores a response with core and stores it with its safety alerts, audited in the same
 * transaction. A response core refuses is not stored (no pro-rating), but a safety alert it
 * raised is: item 9 above zero reaches the care team even on an incomplete form. The care team
 * is told after the commit; the open alert list is the durable record.
 */
export async function submitScale(
  deps: SubmitDeps,
  request: FastifyRequest,
  input: SubmitInput,
): Promise<SubmitResult> {
  const { db, kb } = deps;
  const instrument = await mustFindInstrument(db, kb, input.instrument);
  const scored = scoreResponse(instrument.definition, input.answers);
  const alerts = scored.ok ? scored.value.safetyAlerts : scored.error.safetyAlerts;
  const link = await resolveCourse(db, kb, input, instrument.ref);
  const [patient] = await db
    .select({ mrn: patients.mrn })
    .from(patients)
    .where(eq(patients.id, input.patientId));
  if (!patient) throw new AppError('RESOURCE.NOT_FOUND', 'No such patient.');

  const stored = await db.transaction(async (tx) => {
    let responseId: string | null = null;
    if (scored.ok) {
      const [row] = await tx
        .insert(scaleResponses)
        .values({
          patientId: input.patientId,
          instrument: instrument.ref,
          answers: Object.fromEntries(scored.value.items.map((i) => [i.itemId, i.score])),
          total: scored.value.total,
          bandId: scored.value.band?.id ?? null,
          bandLabel: scored.value.band?.label ?? null,
          knowledgeVersion: kb.knowledgeVersion,
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
        instrument: instrument.ref,
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
          instrument: instrument.ref,
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
        detail: { instrument: instrument.ref, itemId: alert.itemId, responseId },
      });
    }
    return { responseId, alertIds };
  });

  await notifyCareTeam(
    db,
    deps.mailer,
    deps.publicUrl,
    link.courseId,
    stored.alertIds.map((alertId) => ({ alertId, mrn: patient.mrn })),
  );
  const crisis = alerts[0]?.patientMessage ?? null;
  if (!scored.ok)
    return {
      ok: false,
      errors: toFieldErrors(scored.error.problems),
      crisis,
      safetyAlertIds: stored.alertIds,
    };
  const [row] = await loadResponses(db, {
    patientId: input.patientId,
    ids: [stored.responseId ?? ''],
  });
  if (!row) throw new Error('stored scale response not found');
  return { ok: true, response: toResponseDto(row, instrument), crisis };
}
