import { and, eq, inArray, or, sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database, DatabaseHandle } from '../../db/client';
import { cdsCards, cdsFeedback, courses, patients } from '../../db/schema/index';
import { AppError, fieldError } from '../../errors/catalog';
import { appendAudit } from '../../lib/audit';
import type { Clock } from '../../lib/clock';
import type { ClinicKnowledge } from '../../knowledge';
import { requireRole } from '../../plugins/auth';
import { problems } from '../common-schemas';
import { ketamineDraftOrders, orderCards, type Card } from './cards';
import type { CdsClient } from './clients';
import { gatherResources, ORDER_PREFETCH, PrefetchUnavailable } from './fhir-data';
import { createCallLog, type CardRecord } from './call-log';
import { FeedbackReportQuery, FeedbackReportSchema, feedbackReport } from './feedback-report';
import { CDS_SERVICES } from './services';
import { CdsAuthError, createJwtVerifier, type VerifiedClient } from './jwt';

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
}

const ServiceSchema = z.object({
  hook: z.string(),
  id: z.string(),
  title: z.string().optional(),
  description: z.string(),
  prefetch: z.record(z.string(), z.string()).optional(),
  usageRequirements: z.string().optional(),
});
export const DiscoverySchema = z.object({ services: z.array(ServiceSchema) });

export const CdsRequestSchema = z.looseObject({
  hook: z.string().min(1),
  hookInstance: z.string().min(1),
  fhirServer: z.url().optional(),
  fhirAuthorization: z
    .looseObject({ access_token: z.string(), token_type: z.string().optional() })
    .nullish(),
  context: z.record(z.string(), z.unknown()),
  prefetch: z.record(z.string(), z.unknown()).nullish(),
});

const CodingSchema = z.looseObject({
  system: z.string().optional(),
  code: z.string(),
  display: z.string().optional(),
});
export const CardSchema = z.object({
  uuid: z.uuid(),
  summary: z.string().min(1).max(140),
  detail: z.string().optional(),
  indicator: z.enum(['info', 'warning', 'critical']),
  source: z.object({
    label: z.string().min(1),
    url: z.url().optional(),
    topic: CodingSchema.optional(),
  }),
  suggestions: z.array(z.looseObject({ label: z.string(), uuid: z.uuid().optional() })).optional(),
  selectionBehavior: z.enum(['at-most-one', 'any']).optional(),
  overrideReasons: z.array(CodingSchema).optional(),
});
export const CdsResponseSchema = z.object({ cards: z.array(CardSchema) });

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
        outcomeTimestamp: z.iso.datetime({ offset: true }),
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
  const verifySignature = createJwtVerifier({ clients });
  const serviceUrl = (id: string) => `${publicUrl.replace(/\/+$/, '')}/cds-services/${id}`;
  /** The verified client; its jti is not yet consumed (see `consume`). */
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

  app.post(
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
    async (request) => {
      const service = findService(request.params.id);
      const client = await authenticate(request.headers.authorization, [serviceUrl(service.id)]);
      const body = request.body;
      // Patient-view reads KetaFlow's records, and a fhirServer may be fetched with the caller's
      // authorization: the jti is consumed first. A call that only screens its prefetch consumes
      // it with its cards, below.
      const consumeFirst = service.hook === 'patient-view' || body.fhirServer !== undefined;
      if (consumeFirst) await consumeNow(client);
      let cards: Card[];
      try {
        cards = await answer(service, body, request);
      } catch (error) {
        if (!consumeFirst) await consumeNow(client);
        throw error;
      }
      const records = cards.map((c) => ({
        uuid: c.uuid,
        serviceId: service.id,
        hookInstance: body.hookInstance,
        ruleCode: c.source.topic.code,
        indicator: c.indicator,
      }));
      if (!consumeFirst) {
        if (!(await consume(client, records))) refuse('jti replayed');
      } else if (records.length > 0) {
        await db.insert(cdsCards).values(records.map((r) => ({ ...r, issuer: client.iss })));
      }
      return { cards };
    },
  );

  /** The cards of one call (nothing stored yet). */
  async function answer(
    service: (typeof CDS_SERVICES)[number],
    body: z.infer<typeof CdsRequestSchema>,
    request: Parameters<typeof appendAudit>[1],
  ): Promise<Card[]> {
    if (body.hook !== service.hook)
      throw fieldError('hook', `service ${service.id} answers ${service.hook}`);
    if (service.hook === 'patient-view') return patientViewCards(body.context, request);
    const orders = ketamineDraftOrders(body.context);
    if (orders.length === 0) return [];
    const access = {
      fhirServer: body.fhirServer,
      ...(body.fhirAuthorization ? { fhirAuthorization: body.fhirAuthorization } : {}),
    };
    const resources = await gatherResources(
      ORDER_PREFETCH,
      body.prefetch ?? undefined,
      body.context,
      access,
    ).catch((error: unknown) => {
      if (error instanceof PrefetchUnavailable)
        throw new AppError('CDS.PREFETCH_UNAVAILABLE', error.message);
      throw error;
    });
    const asOf = clock.now().toISOString().slice(0, 10);
    const result = orderCards(orders, resources, knowledge.kb, asOf, publicUrl);
    if (!result.ok) throw new AppError('CDS.PREFETCH_UNAVAILABLE', result.message);
    return result.cards;
  }

  async function patientViewCards(
    context: Record<string, unknown>,
    request: Parameters<typeof appendAudit>[1],
  ): Promise<Card[]> {
    const patientId = context.patientId;
    if (typeof patientId !== 'string' || patientId === '')
      throw fieldError('context.patientId', 'is required');
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
        serviceUrl(service.id),
        `${serviceUrl(service.id)}/feedback`,
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
