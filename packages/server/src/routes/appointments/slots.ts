import {
  appointmentDuration,
  err,
  findSlotsIn,
  indexSchedule,
  isWithinLocalDays,
  ok,
  type KnowledgeBase,
  type Problem,
  type ProtocolId,
  type Result,
} from '@ketaflow/core';
import type { Executor } from '../../db/client';
import type { AppointmentType } from '../../db/schema/index';
import { loadClinicState } from './clinic-state';
import { releaseExpiredHolds } from './holds';

export interface SlotSearch {
  readonly type: AppointmentType;
  readonly from: Date;
  readonly to: Date;
  readonly locationId?: string;
  /** Leaves out times that clash with this patient's appointments or spacing. */
  readonly patientId?: string;
  readonly prescriberId?: string;
  readonly durationMinutes?: number;
  readonly protocolId?: ProtocolId;
  readonly limit?: number;
  /** An appointment being moved: its resources and spacing do not block its new time. */
  readonly excludeAppointmentId?: string;
}

/** A bookable time with the resources core assigned; pass them back when booking. */
export interface SlotDto {
  readonly startsAt: string;
  readonly endsAt: string;
  readonly durationMinutes: number;
  readonly locationId: string | null;
  readonly chairId: string | null;
  readonly nurseId: string | null;
  readonly prescriberId: string;
}

/** The longest window one search may cover. */
export const MAX_SEARCH_DAYS = 31;

/**
 * Bookable times for an appointment type in `[from, to)`, from core's slot search over the
 * clinic state in the database (expired holds released first; they block nothing). Problems name
 * the request field (`from`, `to`, `durationMinutes`, `protocolId`, `locationId`).
 */
export async function searchSlots(
  executor: Executor,
  kb: KnowledgeBase,
  now: Date,
  search: SlotSearch,
): Promise<Result<SlotDto[], Problem[]>> {
  const problems: Problem[] = [];
  if (search.to.getTime() <= search.from.getTime())
    problems.push({ code: 'SCHEDULE.INVALID_WINDOW', message: 'must be after from', path: 'to' });
  if (!isWithinLocalDays(search.from.getTime(), search.to.getTime(), MAX_SEARCH_DAYS))
    problems.push({
      code: 'SCHEDULE.INVALID_WINDOW',
      message: `at most ${String(MAX_SEARCH_DAYS)} days after from`,
      path: 'to',
    });
  let durationMinutes = search.durationMinutes;
  if (durationMinutes === undefined) {
    const duration = appointmentDuration(kb, {
      appointmentType: search.type,
      ...(search.protocolId === undefined ? {} : { protocolId: search.protocolId }),
    });
    if (duration.ok) durationMinutes = duration.value.totalMinutes;
    else
      problems.push({
        ...duration.error,
        path: duration.error.path === 'protocolId' ? 'protocolId' : 'durationMinutes',
      });
  }
  if (problems.length > 0 || durationMinutes === undefined) return err(problems);

  await releaseExpiredHolds(executor, now);
  // Nothing before now can be booked.
  const from = new Date(Math.max(search.from.getTime(), now.getTime()));
  if (from.getTime() >= search.to.getTime()) return ok([]);
  const state = await loadClinicState(executor, kb, { from, to: search.to, now });
  const { index, problems: unreadable } = indexSchedule(
    search.excludeAppointmentId === undefined
      ? state.input
      : { ...state.input, ignoreBookingIds: [search.excludeAppointmentId] },
  );
  if (unreadable.length > 0)
    throw new Error(`clinic state unreadable: ${JSON.stringify(unreadable)}`);
  const found = findSlotsIn(index, {
    appointmentType: search.type,
    durationMinutes,
    window: { from: from.toISOString(), to: search.to.toISOString() },
    granularityMinutes: kb.scheduling.slotGranularityMinutes,
    ...(search.locationId === undefined ? {} : { locationId: search.locationId }),
    ...(search.patientId === undefined
      ? {}
      : { patient: { id: search.patientId, minSpacingHours: kb.scheduling.minSpacingHours } }),
    ...(search.prescriberId === undefined
      ? {}
      : { only: { prescriberIds: [search.prescriberId] } }),
    limit: search.limit ?? 200,
  });
  if (!found.ok) return err(found.error);
  const minutes = durationMinutes;
  return ok(
    found.value.map((s) => ({
      startsAt: s.start,
      endsAt: s.end,
      durationMinutes: minutes,
      locationId: s.locationId ?? null,
      chairId: s.chairId ?? null,
      nurseId: s.nurseId ?? null,
      prescriberId: s.prescriberId,
    })),
  );
}
