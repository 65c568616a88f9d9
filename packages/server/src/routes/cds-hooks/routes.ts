import { and, eq, inArray, or, sql } from 'drizzle-orm';
import {
  validatorCompiler,
  type FastifyPluginAsyncZod,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database, DatabaseHandle } from '../../db/client';
import { cdsCards, cdsFeedback, courses, patients } from '../../db/schema/index';
import { AppError, fieldError, fieldErrors } from '../../errors/catalog';
import { appendAudit } from '../../lib/audit';
import { NUL, NUL_MESSAGE } from '../../lib/nul';
import type { Clock } from '../../lib/clock';
import type { ClinicKnowledge } from '../../knowledge';
import { requireRole } from '../../plugins/auth';
import { IsoInstant, problems } from '../common-schemas';
import type { Card } from './card-types';
import type { CdsClient } from './clients';
import { createCallLog, type CardRecord } from './call-log';
import { FeedbackReportQuery, FeedbackReportSchema, feedbackReport } from './feedback-report';
import { CDS_SERVICES } from './services';
import { CdsRequestSchema, CdsResponseSchema, CodingSchema, DiscoverySchema } from './schemas';
import { CdsAuthError, createJwtVerifier, type VerifiedClient } from './jwt';
import {
  cardRecords,
  checkHook,
  orderHookCards,
  serviceUrl,
  type CdsRequest,
  type CdsService,
} from './screen-call';
import { createScreenPool } from './screen-pool';

export interface CdsHooksOptions {
  readonly db: Database;
  /** Plain parameterised SQL on the same database (the call log's hot path). */
  readonly query: DatabaseHandle['query'];
  /** Call-log writes that may run at once: 1 on PGlite, a few on a PostgreSQL pool. */
  readonly writeConcurrency: number;
  readonly clock: Clock;
  readonly knowledge: ClinicKnowledge;
  readonly publicUrl: string;
  readonly clients: readonly CdsClient[];
  /** Worker threads that screen calls (0: on the request's thread). */
  readonly screenThreads: number;
}

const FeedbackSchema = z.object({
  feedback: z
    .array(
      z.looseObject({
        card: z.uuid(),
        outcome: z.enum(['accepted', 'overridden']),
        acceptedSuggestions: z.array(z.looseObject({ id: z.string() })).optional(),
        overrideReason: z
          .looseObject({ reason: CodingSchema.optional(), userComment: z.string().optional() })
          .optional(),
        outcomeTimestamp: IsoInstant,
      }),
    )
    .min(1),
});

const CDS_TAGS = ['cds-hooks'];
const bearer = z.object({ authorization: z.string().optional() });

