import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Config } from './config';
import type { DatabaseHandle } from './db/client';
import { registerErrorHandler } from './errors/error-handler';
import { systemClock, type Clock } from './lib/clock';
import { createMailer, type Mailer } from './lib/mailer';
import { auth } from './plugins/auth';
import {
  frameworkErrors,
  MAX_PARAM_LENGTH,
  registerRequestInputChecks,
} from './plugins/request-input';
import { problemJsonErrors } from './lib/openapi-errors';
import { registerSecurityHeaders } from './plugins/security-headers';
import { registerWebApp } from './plugins/web-app';
import { appointmentRoutes } from './routes/appointments/routes';
import { auditRoutes } from './routes/audit/routes';
import { loadCdsClients } from './routes/cds-hooks/clients';
import { cdsHooksRoutes } from './routes/cds-hooks/routes';
import { clinicSetupRoutes } from './routes/clinic-setup/routes';
import { costRoutes } from './routes/costs/routes';
import { courseRoutes } from './routes/courses/routes';
import { consultRoutes } from './routes/consults/routes';
import { authRoutes } from './routes/auth/routes';
import { knowledgeRoutes } from './routes/knowledge/routes';
import { outboxRoutes } from './routes/outbox/routes';
import { outcomeRoutes } from './routes/outcomes/routes';
import { dosingRoutes } from './routes/dosing/routes';
import { educationRoutes } from './routes/education/routes';
import { costsPage } from './routes/education/pages/costs';
import { landingPage } from './routes/education/pages/landing';
import { renderPrerenderedPage } from './routes/education/render';
import { fhirRoutes } from './routes/fhir/routes';
import { loadFhirClients } from './routes/fhir/smart';
import { publicScreeningRoutes } from './routes/screening/public-routes';
import { selfCheckFormPage } from './routes/screening/self-check-page';
import { liveConsultTimesPage } from './routes/consults/consult-times-page';
import { rescreenHook, screeningRoutes } from './routes/screening/routes';
import { clinicalRoutes } from './routes/patients/clinical-routes';
import { historyRoutes } from './routes/patients/history-routes';
import { patientAccountRoutes } from './routes/patients/account-routes';
import { patientRoutes } from './routes/patients/routes';
import { sessionRoutes } from './routes/sessions/routes';
import { systemRoutes } from './routes/system/routes';
import type { ClinicKnowledge } from './knowledge';

export interface AppDependencies {
  readonly config: Config;
  readonly database: DatabaseHandle;
  readonly knowledge: ClinicKnowledge;
  readonly clock?: Clock;
  readonly mailer?: Mailer;
  /** Serve the built web app too (off in API tests). */
  readonly serveWeb?: boolean;
  /** Pino logger options; `false` for silence in tests. */
  readonly logger?: boolean | Record<string, unknown>;
}

/**
 * An error as logged: its kind, database error code, query text (placeholders only) and where it
 * was thrown, never its message or the query's parameters, which can hold patient data (a failed
 * insert into patients carries the name and birth date).
 */
export function loggableError(error: unknown): Record<string, unknown> {
  if (typeof error !== 'object' || error === null) return { type: typeof error };
  const e = error as {
    name?: unknown;
    code?: unknown;
    query?: unknown;
    stack?: unknown;
    cause?: unknown;
  };
  const cause = (typeof e.cause === 'object' && e.cause !== null ? e.cause : {}) as {
    name?: unknown;
    code?: unknown;
  };
  const frames =
    typeof e.stack === 'string'
      ? e.stack
          .split('\n')
          .filter((line) => line.trimStart().startsWith('at '))
          .map((line) => line.trim())
      : [];
  return {
    type: typeof e.name === 'string' ? e.name : 'Error',
    ...(typeof e.code === 'string' || typeof e.code === 'number' ? { code: e.code } : {}),
    ...(typeof e.query === 'string' ? { query: e.query } : {}),
    ...(typeof cause.name === 'string' ? { causeType: cause.name } : {}),
    ...(typeof cause.code === 'string' ? { causeCode: cause.code } : {}),
    stack: frames,
  };
}

/** Request logs name the method, path and status, never the query string or any body. */
const logSerializers = {
  err: loggableError,
  req: (req: { method: string; url: string; id: string }) => ({
    id: req.id,
    method: req.method,
    path: req.url.split('?')[0],
  }),
};

