import type { KnowledgeBase, Problem, Result } from '@ketaflow/core';
import { asc, inArray } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { clinics, users } from '../../db/schema/index';
import { searchSlots } from '../appointments/slots';

/** How far ahead times are offered when no window is asked for. */
export const CONSULT_WINDOW_DAYS = 14;

export interface OfferedConsult {
  readonly startsAt: string;
  readonly endsAt: string;
  readonly prescriber: { readonly id: string; readonly displayName: string };
}

/**
 * Video-consult times on offer from `from` to `to`: a prescriber free for the whole consult, with
 * the prescriber's name. What `/api/public/consult-slots` answers and `/consult` lists.
 */
export async function offeredConsults(
  db: Database,
  kb: KnowledgeBase,
  now: Date,
  from: Date,
  to: Date,
): Promise<Result<OfferedConsult[], Problem[]>> {
  // A video consult needs no chair, so each start is offered once (with one free prescriber):
  // the window bounds the list, and nothing in it is cut off.
  const found = await searchSlots(db, kb, now, {
    type: 'consult-telemedicine',
    from,
    to,
    limit: Number.POSITIVE_INFINITY,
  });
  if (!found.ok) return found;
  const ids = [...new Set(found.value.map((s) => s.prescriberId))];
  const names =
    ids.length === 0
      ? []
      : await db
          .select({ id: users.id, displayName: users.displayName })
          .from(users)
          .where(inArray(users.id, ids));
  return {
    ok: true,
    value: found.value.flatMap((s) => {
      const prescriber = names.find((n) => n.id === s.prescriberId);
      return prescriber ? [{ startsAt: s.startsAt, endsAt: s.endsAt, prescriber }] : [];
    }),
  };
}

/** The clinic's IANA time zone (video visits are shown in it); `null` before set-up. */
export async function clinicTimeZone(db: Database): Promise<string | null> {
  const [clinic] = await db
    .select({ timeZone: clinics.timeZone })
    .from(clinics)
    .orderBy(asc(clinics.name))
    .limit(1);
  return clinic?.timeZone ?? null;
}