/** CDS Hooks 2.0: discovery, the three services, feedback, and the admin override-rate view. */
export const cdsHooksRoutes: FastifyPluginAsyncZod<CdsHooksOptions> = async (app, options) => {
  const { db, clock, knowledge, publicUrl, clients } = options;
  // Every call's jti and cards are stored by the call log (statements shared by calls that
  // arrive together). A token is verified first; its jti is consumed before KetaFlow
  // reads or fetches any patient data for it, or, when the call only screens the prefetch it
  // carries, together with the cards it answers (a replay then stores nothing and gets 401).
  const callLog = createCallLog(options.query, clock, options.writeConcurrency);
  app.addHook('onClose', async () => {
    await callLog.drain();
  });
  const consume = (client: VerifiedClient, cards: readonly CardRecord[] = []) =>
    callLog.record({ issuer: client.iss, jti: client.jti, expiresAt: client.expiresAt, cards });
  const screening = createScreenPool(
    { kb: knowledge.kb, publicUrl, clients },
    options.screenThreads,
  );
  app.addHook('onListen', () => {
    screening.warm();
  });
  app.addHook('onClose', async () => {
    await screening.close();
  });
  const verifySignature = createJwtVerifier({ clients });
  /** The verified client of a feedback call; its jti is not yet consumed (see `consume`). */
  const authenticate = async (authorization: string | undefined, audience: string[]) => {
    try {
      return await verifySignature(authorization, audience, clock.now());
    } catch (error) {
      if (error instanceof CdsAuthError) refuse(error.message);
      throw error;
    }
  };
  const refuse = (reason: string): never => {
    app.log.info({ reason }, 'CDS client refused');
    throw new AppError('CDS.UNAUTHORIZED');
  };
  /** Consumes the jti now: before patient data is read or fetched, or when no cards follow. */
  const consumeNow = async (client: VerifiedClient) => {
    if (!(await consume(client))) refuse('jti replayed');
  };
  const findService = (id: string) => {
    const service = CDS_SERVICES.find((s) => s.id === id);
    if (!service) throw new AppError('RESOURCE.NOT_FOUND', `No CDS service ${id}`);
    return service;
  };

  app.get(
    '/cds-services',
    {
      schema: {
        tags: CDS_TAGS,
        summary: 'CDS Hooks discovery',
        response: { 200: DiscoverySchema },
      },
    },
    () => ({ services: CDS_SERVICES.map((s) => ({ ...s, prefetch: { ...s.prefetch } })) }),
  );

  // The call's body reaches the screener as text: it is parsed and checked there, by the same
  // schema, off the event loop when there are worker threads (screen-call.ts, screen-pool.ts).
  // The schema stays on the route for the OpenAPI document.
  await app.register(async (plain) => {
    const calls = plain.withTypeProvider<ZodTypeProvider>();
    // JSON only (anything else is 415), kept as text for the screener.
    calls.removeAllContentTypeParsers();
    calls.addContentTypeParser(
      'application/json',
      { parseAs: 'string' },
      (_request, body, done) => {
        done(null, body);
      },
    );
    calls.setValidatorCompiler<z.ZodType>((route) =>
      route.httpPart === 'body' ? (data: unknown) => ({ value: data }) : validatorCompiler(route),
    );
    calls.post(
      '/cds-services/:id',
      {
        schema: {
          tags: CDS_TAGS,
          summary: 'Call a CDS service (Authorization: Bearer <signed JWT>)',
          params: z.object({ id: z.string() }),
          headers: bearer,
          body: CdsRequestSchema,
          response: {
            200: CdsResponseSchema,
            ...problems(400, 401, 404, 412),
          },
        },
      },
      async (request, reply) => {
        const service = findService(request.params.id);
        const raw: unknown = request.body;
        const result = await screening.run({
          serviceId: service.id,
          rawBody: typeof raw === 'string' ? raw : '',
          authorization: request.headers.authorization,
          now: clock.now().toISOString(),
        });
        switch (result.kind) {
          case 'malformed':
            throw new AppError('REQUEST.MALFORMED', result.message);
          case 'invalid':
            throw fieldErrors(result.errors);
          case 'refused':
            return refuse(result.reason);
          case 'failed':
            // The token is used even though the call failed.
            await consumeNow(result.client);
            throw new AppError(result.code, result.message, result.errors);
          case 'cards':
            // The jti and the cards in one write: a replay stores nothing and gets 401.
            if (!(await consume(result.client, result.cards))) refuse('jti replayed');
            // Already the response schema's JSON (encoded by the screener): Fastify sends a string
            // with a JSON content type as it is.
            return reply
              .type('application/json')
              .send(result.json as unknown as z.infer<typeof CdsResponseSchema>);
          case 'continue': {
            // Patient-view reads KetaFlow's records, and a fhirServer is fetched with the
            // caller's authorization: the jti is consumed first.
            const { client, body } = result;
            await consumeNow(client);
            const cards = await answer(service, body, request);
            if (cards.length > 0) {
              await db.insert(cdsCards).values(
                cardRecords(service, body.hookInstance, cards).map((r) => ({
                  ...r,
                  issuer: client.iss,
                })),
              );
            }
            return { cards };
          }
        }
      },
    );
  });

  /** The cards of a call that reads KetaFlow's records or fetches from its fhirServer. */
  async function answer(
    service: CdsService,
    body: CdsRequest,
    request: Parameters<typeof appendAudit>[1],
  ): Promise<Card[]> {
    checkHook(service, body);
    if (service.hook === 'patient-view') return patientViewCards(body.context, request);
    return orderHookCards(body, knowledge.kb, clock.now(), publicUrl);
  }

  async function patientViewCards(
    context: Record<string, unknown>,
    request: Parameters<typeof appendAudit>[1],
  ): Promise<Card[]> {
    const patientId = context.patientId;
    if (typeof patientId !== 'string' || patientId === '')
      throw fieldError('context.patientId', 'is required');
    if (patientId.includes(NUL)) throw fieldError('context.patientId', NUL_MESSAGE);
    const isUuid = z.uuid().safeParse(patientId).success;
    const [patient] = await db
      .select({ id: patients.id })
      .from(patients)
      .where(
        isUuid
          ? or(eq(patients.id, patientId), eq(patients.mrn, patientId))
          : eq(patients.mrn, patientId),
      )
      .limit(1);
    if (!patient) return [];
    const rows = await db
      .select()
      .from(courses)
      .where(
        and(
          eq(courses.patientId, patient.id),
          inArray(courses.status, ['planned', 'active', 'paused']),
        ),
      )
      .orderBy(sql`${courses.startDate} desc`);
    await appendAudit(db, request, {
      action: 'cds.patient-view',
      resourceType: 'course',
      patientId: patient.id,
      outcome: 'success',
      detail: { courses: rows.length },
    });
    const course = rows[0];
    if (!course) return [];
    const product = course.product === 'ketamine-iv' ? 'IV ketamine' : 'esketamine nasal spray';
    const rhythm =
      course.sessionsPerWeek === null
        ? 'as needed'
        : `${String(course.sessionsPerWeek)}/week for ${String(course.weeks)} weeks`;
    return [
      {
        uuid: crypto.randomUUID(),
        summary:
          `KetaFlow: ${product} course for ${course.indication} (${course.status}), ${rhythm}`.slice(
            0,
            140,
          ),
        detail: `Course started ${course.startDate}. Status: ${course.status}. Ask the KetaFlow clinic for sessions and outcomes.`,
        indicator: 'info',
        source: {
          label: knowledge.clinicName,
          url: `${publicUrl}/learn/ketamine-therapy`,
          topic: {
            system: 'https://ketaflow.org/cds/rules',
            code: 'CDS.KETAFLOW_COURSE',
            display: 'course',
          },
        },
      },
    ];
  }

  app.post(
    '/cds-services/:id/feedback',
    {
      schema: {
        tags: CDS_TAGS,
        summary: 'Feedback on cards: accepted or overridden, with reasons',
        params: z.object({ id: z.string() }),
        headers: bearer,
        body: FeedbackSchema,
        response: { 200: z.object({ recorded: z.number().int() }), ...problems(400, 401, 404) },
      },
    },
    async (request) => {
      const service = findService(request.params.id);
      const client = await authenticate(request.headers.authorization, [
        serviceUrl(publicUrl, service.id),
        `${serviceUrl(publicUrl, service.id)}/feedback`,
      ]);
      await consumeNow(client);
      const items = request.body.feedback;
      const issued = await db
        .select()
        .from(cdsCards)
        .where(
          and(
            inArray(
              cdsCards.uuid,
              items.map((i) => i.card),
            ),
            eq(cdsCards.serviceId, service.id),
            // A client answers for its own cards only.
            eq(cdsCards.issuer, client.iss),
          ),
        );
      const byUuid = new Map(issued.map((c) => [c.uuid, c]));
      const missing = items.find((i) => !byUuid.has(i.card));
      if (missing)
        throw new AppError('RESOURCE.NOT_FOUND', `No card ${missing.card} from ${service.id}`);
      await db.insert(cdsFeedback).values(
        items.map((i) => ({
          cardUuid: i.card,
          serviceId: service.id,
          ruleCode: byUuid.get(i.card)?.ruleCode ?? '',
          outcome: i.outcome,
          overrideReasonCode: i.overrideReason?.reason?.code ?? null,
          overrideReasonSystem: i.overrideReason?.reason?.system ?? null,
          userComment: i.overrideReason?.userComment ?? null,
          acceptedSuggestions: (i.acceptedSuggestions ?? []).map((s) => s.id),
          outcomeTimestamp: new Date(i.outcomeTimestamp),
          issuer: client.iss,
        })),
      );
      return { recorded: items.length };
    },
  );

  app.get(
    '/api/admin/cds-feedback',
    {
      preHandler: requireRole('admin'),
      schema: {
        tags: CDS_TAGS,
        summary: 'CDS card outcomes and override rates per rule',
        description:
          'Per rule: its title and latest indicator, cards issued, and of the cards with feedback how many were accepted or overridden (each card once, with its latest outcome), with override reasons and the latest comments. `serviceId` keeps one service; `from`/`to` (inclusive UTC days) keep cards by when they were issued and feedback by its outcomeTimestamp.',
        querystring: FeedbackReportQuery,
        response: {
          200: FeedbackReportSchema,
          ...problems(400, 401, 403),
        },
      },
    },
    async (request) => feedbackReport(db, knowledge.kb, request.query),
  );
};
