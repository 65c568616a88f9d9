import { parseCustomForm } from '@ketaflow/core';
import { asc, eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/client';
import { customForms, users } from '../../db/schema/index';
import { AppError, bodyFieldErrors } from '../../errors/catalog';
import { appendAudit } from '../../lib/audit';
import type { ClinicKnowledge } from '../../knowledge';
import { requireAuth, requireRole, STAFF_ROLES } from '../../plugins/auth';
import { problems } from '../common-schemas';
import { formFromRow } from './instruments';
import { CustomFormSchema } from './schemas';

export interface FormRouteOptions {
  readonly db: Database;
  readonly knowledge: ClinicKnowledge;
}

const tags = ['outcomes'];

/** Clinic-defined rating forms, used as `custom:<id>` (e.g. in `outcomes.instrumentByIndication`). */
export const formRoutes: FastifyPluginAsyncZod<FormRouteOptions> = async (app, { db }) => {
  async function list(id?: string) {
    const rows = await db
      .select({ form: customForms, by: users })
      .from(customForms)
      .innerJoin(users, eq(users.id, customForms.createdBy))
      .where(id === undefined ? undefined : eq(customForms.id, id))
      .orderBy(asc(customForms.id));
    return rows.map(({ form, by }) => {
      const definition = formFromRow(form.definition);
      return {
        ref: `custom:${definition.id}`,
        definition,
        createdAt: form.createdAt.toISOString(),
        createdBy: { id: by.id, displayName: by.displayName },
      };
    });
  }

  app.get(
    '/api/custom-forms',
    {
      preHandler: requireRole(...STAFF_ROLES),
      schema: {
        tags,
        summary: 'The clinic’s custom rating forms',
        response: { 200: z.object({ items: z.array(CustomFormSchema) }), ...problems(401, 403) },
      },
    },
    async () => ({ items: await list() }),
  );

  app.post(
    '/api/custom-forms',
    {
      preHandler: requireRole('admin'),
      schema: {
        tags,
        summary: 'Create a custom rating form (checked by core parseCustomForm)',
        description:
          'Every problem is named with its path (`body.items[2].options[1].score`). Ids are unique: 409 RESOURCE.CONFLICT for a taken id. Point an indication at it with `custom:<id>` in the clinic settings.',
        body: z.record(z.string(), z.unknown()),
        response: { 201: CustomFormSchema, ...problems(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const { user } = requireAuth(request);
      const parsed = parseCustomForm(request.body);
      if (!parsed.ok) {
        const errors = bodyFieldErrors(parsed.error);
        throw new AppError(
          'VALIDATION.FAILED',
          errors.map((e) => `${e.path}: ${e.message}`).join('; '),
          errors,
        );
      }
      const form = parsed.value;
      const inserted = await db
        .insert(customForms)
        .values({ id: form.id, definition: form, createdBy: user.id })
        .onConflictDoNothing({ target: customForms.id })
        .returning({ id: customForms.id });
      if (inserted.length === 0)
        throw new AppError('RESOURCE.CONFLICT', `A custom form '${form.id}' already exists.`);
      await appendAudit(db, request, {
        action: 'custom-form.create',
        resourceType: 'CustomForm',
        resourceId: form.id,
        outcome: 'success',
      });
      const [created] = await list(form.id);
      if (!created) throw new Error('stored custom form not found');
      return reply.status(201).send(created);
    },
  );
};
