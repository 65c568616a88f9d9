/** The CDS Hooks services KetaFlow offers (discovery answers with these). */
import { ORDER_PREFETCH, PATIENT_VIEW_PREFETCH } from './fhir-data';

export const CDS_SERVICES = [
  {
    hook: 'order-select',
    id: 'ketaflow-order-select',
    title: 'KetaFlow ketamine and esketamine screening (order select)',
    description:
      'Screens the patient when a ketamine or esketamine order is selected: contraindications, interactions, precautions and missing data, with sources.',
    prefetch: ORDER_PREFETCH,
  },
  {
    hook: 'order-sign',
    id: 'ketaflow-order-sign',
    title: 'KetaFlow ketamine and esketamine screening (order sign)',
    description:
      'Screens the patient before a ketamine or esketamine order is signed, and checks an IV ketamine dose against the protocol for the weight.',
    prefetch: ORDER_PREFETCH,
  },
  {
    hook: 'patient-view',
    id: 'ketaflow-patient-view',
    title: 'KetaFlow course summary',
    description: 'A summary card when the patient has a KetaFlow treatment course.',
    prefetch: PATIENT_VIEW_PREFETCH,
  },
] as const;
