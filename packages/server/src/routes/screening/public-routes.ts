import fastifyFormbody from '@fastify/formbody';
import {
  alternativesSchema,
  listMedicationNames,
  normalizeMedicationText,
  SCREENING_PRODUCTS,
  err,
  listedConditionCodes,
  ok,
  selfScreeningFieldMap,
  selfScreeningValueErrors,
  toSelfScreeningAnswers,
  type KnowledgeBase,
  type Result,
  type SelfScreeningValues,
} from '@ketaflow/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Clock } from '../../lib/clock';
import type { ClinicKnowledge } from '../../knowledge';
import { problems } from '../common-schemas';
import { renderEducationPage } from '../education/render';
import { selfCheckAnswerPage } from './self-check-answer-page';
import { readSelfCheckForm, selfCheckFormPage, type FormFields } from './self-check-page';
import {
  conditionQuestions,
  SELF_SCREENING_OUTCOMES,
  SelfScreeningBody,
  selfScreen,
  unknownConditionErrors,
  type SelfScreeningAnswers,
} from './self-screening';
import { fieldErrors } from '../../errors/catalog';
import { compressPages } from '../../plugins/compress-pages';

const SelfScreeningAnswerSchema = z.object({
  outcome: z.enum(SELF_SCREENING_OUTCOMES),
  title: z.string(),
  message: z.string(),
  reasons: z.array(z.object({ severity: z.string(), summary: z.string() })).readonly(),
  checkAtConsult: z.array(z.string()).readonly(),
  alternatives: z.array(alternativesSchema).readonly(),
  knowledgeVersion: z.string(),
});

/** What the plain form says when a list is longer than the check takes (SelfScreeningBody). */
const FORM_LIMITS: Readonly<Record<string, string>> = {
  conditions: 'Tick only the conditions listed',
  otherConditions: 'List at most 20 conditions, each up to 200 characters',
  medications: 'List at most 50 medicines, each up to 200 characters',
};

/**
 * The plain form's values as the API's body, or what needs another look (field → message): the
 * questionnaire's own checks first, then the body's bounds on the lists.
 */
function checkSelfCheckForm(
  kb: KnowledgeBase,
  values: SelfScreeningValues,
): Result<SelfScreeningAnswers, Record<string, string>> {
  const errors = selfScreeningValueErrors(values);
  if (unknownConditionErrors(kb, listedConditionCodes(values.conditions), 'conditions').length > 0)
    errors.conditions = FORM_LIMITS.conditions ?? 'Check this answer';
  if (Object.keys(errors).length > 0) return err(errors);
  const parsed = SelfScreeningBody.safeParse(toSelfScreeningAnswers(values));
  if (parsed.success) return ok(parsed.data);
  return err(
    Object.fromEntries(
      parsed.error.issues.map((issue) => {
        const field =
          selfScreeningFieldMap[issue.path.join('.')] ?? String(issue.path[0] ?? 'indication');
        return [field, FORM_LIMITS[field] ?? 'Check this answer'];
      }),
    ),
  );
}

export interface PublicScreeningOptions {
  readonly clock: Clock;
  readonly knowledge: ClinicKnowledge;
}

/**
 * The public site's self-screening and the medication name look-up behind its autocomplete.
 * Nothing here is stored or tied to a person: the answers are kept only if the person registers.
 */
export const publicScreeningRoutes: FastifyPluginAsyncZod<PublicScreeningOptions> = async (
  app,
  { clock, knowledge },
) => {
  const { kb } = knowledge;
  const names = listMedicationNames()
    .map((n) => ({
      name: n.name,
      kind: n.kind === 'exact' ? 'generic' : n.kind === 'synonym' ? 'other-name' : n.kind,
      lower: n.name.toLowerCase(),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));

  app.get(
    '/api/public/self-screening/questions',
    {
      schema: {
        tags: ['self-screening'],
        summary: 'What the self-screening asks: indications, products and conditions',
        response: {
          200: z.object({
            knowledgeVersion: z.string(),
            indications: z.array(z.object({ id: z.string(), displayName: z.string() })),
            products: z.array(z.enum(SCREENING_PRODUCTS)).readonly(),
            conditions: z.array(z.object({ code: z.string(), label: z.string() })),
          }),
        },
      },
    },
    () => ({
      knowledgeVersion: kb.knowledgeVersion,
      indications: kb.indications.map((i) => ({ id: i.id, displayName: i.displayName })),
      products: SCREENING_PRODUCTS,
      conditions: conditionQuestions(kb),
    }),
  );

  app.post(
    '/api/public/self-screening',
    {
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['self-screening'],
        summary: 'Check whether ketamine treatment may suit you (not a diagnosis; nothing stored)',
        body: SelfScreeningBody,
        response: { 200: SelfScreeningAnswerSchema, ...problems(400, 429) },
      },
    },
    (request) => {
      const unknown = unknownConditionErrors(kb, request.body.conditions, 'body.conditions');
      if (unknown.length > 0) throw fieldErrors(unknown);
      const asOf = clock.now().toISOString().slice(0, 10);
      return selfScreen(kb, request.body, asOf).answer;
    },
  );

  // The same check for a browser without JavaScript: the plain form on /check posts here and gets
  // a page back (its answer, or the form again with what needs another look).
  await app.register(async (forms) => {
    await forms.register(fastifyFormbody, { bodyLimit: 64 * 1024 });
    await compressPages(forms);
    forms.post(
      '/check',
      {
        config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
        schema: { hide: true },
      },
      (request, reply) => {
        const values = readSelfCheckForm((request.body ?? {}) as FormFields);
        const checked = checkSelfCheckForm(kb, values);
        reply.type('text/html; charset=utf-8').header('cache-control', 'no-store');
        if (!checked.ok) {
          return reply
            .code(400)
            .send(
              renderEducationPage(
                selfCheckFormPage(values, checked.error),
                kb,
                knowledge.clinicName,
              ),
            );
        }
        const asOf = clock.now().toISOString().slice(0, 10);
        const { answer } = selfScreen(kb, checked.value, asOf);
        return reply.send(
          renderEducationPage(selfCheckAnswerPage(answer, values), kb, knowledge.clinicName),
        );
      },
    );
  });

  app.get(
    '/api/vocabulary/medications',
    {
      config: { rateLimit: { max: 120, timeWindow: '1 minute' } },
      schema: {
        tags: ['vocabulary'],
        summary: 'Medication names for autocomplete, and what a typed name is recognised as',
        querystring: z.object({
          q: z.string().trim().min(2).max(100),
          limit: z.coerce.number().int().min(1).max(50).default(10),
        }),
        response: {
          200: z.object({
            suggestions: z.array(z.object({ name: z.string(), kind: z.string() })),
            recognized: z.object({
              status: z.enum(['recognized', 'ambiguous', 'unrecognized']),
              ingredients: z.array(z.string()),
            }),
          }),
          ...problems(400, 429),
        },
      },
    },
    (request) => {
      const q = request.query.q.toLowerCase();
      const starts = names.filter((n) => n.lower.startsWith(q));
      const contains = names.filter((n) => !n.lower.startsWith(q) && n.lower.includes(q));
      const suggestions = [...starts, ...contains]
        .slice(0, request.query.limit)
        .map(({ name, kind }) => ({ name, kind }));
      const normalized = normalizeMedicationText(request.query.q);
      const ingredients =
        normalized.status === 'recognized' ? normalized.ingredients.map((i) => i.name) : [];
      return { suggestions, recognized: { status: normalized.status, ingredients } };
    },
  );
};
