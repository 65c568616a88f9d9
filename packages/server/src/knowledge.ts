/** The knowledge base as this clinic runs it: defaults plus the clinic's validated settings. */
export interface ClinicKnowledge {
  readonly clinicName: string;
  readonly version: string;
}

export function loadClinicKnowledge(): ClinicKnowledge {
  return { clinicName: 'KetaFlow Demo Clinic', version: 'kb-pending' };
}
