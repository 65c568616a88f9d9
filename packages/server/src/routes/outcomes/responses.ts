import { totalRange } from '@ketaflow/core';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { safetyAlerts, scaleResponses, users } from '../../db/schema/index';
import type { ResolvedInstrument } from './instruments';
import type { ScaleResponseDto } from './schemas';

export type ScaleResponseRow = typeof scaleResponses.$inferSelect;

/** The stored responses of a patient, oldest first, optionally of one instrument or course. */
export async function loadResponses(
  executor: Executor,
  filter: {
    readonly patientId: string;
    readonly instrument?: string;
    readonly courseId?: string;
    readonly ids?: readonly string[];
  },
): Promise<(ScaleResponseRow & { enteredByName: string; alertIds: string[] })[]> {
  const rows = await executor
    .select({ response: scaleResponses, enteredByName: users.displayName })
    .from(scaleResponses)
    .innerJoin(users, eq(users.id, scaleResponses.enteredBy))
    .where(
      and(
        eq(scaleResponses.patientId, filter.patientId),
        filter.instrument === undefined
          ? undefined
          : eq(scaleResponses.instrument, filter.instrument),
        filter.courseId === undefined ? undefined : eq(scaleResponses.courseId, filter.courseId),
        filter.ids === undefined ? undefined : inArray(scaleResponses.id, [...filter.ids]),
      ),
    )
    .orderBy(asc(scaleResponses.completedAt), asc(scaleResponses.createdAt));
  const ids = rows.map((r) => r.response.id);
  const alerts =
    ids.length === 0
      ? []
      : await executor
          .select({ id: safetyAlerts.id, responseId: safetyAlerts.responseId })
          .from(safetyAlerts)
          .where(inArray(safetyAlerts.responseId, ids));
  return rows.map((r) => ({
    ...r.response,
    enteredByName: r.enteredByName,
    alertIds: alerts.filter((a) => a.responseId === r.response.id).map((a) => a.id),
  }));
}

/** The wire shape of a stored response; its instrument gives the short name and total range. */
export function toResponseDto(
  row: ScaleResponseRow & { enteredByName: string; alertIds: string[] },
  instrument: Pick<ResolvedInstrument, 'definition'> | undefined,
): ScaleResponseDto {
  const range = totalRange(instrument?.definition.items ?? []);
  return {
    id: row.id,
    patientId: row.patientId,
    instrument: row.instrument,
    instrumentName: instrument?.definition.shortName ?? row.instrument,
    answers: row.answers,
    total: row.total,
    minTotal: range.min,
    maxTotal: range.max,
    band:
      row.bandId === null || row.bandLabel === null
        ? null
        : { id: row.bandId, label: row.bandLabel },
    knowledgeVersion: row.knowledgeVersion,
    completedAt: row.completedAt.toISOString(),
    source: row.source,
    enteredBy: { id: row.enteredBy, displayName: row.enteredByName },
    courseId: row.courseId,
    appointmentId: row.appointmentId,
    safetyAlertIds: row.alertIds,
  };
}
