import { knowledgeBaseSchema } from '@ketaflow/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ClinicKnowledge } from '../../knowledge';

const Versioned = <T extends z.ZodType>(items: T) =>
  z.object({ knowledgeVersion: z.string(), items: z.array(items) });

/** The knowledge base, public: patients' pages and integrators read the same facts the rules use. */
export const knowledgeRoutes: FastifyPluginAsyncZod<{ knowledge: ClinicKnowledge }> = async (
  app,
  { knowledge },
) => {
  const { kb } = knowledge;
  const indicationItem = z.looseObject({ id: z.string(), displayName: z.string() });
  const productItem = z.looseObject({ id: z.string() });

  app.get(
    '/api/knowledge',
    {
      schema: {
        tags: ['knowledge'],
        summary: 'The whole knowledge base as this clinic runs it, with its version and overrides',
        response: { 200: knowledgeBaseSchema },
      },
    },
    () => kb,
  );

  app.get(
    '/api/knowledge/indications',
    {
      schema: {
        tags: ['knowledge'],
        summary: 'Indications with their infusion protocol and alternatives',
        response: { 200: Versioned(indicationItem) },
      },
    },
    () => ({
      knowledgeVersion: kb.knowledgeVersion,
      items: kb.indications.map((indication) => ({
        ...indication,
        protocol: kb.protocols[indication.id],
        alternatives: kb.alternatives[indication.id],
      })),
    }),
  );

  app.get(
    '/api/knowledge/products',
    {
      schema: {
        tags: ['knowledge'],
        summary: 'Ketamine injection strengths and the esketamine nasal spray',
        response: { 200: Versioned(productItem) },
      },
    },
    () => ({
      knowledgeVersion: kb.knowledgeVersion,
      items: kb.products.map((p) => ({ ...p })),
    }),
  );
};
