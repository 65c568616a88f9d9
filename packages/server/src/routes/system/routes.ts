import { patientCrisisResources, type ClinicBranding, type CrisisResources } from '@ketaflow/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { DatabaseHandle } from '../../db/client';
import { clinicTimeZone } from '../consults/offered';
import { CrisisResourceSchema } from '../outcomes/schemas';

export interface SystemRouteOptions {
  readonly database: DatabaseHandle;
  readonly demo: boolean;
  readonly clinicName: string;
  readonly knowledgeVersion: string;
  /** Logo, colour and contact details from the clinic settings; `null` when none are set. */
  readonly branding: ClinicBranding | null;
  /** The crisis lines patients are shown (clinic setting `crisisResources`). */
  readonly crisisResources: CrisisResources;
  /** Whether the clinic set its own crisis lines (otherwise they are the US default). */
  readonly crisisResourcesSetByClinic: boolean;
}

const nullableText = z.string().nullable();

const BrandingSchema = z
  .object({
    logo: nullableText,
    primaryColor: nullableText.describe('#rrggbb, at least 4.5:1 against white'),
    contact: z.object({
      phone: nullableText,
      email: nullableText,
      address: nullableText,
      website: nullableText,
    }),
  })
  .nullable()
  .describe('Clinic branding (settings `branding`); null when the clinic has set none');

export const systemRoutes: FastifyPluginAsyncZod<SystemRouteOptions> = async (app, options) => {
  app.get(
    '/healthz',
    {
      schema: {
        tags: ['system'],
        summary: 'Liveness and database status',
        response: {
          200: z.object({ status: z.literal('ok'), database: z.literal('ok') }),
          503: z.object({ status: z.literal('degraded'), database: z.literal('unavailable') }),
        },
      },
    },
    async (_request, reply) => {
      if (await options.database.ping()) return { status: 'ok' as const, database: 'ok' as const };
      return reply.status(503).send({ status: 'degraded', database: 'unavailable' });
    },
  );

  app.get(
    '/api/meta',
    {
      schema: {
        tags: ['system'],
        summary: 'What this server is: demo mode, clinic name and time zone, knowledge version',
        response: {
          200: z.object({
            demo: z.boolean(),
            clinicName: z.string(),
            /** IANA zone of the clinic (video visits are shown in it); null before set-up. */
            timeZone: z.string().nullable(),
            knowledgeVersion: z.string(),
            branding: BrandingSchema,
            crisis: z
              .object({
                resources: z.array(CrisisResourceSchema),
                setByClinic: z
                  .boolean()
                  .describe('False while the clinic runs on the US default (988, 911)'),
              })
              .describe(
                'Crisis lines shown to patients (clinic setting `crisisResources`); at least one is the emergency number',
              ),
          }),
        },
      },
    },
    async () => {
      const timeZone = await clinicTimeZone(options.database.db);
      return {
        demo: options.demo,
        clinicName: options.clinicName,
        timeZone,
        knowledgeVersion: options.knowledgeVersion,
        branding: options.branding,
        crisis: {
          resources: patientCrisisResources(options.crisisResources.resources),
          setByClinic: options.crisisResourcesSetByClinic,
        },
      };
    },
  );
};
