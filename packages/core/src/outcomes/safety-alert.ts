import { z } from 'zod';
import { formatPath } from '../knowledge/path';
import type { CrisisResource } from '../knowledge/schema/crisis-resources';
import type { InstrumentDefinition, InstrumentItem } from '../knowledge/schema/outcome-instrument';
import { problemsFromZodIssues } from '../knowledge/zod-problems';
import { err, ok, type Problem, type Result } from '../result';
import { crisisMessageFor, emergencyActions, type PatientCrisisMessage } from './crisis-message';

/** One field of the follow-up that the care team must document for an alert. */
export interface FollowUpField {
  readonly name: keyof SafetyFollowUp;
  readonly label: string;
  readonly kind: 'staff-id' | 'date-time' | 'choice' | 'choices' | 'boolean' | 'text';
  readonly required: boolean;
  readonly options?: readonly string[];
}

/**
 * A safety alert raised from one answer: PHQ-9 item 9 above zero (thoughts of death or
 * self-harm) needs follow-up whatever the total [S108]. KetaFlow does not include the C-SSRS
 * (its electronic use needs a licence [S124]); the care team assesses risk with its own protocol.
 */
export interface SafetyAlert {
  readonly type: 'suicidal-thoughts';
  readonly code: 'OUTCOME.SAFETY_SUICIDAL_THOUGHTS';
  /** Any answer above zero is critical: the source does not grade follow-up by frequency. */
  readonly severity: 'critical';
  readonly instrumentId: string;
  readonly itemId: string;
  readonly itemText: string;
  readonly answer: { readonly score: number; readonly label: string };
  readonly summary: string;
  readonly careTeamActions: readonly string[];
  readonly patientMessage: PatientCrisisMessage;
  readonly followUp: { readonly required: true; readonly fields: readonly FollowUpField[] };
  readonly sources: readonly string[];
}

/**
 * What the care team does, with the clinic's own crisis numbers (knowledge base
 * `crisisResources`), never fixed ones: a clinic outside the US has no 988 or 911.
 */
function careTeamActions(resources: readonly CrisisResource[]): readonly string[] {
  return [
    'Contact the patient as soon as possible to assess their safety; do not wait for the next session or for the total score.',
    "Assess suicide risk with the clinic's own protocol (KetaFlow does not include the C-SSRS).",
    `If the patient is at imminent risk, ${emergencyActions(resources)}.`,
    `Make sure the patient has the crisis resources (${resources.map((r) => r.contact).join(', ')}).`,
    'Document the follow-up on this alert.',
  ];
}

export const FOLLOW_UP_CONTACTS = ['in-person', 'phone', 'video', 'not-reached'] as const;
export const FOLLOW_UP_ACTIONS = [
  'risk-assessed',
  'safety-plan-reviewed',
  'crisis-resources-given',
  'emergency-services-contacted',
  'treatment-plan-changed',
  'referred',
  'no-further-action',
] as const;

/** The follow-up a care team documents for a suicidal-thoughts alert. */
export interface SafetyFollowUp {
  /** Staff id of the clinician who followed up. */
  readonly reviewedBy: string;
  /** ISO 8601 date-time with offset. */
  readonly reviewedAt: string;
  readonly contact: (typeof FOLLOW_UP_CONTACTS)[number];
  readonly riskAssessment: string;
  readonly actions: readonly (typeof FOLLOW_UP_ACTIONS)[number][];
  readonly patientGivenCrisisResources: boolean;
  /** Required when the patient was not reached: when the next attempt is due. */
  readonly nextContactAt?: string;
  readonly notes?: string;
}

const FOLLOW_UP_FIELDS: readonly FollowUpField[] = [
  { name: 'reviewedBy', label: 'Clinician', kind: 'staff-id', required: true },
  { name: 'reviewedAt', label: 'Followed up at', kind: 'date-time', required: true },
  {
    name: 'contact',
    label: 'How the patient was contacted',
    kind: 'choice',
    required: true,
    options: FOLLOW_UP_CONTACTS,
  },
  { name: 'riskAssessment', label: 'Risk assessment', kind: 'text', required: true },
  {
    name: 'actions',
    label: 'Actions taken',
    kind: 'choices',
    required: true,
    options: FOLLOW_UP_ACTIONS,
  },
  {
    name: 'patientGivenCrisisResources',
    label: 'Patient given crisis resources',
    kind: 'boolean',
    required: true,
  },
  {
    name: 'nextContactAt',
    label: 'Next attempt (required if not reached; the alert stays open)',
    kind: 'date-time',
    required: false,
  },
  { name: 'notes', label: 'Notes', kind: 'text', required: false },
];

