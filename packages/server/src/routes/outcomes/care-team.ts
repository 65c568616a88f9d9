import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { appointmentResources, appointments, courses, users } from '../../db/schema/index';
import type { Mailer } from '../../lib/mailer';

const CARE_ROLES = ['nurse', 'prescriber'] as const;

/**
 * Who is told about a safety alert: the prescriber who planned the course and the nurses and
 * prescribers booked on its sessions; with no course (or nobody active on it), every active
 * nurse and prescriber of the clinic, so an alert never goes unseen.
 */
export async function careTeamEmails(
  executor: Executor,
  courseId: string | null,
): Promise<string[]> {
  const ids = new Set<string>();
  if (courseId !== null) {
    const [course] = await executor
      .select({ createdBy: courses.createdBy })
      .from(courses)
      .where(eq(courses.id, courseId));
    if (course) ids.add(course.createdBy);
    const staff = await executor
      .selectDistinct({ id: appointmentResources.resourceId })
      .from(appointmentResources)
      .innerJoin(appointments, eq(appointments.id, appointmentResources.appointmentId))
      .where(
        and(
          eq(appointments.courseId, courseId),
          inArray(appointmentResources.kind, ['nurse', 'prescriber']),
        ),
      );
    for (const s of staff) ids.add(s.id);
  }
  const active = and(isNull(users.disabledAt), inArray(users.role, [...CARE_ROLES]));
  if (ids.size > 0) {
    const named = await executor
      .select({ email: users.email })
      .from(users)
      .where(and(active, inArray(users.id, [...ids])));
    if (named.length > 0) return named.map((u) => u.email).sort();
  }
  const everyone = await executor.select({ email: users.email }).from(users).where(active);
  return everyone.map((u) => u.email).sort();
}

export interface AlertNotice {
  readonly alertId: string;
  readonly mrn: string;
}

/**
 * The care-team message: the MRN and a link only, never the patient's name, answers or score
 * (mail leaves the clinic's systems). The alert itself stays open in the safety-alert list, so a
 * lost message is still seen there.
 */
export function composeAlertNotice(
  notice: AlertNotice,
  publicUrl: string,
): {
  subject: string;
  body: string;
} {
  return {
    subject: 'KetaFlow safety alert: follow up now',
    body: [
      'A patient answered a rating-scale item on thoughts of death or self-harm above zero.',
      'Contact the patient as soon as possible and document the follow-up in KetaFlow.',
      '',
      `MRN: ${notice.mrn}`,
      `Open the alert: ${publicUrl}/safety-alerts/${notice.alertId}`,
    ].join('\n'),
  };
}

/** Sends one notice per alert to each member of the care team (outbox first, then SMTP). */
export async function notifyCareTeam(
  executor: Executor,
  mailer: Mailer,
  publicUrl: string,
  courseId: string | null,
  notices: readonly AlertNotice[],
): Promise<void> {
  if (notices.length === 0) return;
  const emails = await careTeamEmails(executor, courseId);
  for (const notice of notices) {
    const message = composeAlertNotice(notice, publicUrl);
    for (const to of emails) await mailer.send({ to, ...message });
  }
}
