import {
  instrumentForIndication,
  isIndicationId,
  scoreResponse,
  toFhirObservation,
  toFhirQuestionnaireResponse,
} from '@ketaflow/core';
import { and, desc, eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/client';
import { courses } from '../../db/schema/index';
import { AppError } from '../../errors/catalog';
import { appendAudit } from '../../lib/audit';
import type { Clock } from '../../lib/clock';
import type { Mailer } from '../../lib/mailer';
import type { ClinicKnowledge } from '../../knowledge';
import { requireAuth, requireRole, STAFF_ROLES } from '../../plugins/auth';
import { IdParams, problems, Uuid } from '../common-schemas';
import { assertPatientAccess } from '../patients/access';
import { alertRoutes } from './alert-routes';
import { dueScales } from './due';
import { formRoutes } from './form-routes';
import { findInstrument, listInstruments, mustFindInstrument } from './instruments';
import { courseSessions, progressOf, sessionMarkers } from './progress-data';
import { reportRoutes } from './report-routes';
import { loadResponses, toResponseDto } from './responses';
import {
  DueItemSchema,
  IncompleteProblemSchema,
  InstrumentRefField,
  InstrumentSchema,
  PaperBody,
  PortalBody,
  ProgressResponseSchema,
  ScaleResponseSchema,
  SubmittedSchema,
} from './schemas';
import { sendSubmitted, submitScale, type SubmitDeps } from './submit';

export interface OutcomeRouteOptions {
  readonly db: Database;
  readonly clock: Clock;
  readonly knowledge: ClinicKnowledge;
  readonly mailer: Mailer;
  readonly publicUrl: string;
}

const tags = ['outcomes'];
const LATE_ENTRY_MS = 5 * 60_000;

/** Rating scales: the patient portal, paper entry, responses, progress and FHIR export. */
export const outcomeRoutes: FastifyPluginAsyncZod<OutcomeRouteOptions> = async (app, options) => {
  const { db, clock, knowledge } = options;
  const { kb } = knowledge;
  const submitDeps: SubmitDeps = {
    db,
    kb,
    mailer: options.mailer,
    publicUrl: options.publicUrl,
  };

  const ownPatientId = (request: FastifyRequest): string => {
    const { user } = requireAuth(request);
    if (user.patientId === null) throw new AppError('AUTH.FORBIDDEN', 'Only for patients.');
    return user.patientId;
  };

  app.get(
    '/api/scales/instruments',
    {
      preHandler: requireRole(...STAFF_ROLES),
      schema: {
        tags,
        summary: 'Every instrument a scale can be filled in with (built-in, then custom forms)',
        response: { 200: z.object({ items: z.array(InstrumentSchema) }), ...problems(401, 403) },
      },
    },
    async () => ({
      items: (await listInstruments(db, kb)).map((i) => ({ ref: i.ref, definition: i.definition })),
    }),
  );

  app.get(
    '/api/me/scales/due',
    {
      preHandler: requireRole('patient'),
      schema: {
        tags,
        summary: 'The scales to fill in now, each with the definition to render',
        description:
          'One item per instrument of the open courses: `baseline` (never filled in), `before-session` (a session within the clinic setting preSessionWindowHours, default 72 h), `interval` (the last one is scaleIntervalDays old).',
        response: { 200: z.object({ items: z.array(DueItemSchema) }), ...problems(401, 403) },
      },
    },
    async (request) => {
      const patientId = ownPatientId(request);
      const items = await dueScales(db, kb, patientId, clock.now());
      await appendAudit(db, request, {
        action: 'patient.scale.due.read',
        resourceType: 'ScaleResponse',
        patientId,
        outcome: 'success',
        detail: { count: items.length },
      });
      return { items };
    },
  );

  app.post(
    '/api/me/scales',
    {
      preHandler: requireRole('patient'),
      schema: {
        tags,
        summary: 'Fill in a rating scale; scored at once',
        description:
          'Every item must be answered (422 OUTCOME.RESPONSE_INCOMPLETE names each, nothing stored); an answer that is not one of the item’s scores (out of range, not a whole number) or an unknown item is 400 VALIDATION.FAILED naming each. An answer above zero on PHQ-9 item 9 raises a safety alert, tells the care team and returns `crisis` at once (the clinic’s crisis resources, setting `crisisResources`; by default 988 and 911), even on a refused form. With `idempotencyKey`, a retry gets the first answer and stores nothing again (422 REQUEST.IDEMPOTENCY_MISMATCH when the key was used for other answers).',
        body: PortalBody,
        response: {
          201: SubmittedSchema,
          400: IncompleteProblemSchema,
          422: IncompleteProblemSchema,
          ...problems(401, 403, 404),
        },
      },
    },
    async (request, reply) => {
      const patientId = ownPatientId(request);
      const { user } = requireAuth(request);
      const { idempotencyKey, ...body } = request.body;
      const now = clock.now();
      const outcome = await submitScale(
        submitDeps,
        request,
        {
          patientId,
          userId: user.id,
          source: 'portal',
          instrument: body.instrument,
          answers: body.answers,
          completedAt: now,
          appointmentId: body.appointmentId,
        },
        { key: idempotencyKey, body, now },
      );
      return sendSubmitted(reply, outcome);
    },
  );

  app.get(
    '/api/me/scales',
    {
      preHandler: requireRole('patient'),
      schema: {
        tags,
        summary: 'My rating scales, oldest first',
        querystring: z.object({ instrument: InstrumentRefField.optional() }),
        response: { 200: z.object({ items: z.array(ScaleResponseSchema) }), ...problems(401, 403) },
      },
    },
    async (request) => {
      const patientId = ownPatientId(request);
      return { items: await listFor(request, patientId, request.query.instrument) };
    },
  );

  async function listFor(request: FastifyRequest, patientId: string, instrument?: string) {
    const rows = await loadResponses(db, {
      patientId,
      ...(instrument === undefined ? {} : { instrument }),
    });
    const instruments = new Map((await listInstruments(db, kb)).map((i) => [i.ref as string, i]));
    await appendAudit(db, request, {
      action: 'patient.scale.list',
      resourceType: 'ScaleResponse',
      patientId,
      outcome: 'success',
      detail: { count: rows.length },
    });
    return rows.map((r) => toResponseDto(r, instruments.get(r.instrument)));
  }

  app.post(
    '/api/patients/:id/scales',
    {
      preHandler: requireRole('nurse', 'prescriber'),
      schema: {
        tags,
        summary: 'Enter a paper form on the patient’s behalf',
        description:
          'Scored like a portal response (source `paper`, same 400 and 422 refusals, same `idempotencyKey`); `completedAt` is when the patient filled it in (not in the future). Item 9 above zero raises the safety alert and returns `crisis`.',
        params: IdParams,
        body: PaperBody,
        response: {
          201: SubmittedSchema,
          400: IncompleteProblemSchema,
          422: IncompleteProblemSchema,
          ...problems(401, 403, 404),
        },
      },
    },
    async (request, reply) => {
      const patientId = request.params.id;
      const { user } = requireAuth(request);
      await assertPatientAccess(db, request, patientId, 'patient.scale.create');
      const now = clock.now();
      const completedAt =
        request.body.completedAt === undefined ? now : new Date(request.body.completedAt);
      if (completedAt.getTime() > now.getTime() + LATE_ENTRY_MS)
        throw new AppError('VALIDATION.FAILED', 'body.completedAt: must not be in the future', [
          { path: 'body.completedAt', message: 'must not be in the future' },
        ]);
      const { idempotencyKey, ...body } = request.body;
      const outcome = await submitScale(
        submitDeps,
        request,
        {
          patientId,
          userId: user.id,
          source: 'paper',
          instrument: body.instrument,
          answers: body.answers,
          completedAt,
          appointmentId: body.appointmentId,
          courseId: body.courseId,
        },
        { key: idempotencyKey, body, now },
      );
      return sendSubmitted(reply, outcome);
    },
  );

  app.get(
    '/api/patients/:id/scales',
    {
      schema: {
        tags,
        summary: 'A patient’s rating scales, oldest first (staff, or the patient themself)',
        params: IdParams,
        querystring: z.object({ instrument: InstrumentRefField.optional() }),
        response: {
          200: z.object({ items: z.array(ScaleResponseSchema) }),
          ...problems(401, 404),
        },
      },
    },
    async (request) => {
      const patientId = request.params.id;
      await assertPatientAccess(db, request, patientId, 'patient.scale.list');
      return { items: await listFor(request, patientId, request.query.instrument) };
    },
  );

  app.get(
    '/api/patients/:id/progress',
    {
      schema: {
        tags,
        summary: 'Scores over time with session markers, response and remission (core progress)',
        description:
          'Without `instrument`, the instrument of the patient’s latest course (PHQ-9 when none). Sessions are infusions and esketamine sessions completed, or booked in the past. With `courseId`, only that course’s responses and sessions (one-off sessions count when it is the patient’s only course).',
        params: IdParams,
        querystring: z.object({
          instrument: InstrumentRefField.optional(),
          courseId: Uuid.optional(),
        }),
        response: { 200: ProgressResponseSchema, ...problems(400, 401, 404, 422) },
      },
    },
    async (request) => {
      const patientId = request.params.id;
      await assertPatientAccess(db, request, patientId, 'patient.progress.read');
      const { courseId } = request.query;
      let ref = request.query.instrument;
      if (ref === undefined) {
        const [latest] = await db
          .select({ indication: courses.indication })
          .from(courses)
          .where(
            and(
              eq(courses.patientId, patientId),
              courseId === undefined ? undefined : eq(courses.id, courseId),
            ),
          )
          .orderBy(desc(courses.createdAt))
          .limit(1);
        ref =
          latest && isIndicationId(latest.indication)
            ? instrumentForIndication(kb, latest.indication)
            : 'phq-9';
      }
      const instrument = await mustFindInstrument(db, kb, ref, 'query.instrument');
      const rows = await loadResponses(db, {
        patientId,
        instrument: instrument.ref,
        ...(courseId === undefined ? {} : { courseId }),
      });
      const patientSessions = await sessionMarkers(db, { patientId }, clock.now());
      const courseCount =
        courseId === undefined
          ? 0
          : (
              await db
                .select({ id: courses.id })
                .from(courses)
                .where(eq(courses.patientId, patientId))
            ).length;
      const sessions =
        courseId === undefined
          ? patientSessions
          : courseSessions(patientSessions, courseId, courseCount === 1);
      const computed = progressOf(instrument, rows, sessions);
      if (computed && !computed.ok) throw new Error('stored scores did not form a valid series');
      await appendAudit(db, request, {
        action: 'patient.progress.read',
        resourceType: 'ScaleResponse',
        patientId,
        outcome: 'success',
        detail: { instrument: instrument.ref, count: rows.length },
      });
      return {
        patientId,
        instrument: instrument.ref,
        instrumentName: instrument.definition.shortName,
        courseId: courseId ?? null,
        sessions: sessions.map(({ appointmentId, at, type, status }) => ({
          appointmentId,
          at,
          type,
          status,
        })),
        responses: rows.map((r) => toResponseDto(r, instrument)),
        progress: computed?.value ?? null,
      };
    },
  );

  app.get(
    '/api/patients/:id/scales/:responseId/fhir',
    {
      preHandler: requireRole(...STAFF_ROLES),
      schema: {
        tags,
        summary: 'A scored response as a FHIR R4 Observation (or QuestionnaireResponse)',
        description:
          'The total as an Observation (LOINC 44261-6 for the PHQ-9, 70274-6 GAD-7, 72514-3 pain NRS, 101698-9 PCL-5; KetaFlow codes for custom forms); `?as=questionnaire-response` for the answers.',
        params: z.object({ id: Uuid, responseId: Uuid }),
        querystring: z.object({
          as: z.enum(['observation', 'questionnaire-response']).default('observation'),
        }),
        response: { 200: z.record(z.string(), z.unknown()), ...problems(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const { id: patientId, responseId } = request.params;
      await assertPatientAccess(db, request, patientId, 'patient.scale.fhir.read');
      const [row] = await loadResponses(db, { patientId, ids: [responseId] });
      if (!row) throw new AppError('RESOURCE.NOT_FOUND', 'No such scale response.');
      const instrument = await findInstrument(db, kb, row.instrument);
      if (!instrument) throw new Error(`instrument ${row.instrument} of a stored response is gone`);
      const scored = scoreResponse(
        instrument.definition,
        row.answers,
        kb.crisisResources.resources,
      );
      if (!scored.ok) throw new Error('a stored response no longer scores');
      const context = {
        subject: { reference: `Patient/${patientId}` },
        effectiveDateTime: row.completedAt.toISOString(),
      };
      const resource =
        request.query.as === 'questionnaire-response'
          ? toFhirQuestionnaireResponse(instrument.definition, scored.value, {
              ...context,
              id: row.id,
            })
          : toFhirObservation(instrument.definition, scored.value, {
              ...context,
              id: row.id,
              questionnaireResponse: { reference: `QuestionnaireResponse/${row.id}` },
            });
      await appendAudit(db, request, {
        action: 'patient.scale.fhir.read',
        resourceType: 'ScaleResponse',
        resourceId: row.id,
        patientId,
        outcome: 'success',
        detail: { as: request.query.as },
      });
      return reply.type('application/fhir+json').send({ ...resource });
    },
  );

  await app.register(alertRoutes, { db, clock, knowledge });
  await app.register(reportRoutes, { db, clock, knowledge });
  await app.register(formRoutes, { db, knowledge });
};
