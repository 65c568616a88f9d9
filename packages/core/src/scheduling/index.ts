/**
 * Scheduling: the clinic calendar model, appointment lengths, slot search, conflict
 * explanations, and course planning. Pure: instants and the clinic's clock come in as arguments.
 */
export * from './types';
export {
  WEEKDAYS,
  parseInstant,
  formatInstant,
  formatLocalInstant,
  resolveLocalTime,
  localToMs,
  msToLocal,
  wallMinutesFrom,
  weekdayOf,
  addLocalDays,
  isTimeZone,
  isWithinLocalDays,
  type Instant,
  type LocalDate,
  type LocalTime,
  type TimeZone,
  type Weekday,
  type LocalResolution,
  type LocalDateTime,
} from './time';
export {
  clockChangesOn,
  isClockChangeDay,
  type ClockChange,
  needsZoneAbbreviation,
  zoneAbbreviation,
  zoneAbbreviationsAt,
} from './zone-names';
export {
  RESOURCE_NEEDS,
  appointmentDuration,
  isTreatmentSession,
  type DurationRequest,
} from './appointment-types';
export { closureOn, openingIntervalsOn } from './calendar';
export type { Interval } from './intervals';
export {
  indexSchedule,
  nurseCapacityOf,
  type ScheduleIndex,
  type ScheduleInput,
} from './schedule-index';
export {
  findSlots,
  findSlotsIn,
  assignResources,
  type FindSlotsInput,
  type SlotRequest,
  type ResourceChoice,
  type Assignment,
} from './find-slots';
export {
  CONFLICT_CODES,
  explainConflict,
  explainConflictIn,
  type Conflict,
  type ConflictCode,
  type ConflictRequest,
  type ConflictExplanation,
  type ExplainConflictInput,
} from './explain-conflict';
export { checkPatientChange, holdExpiry } from './patient-rules';
export { validateCalendar } from './validate-calendar';
