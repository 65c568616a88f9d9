import type { AuditFilters } from './admin-types';
import type { AppointmentListQuery } from './appointments-api';
import type { EstimateRequest } from './costs-api';
import type { PatientSearch } from './patients-api';
import type { SlotSearch } from './scheduling-types';

/** Every TanStack Query key the app uses, so invalidation and cache writes agree on them. */
export const queryKeys = {
  session: ['session'] as const,
  meta: ['meta'] as const,
  costs: ['costs'] as const,
  costEstimate: (input: EstimateRequest) => ['costs', 'estimate', input] as const,
  patients: (search: PatientSearch) => ['patients', search] as const,
  patientsAll: ['patients'] as const,
  patient: (id: string) => ['patient', id] as const,
  accessLog: (id: string, page: number) => ['access-log', id, page] as const,
  audit: (filters: AuditFilters) => ['audit', filters] as const,
  outbox: (page: number) => ['outbox', page] as const,
  cdsFeedback: ['cds-feedback'] as const,
  knowledge: ['knowledge'] as const,
  doseCalculations: (patientId: string) => ['dose-calculations', patientId] as const,
  selfScreeningQuestions: ['self-screening-questions'] as const,
  medicationSuggestions: (q: string) => ['medication-suggestions', q] as const,
  screenings: (patientId: string) => ['screenings', patientId] as const,
  /** Every appointment list (board, calendars, a patient's, the portal's): refetched after a change. */
  appointmentsAll: ['appointments'] as const,
  appointments: (query: AppointmentListQuery) => ['appointments', 'list', query] as const,
  myAppointments: ['appointments', 'me'] as const,
  slots: (search: SlotSearch) => ['appointments', 'slots', search] as const,
  consultSlots: (from: string | undefined) => ['appointments', 'consult-slots', from] as const,
  courses: (patientId: string) => ['courses', patientId] as const,
  coursesAll: ['courses'] as const,
  course: (id: string) => ['courses', 'one', id] as const,
  locations: ['clinic', 'locations'] as const,
  staff: ['clinic', 'staff'] as const,
  dueScales: ['scales', 'due'] as const,
  myScales: ['scales', 'me'] as const,
  /** Every scale list and progress chart: refetched after a response is stored. */
  scalesAll: ['scales'] as const,
  patientScales: (patientId: string) => ['scales', 'patient', patientId] as const,
  progress: (patientId: string, instrument: string | undefined) =>
    ['scales', 'progress', patientId, instrument] as const,
  instruments: ['scales', 'instruments'] as const,
  safetyAlertsAll: ['safety-alerts'] as const,
  safetyAlerts: (status: string | undefined) => ['safety-alerts', 'list', status] as const,
  safetyAlert: (id: string) => ['safety-alerts', 'one', id] as const,
  clinicOutcomes: ['clinic-outcomes'] as const,
};
