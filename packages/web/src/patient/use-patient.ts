import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Patient } from '../api/patient-types';
import { fetchPatient } from '../api/patients-api';
import { queryKeys } from '../api/query-keys';

export function usePatient(id: string) {
  return useQuery({ queryKey: queryKeys.patient(id), queryFn: () => fetchPatient(id) });
}

interface PatientMutationOptions<Input> {
  mutationFn: (input: Input) => Promise<Patient>;
  onSuccess?: (patient: Patient) => void;
  onError?: (error: unknown) => void;
}

/**
 * A change to one patient's record. Every such endpoint answers with the whole updated record,
 * which replaces the cached one; lists that summarise patients, and the patient's screenings,
 * are refetched.
 */
export function usePatientMutation<Input>(options: PatientMutationOptions<Input>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: options.mutationFn,
    onSuccess: (patient) => {
      queryClient.setQueryData(queryKeys.patient(patient.id), patient);
      void queryClient.invalidateQueries({ queryKey: queryKeys.patientsAll });
      // The server screens the patient again after every change to the record.
      void queryClient.invalidateQueries({ queryKey: queryKeys.screenings(patient.id) });
      options.onSuccess?.(patient);
    },
    onError: (error) => {
      options.onError?.(error);
    },
  });
}
