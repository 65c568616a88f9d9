import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor } from '../../db/client';
import { users } from '../../db/schema/index';

export const OnlineAccountSchema = z
  .object({
    email: z.string().describe("The account's log-in address, where its mails go."),
    confirmed: z
      .boolean()
      .describe(
        'Whether the owner of the address opened a confirmation link (or reset the password). False: the account cannot log in yet, and the address may be mistyped or not the patient’s.',
      ),
    registeredAt: z.string().describe('When the account was made (ISO 8601, UTC).'),
  })
  .nullable()
  .describe(
    "The patient's own online account (self-registration), or null when the patient has none (a record made by staff or imported) or only a disabled one.",
  );

export type OnlineAccount = z.infer<typeof OnlineAccountSchema>;

/** The account's state as the subquery below spells it (timestamps as JSON text). */
interface OnlineAccountJson {
  email: string;
  confirmed: boolean;
  registeredAt: string;
}

/**
 * The newest enabled patient account of each row of `patients`, read in the same query as the row.
 * The outer column is spelt out: drizzle renders a lone column unqualified, which the subquery
 * would resolve to its own table.
 */
export const onlineAccountSql = sql<OnlineAccountJson | null>`(
  select json_build_object('email', u.email, 'confirmed', u.email_verified_at is not null,
    'registeredAt', u.created_at)
  from users u
  where u.patient_id = "patients"."id" and u.role = 'patient' and u.disabled_at is null
  order by u.created_at desc, u.id limit 1)`;

/**
 * True for a row of `patients` whose online account, the one `onlineAccountSql` shows, exists and
 * is not confirmed; false without an account, so the list filter and the list rows always agree.
 */
export const unconfirmedAccountSql = sql<boolean>`coalesce((${onlineAccountSql} ->> 'confirmed') = 'false', false)`;

/** The subquery's JSON as the API gives it (the timestamp in UTC, whatever the session zone). */
export function toOnlineAccount(raw: OnlineAccountJson | null): OnlineAccount {
  return raw
    ? {
        email: raw.email,
        confirmed: raw.confirmed,
        registeredAt: new Date(raw.registeredAt).toISOString(),
      }
    : null;
}

/** The account row behind `onlineAccountSql`, for acting on it; undefined when there is none. */
export async function findOnlineAccount(
  executor: Executor,
  patientId: string,
): Promise<typeof users.$inferSelect | undefined> {
  const [row] = await executor
    .select()
    .from(users)
    .where(and(eq(users.patientId, patientId), eq(users.role, 'patient'), isNull(users.disabledAt)))
    .orderBy(desc(users.createdAt), users.id)
    .limit(1);
  return row;
}
