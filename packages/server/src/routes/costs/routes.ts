import { estimateCourse, goodFaithEstimate, type Problem } from '@ketaflow/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../errors/catalog';
import type { ClinicKnowledge } from '../../knowledge';
import type { Clock } from '../../lib/clock';
import { problems } from '../common-schemas';
import { renderGoodFaithEstimatePdf } from './good-faith-estimate-pdf';
import { costsOverview } from './overview';
import {
  CostsOverviewSchema,
  CourseEstimateSchema,
  EstimateBody,
  GoodFaithEstimateQuery,
} from './schemas';

export interface CostRouteOptions {
  readonly clock: Clock;
  readonly knowledge: ClinicKnowledge;
}

/** Core's problems as field errors, with the API's prefixes (`body.`, `query.`). */
function invalid(where: 'body' | 'query', list: readonly Problem[]): AppError {
  const errors = list.map((p) => ({
    path: `${where}.${p.path ?? ''}`,
    message: p.message,
    code: p.code,
  }));
  return new AppError(
    'VALIDATION.FAILED',
    errors.map((e) => `${e.path}: ${e.message}`).join('; '),
    errors,
  );
}

/**
 * The public cost estimate: a consult plus a course for each indication from the clinic's prices,
 * the nasal-spray 30-day range from the knowledge base, and a printable Good Faith Estimate.
 * Nothing is stored; a patient name on the PDF is printed and forgotten.
 */
export const costRoutes: FastifyPluginAsyncZod<CostRouteOptions> = async (
  app,
  { clock, knowledge },
) => {
  const { kb } = knowledge;

  app.get(
    '/api/public/costs',
    {
      schema: {
        tags: ['costs'],
        summary: 'Consult and course estimates for every indication, and the nasal-spray range',
        response: { 200: CostsOverviewSchema },
      },
    },
    () => costsOverview(kb, knowledge.clinicName),
  );

  app.post(
    '/api/public/costs/estimate',
    {
      config: { rateLimit: { max: 120, timeWindow: '1 minute' } },
      schema: {
        tags: ['costs'],
        summary: 'Estimate a consult and a course: sessions per week × weeks × price per session',
        body: EstimateBody,
        response: { 200: CourseEstimateSchema, ...problems(400, 429) },
      },
    },
    (request) => {
      const { indication, sessionsPerWeek, weeks, includeConsult } = request.body;
      const result = estimateCourse(kb, {
        indication,
        includeConsult,
        ...(sessionsPerWeek === undefined ? {} : { sessionsPerWeek }),
        ...(weeks === undefined ? {} : { weeks }),
      });
      if (!result.ok) throw invalid('body', result.error);
      return result.value;
    },
  );

  app.get(
    '/api/public/costs/good-faith-estimate.pdf',
    {
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['costs'],
        summary: 'A Good Faith Estimate (US No Surprises Act, self-pay) as a PDF',
        querystring: GoodFaithEstimateQuery,
        produces: ['application/pdf', 'application/problem+json'],
        response: {
          200: z
            .custom<Buffer>((value) => Buffer.isBuffer(value))
            .describe('application/pdf: the estimate as a one-page PDF'),
          ...problems(400, 429),
        },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const result = goodFaithEstimate(kb, {
        estimate: {
          indication: q.indication,
          includeConsult: q.includeConsult,
          ...(q.sessionsPerWeek === undefined ? {} : { sessionsPerWeek: q.sessionsPerWeek }),
          ...(q.weeks === undefined ? {} : { weeks: q.weeks }),
        },
        issuedOn: clock.now().toISOString().slice(0, 10),
        ...(q.patientName === undefined ? {} : { patientName: q.patientName }),
        fallbackProviderName: knowledge.clinicName,
      });
      if (!result.ok) throw invalid('query', result.error);
      const pdf = await renderGoodFaithEstimatePdf(result.value, kb.clinic.branding);
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="good-faith-estimate-${q.indication}.pdf"`)
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  );
};
