import type { CrisisReach, CrisisResource } from '../knowledge/schema/crisis-resources';

/** A crisis service as the patient is shown it: the clinic's setting plus how to reach it in words. */
export interface PatientCrisisResource extends CrisisResource {
  /** `Call or text 988`; for the emergency number, `Call 911 if you are in immediate danger`. */
  readonly how: string;
}

/** What the patient sees as soon as the answer is given, before anyone reviews it. */
export interface PatientCrisisMessage {
  readonly text: string;
  readonly resources: readonly PatientCrisisResource[];
}

const VERBS: Readonly<Record<CrisisReach, string>> = {
  call: 'call',
  text: 'text',
  'call-or-text': 'call or text',
};

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** `call or text 988`, or with the name: `call or text 988 (988 Suicide & Crisis Lifeline)`. */
export function crisisAction(resource: CrisisResource, withName = false): string {
  const action = `${VERBS[resource.reach]} ${resource.contact}`;
  return withName ? `${action} (${resource.name})` : action;
}

/** The emergency numbers as one instruction: `call 911`. */
export function emergencyActions(resources: readonly CrisisResource[], withName = false): string {
  return resources
    .filter((r) => r.emergency)
    .map((r) => crisisAction(r, withName))
    .join(' or ');
}

/** The crisis lines that are not the emergency number, as one instruction; `''` when none. */
export function supportActions(resources: readonly CrisisResource[], withName = false): string {
  return resources
    .filter((r) => !r.emergency)
    .map((r) => crisisAction(r, withName))
    .join(' or ');
}

/** The clinic's crisis resources with `how` in words, for the patient. */
export function patientCrisisResources(
  resources: readonly CrisisResource[],
): PatientCrisisResource[] {
  return resources.map((r) => ({
    ...r,
    how: r.emergency
      ? `${capitalize(crisisAction(r))} if you are in immediate danger`
      : capitalize(crisisAction(r)),
  }));
}

/** `If you are thinking about hurting yourself, ... now. If you are in immediate danger, ...` */
function whatToDoNow(resources: readonly CrisisResource[], noWait: string): string {
  const support = supportActions(resources);
  const emergency = emergencyActions(resources);
  if (support === '')
    return `If you are thinking about hurting yourself or are in immediate danger, ${emergency} now.`;
  return `If you are thinking about hurting yourself, ${noWait}${support} now. If you are in immediate danger, ${emergency}.`;
}

/**
 * The message for a patient whose answer on thoughts of self-harm is above zero, built from the
 * clinic's crisis resources (knowledge base `crisisResources`). `sent`: after the answers reached
 * the care team; `answering`: while the patient is still filling in the form.
 */
export function crisisMessageFor(
  resources: readonly CrisisResource[],
  moment: 'sent' | 'answering' = 'sent',
): PatientCrisisMessage {
  const text =
    moment === 'sent'
      ? `Thank you for telling us. Your care team has been alerted and will contact you. ${whatToDoNow(resources, 'you do not have to wait: ')}`
      : `You do not have to wait for your care team. ${whatToDoNow(resources, '')}`;
  return { text, resources: patientCrisisResources(resources) };
}

/** Everything to do at once, emergency number first: `call 911 or call or text 988`. */
export function urgentActions(resources: readonly CrisisResource[], withName = false): string {
  return [emergencyActions(resources, withName), supportActions(resources, withName)]
    .filter((part) => part !== '')
    .join(' or ');
}
