import {
  clinicOutcomes,
  clinicOutcomesCsv,
  instrumentForIndication,
  isIndicationId,
  patientOutcomesCsv,
  type PatientOutcome,
} from '@ketaflow/core';
import { asc, isNotNull } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/client';
import { courses, scaleResponses } from '../../db/schema/index';
import { appendAudit } from '../../lib/audit';
import type { Clock } from '../../lib/clock';
import type { ClinicKnowledge } from '../../knowledge';
import { requireRole } from '../../plugins/auth';
import { problems } from '../common-schemas';
import { findInstrument, type ResolvedInstrument } from './instruments';
import { courseSessions, progressOf, sessionMarkers } from './progress-data';
import { ClinicOutcomesSchema } from './schemas';

export interface ReportRouteOptions {
  readonly db: Database;
  readonly clock: Clock;
  readonly knowledge: ClinicKnowledge;
}

const tags = ['outcomes'];

/**
 * One outcome per course: the course's instrument (by indication, clinic settings applied), the
 * responses recorded on that course and its sessions that took place. Courses without a score,
 * or whose instrument is a custom form that does not exist, are left out.
 */
async function courseOutcomes(
  db: Database,
  knowledge: ClinicKnowledge,
  now: Date,
): Promise<PatientOutcome[]> {
  const allCourses = await db.select().from(courses).orderBy(asc(courses.createdAt));
  const responses = await db
    .select()
    .from(scaleResponses)
    .where(isNotNull(scaleResponses.courseId))
    .orderBy(asc(scaleResponses.completedAt));
  const sessions = await sessionMarkers(db, {}, now);
  const instruments = new Map<string, ResolvedInstrument | null>();
  const out: PatientOutcome[] = [];
  for (const course of allCourses) {
    if (!isIndicationId(course.indication)) continue;
    const ref = instrumentForIndication(knowledge.kb, course.indication);
    if (!instruments.has(ref)) instruments.set(ref, await findInstrument(db, knowledge.kb, ref));
    const instrument = instruments.get(ref);
    if (!instrument) continue;
    const result = progressOf(
      instrument,
      responses.filter((r) => r.courseId === course.id && r.instrument === ref),
      courseSessions(
        sessions.filter((s) => s.patientId === course.patientId),
        course.id,
        allCourses.filter((c) => c.patientId === course.patientId).length === 1,
      ),
    );
    if (result?.ok)
      out.push({
        patientId: course.patientId,
        indication: course.indication,
        progress: result.value,
      });
  }
  return out;
}

/** The outcomes dashboard by indication, and its CSV export (ids only, never names). */
export const reportRoutes: FastifyPluginAsyncZod<ReportRouteOptions> = async (app, options) => {
  const { db, clock, knowledge } = options;
  const readers = requireRole('prescriber', 'admin');

  app.get(
    '/api/outcomes/clinic',
    {
      preHandler: readers,
      schema: {
        tags,
        summary: 'Clinic outcomes by indication: patients, response and remission rates, medians',
        description:
          'Core clinicOutcomes over every course with scores. Rates are fractions 0-1, null when no patient can be judged.',
        response: { 200: ClinicOutcomesSchema, ...problems(401, 403) },
      },
    },
    async (request) => {
      const outcomes = await courseOutcomes(db, knowledge, clock.now());
      await appendAudit(db, request, {
        action: 'outcomes.clinic.read',
        resourceType: 'ClinicOutcomes',
        outcome: 'success',
        detail: { courses: outcomes.length },
      });
      return {
        knowledgeVersion: knowledge.kb.knowledgeVersion,
        courses: outcomes.length,
        byIndication: clinicOutcomes(outcomes).byIndication,
      };
    },
  );

  app.get(
    '/api/outcomes/clinic.csv',
    {
      preHandler: readers,
      schema: {
        tags,
        summary: 'Clinic outcomes as CSV (RFC 4180): one row per indication, or per course',
        description:
          '`rows=indication` (default) holds no patient data; `rows=patient` has one row per course by patient id only (no names).',
        querystring: z.object({ rows: z.enum(['indication', 'patient']).default('indication') }),
        response: { 200: z.string().describe('text/csv'), ...problems(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const outcomes = await courseOutcomes(db, knowledge, clock.now());
      const perPatient = request.query.rows === 'patient';
      if (perPatient)
        for (const patientId of new Set(outcomes.map((o) => o.patientId)))
          await appendAudit(db, request, {
            action: 'patient.outcomes.export',
            resourceType: 'ClinicOutcomes',
            patientId,
            outcome: 'success',
          });
      else
        await appendAudit(db, request, {
          action: 'outcomes.clinic.export',
          resourceType: 'ClinicOutcomes',
          outcome: 'success',
          detail: { courses: outcomes.length },
        });
      const csv = perPatient
        ? patientOutcomesCsv(outcomes)
        : clinicOutcomesCsv(clinicOutcomes(outcomes));
      const name = perPatient ? 'patient-outcomes.csv' : 'clinic-outcomes.csv';
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}"`)
        .send(csv);
    },
  );
};
