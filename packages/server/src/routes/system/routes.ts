import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { DatabaseHandle } from '../../db/client';

export interface SystemRouteOptions {
  readonly database: DatabaseHandle;
  readonly demo: boolean;
  readonly clinicName: string;
  readonly knowledgeVersion: string;
}

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
        summary: 'What this server is: demo mode, clinic name, knowledge version',
        response: {
          200: z.object({
            demo: z.boolean(),
            clinicName: z.string(),
            knowledgeVersion: z.string(),
          }),
        },
      },
    },
    () => ({
      demo: options.demo,
      clinicName: options.clinicName,
      knowledgeVersion: options.knowledgeVersion,
    }),
  );
};
