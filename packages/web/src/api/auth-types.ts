import type { ClinicBranding, PatientCrisisResource } from '@ketaflow/core';

export type Role = 'patient' | 'nurse' | 'prescriber' | 'admin';

export interface User {
  id: string;
  email: string;
  role: Role;
  displayName: string;
  patientId: string | null;
}

/** What login, registration and `GET /api/auth/me` return. */
export interface Session {
  user: User;
  csrfToken: string;
}

export interface Meta {
  demo: boolean;
  clinicName: string;
  knowledgeVersion: string;
  /** The clinic's IANA time zone, when the server says (consults have no location of their own). */
  timeZone?: string;
  /** Logo, colour (4.5:1 on white) and contact details; `null` when the clinic set none. */
  branding?: ClinicBranding | null;
  /** The clinic's crisis lines (setting `crisisResources`; the US 988 and 911 until it sets its own). */
  crisis?: { resources: PatientCrisisResource[]; setByClinic: boolean };
}

export function isStaff(role: Role): boolean {
  return role !== 'patient';
}

export const roleLabels: Record<Role, string> = {
  patient: 'Patient',
  nurse: 'Nurse',
  prescriber: 'Prescriber',
  admin: 'Administrator',
};