/** Builds the whole HTTP application around the given database, knowledge and clock. */
export async function buildApp(deps: AppDependencies): Promise<FastifyInstance> {
  const { config, database } = deps;
  const { trustProxy } = config;
  const clock = deps.clock ?? systemClock;
  const db = database.db;
  const mailer = deps.mailer ?? createMailer(db, config.smtpUrl, config.mailFrom);

  const app = Fastify({
    logger: deps.logger ?? {
      level: config.logLevel,
      serializers: logSerializers,
      redact: ['req.headers.cookie'],
    },
    // A number of hops is believed hop by hop (Fastify's types take it as a function).
    trustProxy:
      typeof trustProxy === 'number' ? (_ip: string, hop: number) => hop < trustProxy : trustProxy,
    bodyLimit: 1_048_576,
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
    frameworkErrors,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  registerRequestInputChecks(app);
  registerSecurityHeaders(app);

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'KetaFlow API',
        version: '0.1.0',
        description:
          'Clinic software for ketamine infusions and esketamine nasal spray. Errors are RFC 9457 problem+json.',
      },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'kf_session' } },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: (documentObject) =>
      'openapiObject' in documentObject
        ? problemJsonErrors(documentObject.openapiObject)
        : documentObject.swaggerObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, () => app.swagger());

  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false });
  await app.register(auth, {
    db,
    clock,
    cookieSecure: config.cookieSecure,
    sessionTtlHours: config.sessionTtlHours,
  });

  await app.register(systemRoutes, {
    database,
    demo: config.demoData,
    clinicName: deps.knowledge.clinicName,
    knowledgeVersion: deps.knowledge.version,
    branding: deps.knowledge.kb.clinic.branding ?? null,
    crisisResources: deps.knowledge.kb.crisisResources,
    crisisResourcesSetByClinic: deps.knowledge.kb.overrides.some((o) =>
      o.path.startsWith('crisisResources'),
    ),
  });
  await app.register(authRoutes, {
    db,
    clock,
    mailer,
    publicUrl: config.publicUrl,
    cookieSecure: config.cookieSecure,
    sessionTtlHours: config.sessionTtlHours,
    loginMaxFailures: config.loginMaxFailures,
    loginLockoutMinutes: config.loginLockoutMinutes,
    knowledge: deps.knowledge,
  });
  await app.register(knowledgeRoutes, { knowledge: deps.knowledge });
  const screening = { db, clock, knowledge: deps.knowledge };
  const afterChange = rescreenHook(screening);
  await app.register(patientRoutes, { db, clock, afterChange });
  await app.register(patientAccountRoutes, { db, clock, mailer, publicUrl: config.publicUrl });
  await app.register(clinicalRoutes, { db, clock, afterChange });
  await app.register(historyRoutes, { db, clock, afterChange });
  await app.register(screeningRoutes, screening);
  await app.register(publicScreeningRoutes, { clock, knowledge: deps.knowledge });
  await app.register(costRoutes, { clock, knowledge: deps.knowledge });
  await app.register(dosingRoutes, { db, clock, knowledge: deps.knowledge });
  await app.register(clinicSetupRoutes, { db, clock, clinicName: deps.knowledge.clinicName });
  await app.register(appointmentRoutes, { db, clock, knowledge: deps.knowledge });
  await app.register(courseRoutes, { db, clock, knowledge: deps.knowledge });
  await app.register(consultRoutes, {
    db,
    clock,
    knowledge: deps.knowledge,
    publicUrl: config.publicUrl,
  });
  await app.register(auditRoutes, { db });
  await app.register(outboxRoutes, { db });
  await app.register(outcomeRoutes, {
    db,
    clock,
    knowledge: deps.knowledge,
    mailer,
    publicUrl: config.publicUrl,
  });

  await app.register(educationRoutes, { knowledge: deps.knowledge });

  await app.register(sessionRoutes, { db, clock, knowledge: deps.knowledge });
  await app.register(fhirRoutes, {
    prefix: '/fhir',
    db,
    clock,
    kb: deps.knowledge.kb,
    clients: loadFhirClients(config.fhirClientsFile),
    publicUrl: config.publicUrl,
    afterChange,
  });

  await app.register(cdsHooksRoutes, {
    db,
    query: (text, params) => deps.database.query(text, params),
    writeConcurrency: deps.database.driver === 'postgres' ? 4 : 1,
    clock,
    knowledge: deps.knowledge,
    publicUrl: config.publicUrl,
    clients: loadCdsClients(config.cdsClientsFile),
    screenThreads: config.cdsWorkers,
  });

  if (deps.serveWeb ?? true) {
    await registerWebApp(app, config.webDistDir, {
      prerendered: [landingPage, costsPage, selfCheckFormPage()].map((page) =>
        renderPrerenderedPage(page, deps.knowledge.kb, deps.knowledge.clinicName),
      ),
      live: [{ path: '/consult', render: liveConsultTimesPage(db, clock, deps.knowledge) }],
    });
  }
  return app;
}
