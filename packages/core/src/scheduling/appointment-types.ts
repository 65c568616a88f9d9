import type { ProtocolId } from '../knowledge/ids';
import type { KnowledgeBase } from '../knowledge/schema/knowledge-base';
import type { AppointmentTypeId } from '../knowledge/schema/scheduling';
import { err, ok, type Result } from '../result';
import type { AppointmentDuration, ResourceNeeds } from './types';

/**
 * Which resources each appointment type holds for its whole length, recovery included:
 * infusion and esketamine need a chair, a nurse with capacity and a prescriber on site (the
 * esketamine REMS asks for a healthcare setting with a prescriber present); a telemedicine consult
 * or follow-up needs only the prescriber's own time.
 */
export const RESOURCE_NEEDS: Readonly<Record<AppointmentTypeId, ResourceNeeds>> = {
  'consult-telemedicine': { chair: false, nurse: false, prescriber: 'exclusive' },
  infusion: { chair: true, nurse: true, prescriber: 'on-site' },
  'esketamine-session': { chair: true, nurse: true, prescriber: 'on-site' },
  'follow-up': { chair: false, nurse: false, prescriber: 'exclusive' },
};

/** Whether an appointment type counts for the minimum spacing between a patient's sessions. */
export function isTreatmentSession(type: AppointmentTypeId): boolean {
  return type === 'infusion' || type === 'esketamine-session';
}

export interface DurationRequest {
  readonly appointmentType: AppointmentTypeId;
  /** Required for `infusion`: its treatment time is the protocol's duration. */
  readonly protocolId?: ProtocolId;
  /** An infusion's prescribed duration when it differs from the protocol default (minutes). */
  readonly treatmentMinutes?: number;
}

/**
 * An appointment's length from its parts: pre-check + treatment + recovery, each from the
 * knowledge base's `scheduling` settings. Infusion treatment is the protocol's
 * `durationMin.default` (or the prescribed `treatmentMinutes`, checked against the protocol's
 * range). Esketamine recovery is never shorter than the label's observation minimum
 * (`monitoring.esketamineSession.observationMinMinutes`, 2 h).
 */
export function appointmentDuration(
  kb: KnowledgeBase,
  request: DurationRequest,
): Result<AppointmentDuration> {
  const times = kb.scheduling.appointmentTypes[request.appointmentType];
  let treatmentMinutes = times.treatmentMinutes;
  if (request.appointmentType === 'infusion') {
    if (request.protocolId === undefined)
      return err({
        code: 'SCHEDULE.PROTOCOL_REQUIRED',
        message: "an infusion's length depends on its protocol",
        path: 'protocolId',
      });
    const range = kb.protocols[request.protocolId].durationMin;
    const asked = request.treatmentMinutes ?? range.default;
    if (asked < range.min || asked > range.max)
      return err({
        code: 'SCHEDULE.OUTSIDE_PROTOCOL',
        message: `infusion duration ${String(asked)} min is outside the protocol's ${String(range.min)}-${String(range.max)} min`,
        path: 'treatmentMinutes',
      });
    treatmentMinutes = asked;
  } else if (request.treatmentMinutes !== undefined) {
    treatmentMinutes = request.treatmentMinutes;
  }
  if (treatmentMinutes === null || treatmentMinutes <= 0)
    return err({
      code: 'SCHEDULE.INVALID_DURATION',
      message: `no treatment time for ${request.appointmentType}`,
      path: 'treatmentMinutes',
    });
  const recoveryMinutes =
    request.appointmentType === 'esketamine-session'
      ? Math.max(times.recoveryMinutes, kb.monitoring.esketamineSession.observationMinMinutes)
      : times.recoveryMinutes;
  return ok({
    preCheckMinutes: times.preCheckMinutes,
    treatmentMinutes,
    recoveryMinutes,
    totalMinutes: times.preCheckMinutes + treatmentMinutes + recoveryMinutes,
  });
}