const dateTime = z.iso.datetime({ offset: true });

const followUpSchema = z
  .strictObject({
    reviewedBy: z.string().trim().min(1).max(100),
    reviewedAt: dateTime,
    contact: z.enum(FOLLOW_UP_CONTACTS),
    riskAssessment: z.string().trim().min(1).max(5000),
    actions: z.array(z.enum(FOLLOW_UP_ACTIONS)).min(1),
    patientGivenCrisisResources: z.boolean(),
    nextContactAt: dateTime.exactOptional(),
    notes: z.string().trim().min(1).max(5000).exactOptional(),
  })
  .superRefine((f, ctx) => {
    if (f.contact === 'not-reached' && f.nextContactAt === undefined)
      ctx.addIssue({
        code: 'custom',
        message: 'when the patient was not reached, give the time of the next attempt',
        path: ['nextContactAt'],
      });
    if (f.contact === 'not-reached' && f.actions.includes('no-further-action'))
      ctx.addIssue({
        code: 'custom',
        message: 'a patient who was not reached cannot need no further action',
        path: ['actions'],
      });
  });

/**
 * The alert for one answer, or `null` when the item has no safety rule or the answer is 0.
 * `crisisResources` are the clinic's (knowledge base `crisisResources.resources`): the patient
 * message and the care team's checklist name them.
 */
export function safetyAlertFor(
  instrument: InstrumentDefinition,
  item: InstrumentItem,
  score: number,
  crisisResources: readonly CrisisResource[],
): SafetyAlert | null {
  if (item.safety !== 'suicidal-thoughts' || score <= 0) return null;
  const label = item.options.find((o) => o.score === score)?.label ?? String(score);
  return {
    type: 'suicidal-thoughts',
    code: 'OUTCOME.SAFETY_SUICIDAL_THOUGHTS',
    severity: 'critical',
    instrumentId: instrument.id,
    itemId: item.id,
    itemText: item.text,
    answer: { score, label },
    summary: `${instrument.shortName} item on thoughts of death or self-harm answered "${label}": follow up now`,
    careTeamActions: careTeamActions(crisisResources),
    patientMessage: crisisMessageFor(crisisResources),
    followUp: { required: true, fields: FOLLOW_UP_FIELDS },
    sources: ['S108'],
  };
}

/**
 * Whether a documented follow-up closes its alert. Only a contact that reached the patient does:
 * an attempt that did not reach them is recorded on the alert, which stays open (and at the top
 * of the open list) until someone reaches the patient, so a missed call never ends the follow-up
 * that any item-9 answer above zero needs [S108].
 */
export function closesSafetyAlert(followUp: Pick<SafetyFollowUp, 'contact'>): boolean {
  return followUp.contact !== 'not-reached';
}

/**
 * Checks the follow-up documented for an alert (untrusted input) and returns every problem
 * with its field path, or the follow-up.
 */
export function recordSafetyFollowUp(
  alert: SafetyAlert,
  input: unknown,
): Result<SafetyFollowUp, Problem[]> {
  const parsed = followUpSchema.safeParse(input);
  if (!parsed.success) return err(problemsFromZodIssues(parsed.error.issues, 'OUTCOME.FOLLOW_UP'));
  const f = parsed.data;
  if (f.contact !== 'not-reached' && !f.patientGivenCrisisResources)
    return err([
      {
        code: 'OUTCOME.FOLLOW_UP.CRISIS_RESOURCES_REQUIRED',
        message: `a patient who was reached must be given the crisis resources (${alert.patientMessage.resources.map((r) => r.contact).join(', ')})`,
        path: formatPath(['patientGivenCrisisResources']),
      },
    ]);
  return ok(f);
}
