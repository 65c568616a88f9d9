import { useQuery } from '@tanstack/react-query';
import {
  fetchClinicOutcomes,
  fetchDueScales,
  fetchInstruments,
  fetchMyScales,
  fetchProgress,
  fetchSafetyAlert,
  fetchSafetyAlerts,
} from '../api/outcomes-api';
import type { SafetyAlertStatus } from '../api/outcomes-types';
import { queryKeys } from '../api/query-keys';

export function useDueScales() {
  return useQuery({ queryKey: queryKeys.dueScales, queryFn: fetchDueScales });
}

export function useMyScales() {
  return useQuery({ queryKey: queryKeys.myScales, queryFn: fetchMyScales });
}

/** Staff only; they change when an admin adds a custom form. */
export function useInstruments(enabled = true) {
  return useQuery({
    queryKey: queryKeys.instruments,
    queryFn: fetchInstruments,
    staleTime: 5 * 60_000,
    enabled,
  });
}

export function useProgress(patientId: string, instrument: string | undefined) {
  return useQuery({
    queryKey: queryKeys.progress(patientId, instrument),
    queryFn: () => fetchProgress(patientId, instrument === undefined ? {} : { instrument }),
  });
}

/** Refetched every minute: the navigation's count is how staff learn of a new alert. */
export function useSafetyAlerts(status?: SafetyAlertStatus, enabled = true) {
  return useQuery({
    queryKey: queryKeys.safetyAlerts(status),
    queryFn: () => fetchSafetyAlerts(status),
    refetchInterval: 60_000,
    enabled,
  });
}

export function useSafetyAlert(id: string) {
  return useQuery({ queryKey: queryKeys.safetyAlert(id), queryFn: () => fetchSafetyAlert(id) });
}

export function useClinicOutcomes() {
  return useQuery({ queryKey: queryKeys.clinicOutcomes, queryFn: fetchClinicOutcomes });
}
