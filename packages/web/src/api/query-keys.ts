import type { AuditFilters } from './admin-types';
import type { PatientSearch } from './patients-api';

/** Every TanStack Query key the app uses, so invalidation and cache writes agree on them. */
export const queryKeys = {
  session: ['session'] as const,
  meta: ['meta'] as const,
  patients: (search: PatientSearch) => ['patients', search] as const,
  patientsAll: ['patients'] as const,
  patient: (id: string) => ['patient', id] as const,
  accessLog: (id: string, page: number) => ['access-log', id, page] as const,
  audit: (filters: AuditFilters) => ['audit', filters] as const,
  outbox: (page: number) => ['outbox', page] as const,
  knowledge: ['knowledge'] as const,
  doseCalculations: (patientId: string) => ['dose-calculations', patientId] as const,
  selfScreeningQuestions: ['self-screening-questions'] as const,
  medicationSuggestions: (q: string) => ['medication-suggestions', q] as const,
  screenings: (patientId: string) => ['screenings', patientId] as const,
};
