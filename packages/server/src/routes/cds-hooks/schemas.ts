/** The shapes of CDS Hooks 2.0 requests and answers (zod), shared by the routes and the screener. */
import { z } from 'zod';
import { NUL, NUL_MESSAGE } from '../../lib/nul';

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
  // Stored with the cards: PostgreSQL cannot store a NUL character in text.
  hookInstance: z
    .string()
    .min(1)
    .refine((v) => !v.includes(NUL), NUL_MESSAGE),
  fhirServer: z.url().optional(),
  fhirAuthorization: z
    .looseObject({ access_token: z.string(), token_type: z.string().optional() })
    .nullish(),
  context: z.record(z.string(), z.unknown()),
  prefetch: z.record(z.string(), z.unknown()).nullish(),
});

export const CodingSchema = z.looseObject({
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
  extension: z
    .record(z.string(), z.unknown())
    .optional()
    .describe(
      'CDS Hooks 2.0 extensions. `org.ketaflow.dose-limits` on a dose card: the limits it reports, each as the dose API gives it (`level`, `code`, `message`, `field`, `value`, `limit`, `basis`; `clinicSetting` with `scope`, `knowledgeBaseLimit`, `setting` and `atDefault` when the limit is a clinic setting, including one no clinical source sets, at its default)',
    ),
});
export const CdsResponseSchema = z.object({ cards: z.array(CardSchema) });
