import type { SchedulingDefaults } from '../schema/scheduling';
import { monitoring } from './monitoring';

/**
 * Scheduling defaults. No source sets any of these for outpatient ketamine clinics, so each is a
 * clinic setting with a conservative default, chosen as follows:
 * - spacing 48 h between session starts: the shortest interval of the thrice-weekly arms in the
 *   frequency trials behind the protocols' 1-2 sessions a week, so no course the protocols allow
 *   is blocked, and no two sessions fall on consecutive days;
 * - a nurse monitors at most 2 chairs at once: low, since continuous monitoring is required
 *   during an infusion (monitoring.vitalSigns) and sources give no ratio;
 * - infusion: 15 min pre-check (vitals, IV line) and 60 min recovery after the protocol's
 *   duration (BP every 15 min after the infusion until discharge criteria are met);
 * - esketamine: 15 min pre-check (pre-dose BP), 15 min dosing (up to 3 devices 5 min apart,
 *   84 mg), recovery = the label's minimum observation (monitoring.esketamineSession), never less;
 * - telemedicine consult 45 min, follow-up 20 min, prescriber only;
 * - holds lapse after 10 min; patients cancel or reschedule online up to 24 h before; offered
 *   start times every 15 min.
 */
export const schedulingDefaults: SchedulingDefaults = {
  minSpacingHours: 48,
  nurseCapacity: 2,
  holdExpiryMinutes: 10,
  patientCancellationCutoffHours: 24,
  patientRescheduleCutoffHours: 24,
  slotGranularityMinutes: 15,
  // One day ahead: time to arrange an escort and transport, or to cancel within the cut-off.
  reminderLeadHours: 24,
  appointmentTypes: {
    'consult-telemedicine': { preCheckMinutes: 0, treatmentMinutes: 45, recoveryMinutes: 0 },
    infusion: { preCheckMinutes: 15, treatmentMinutes: null, recoveryMinutes: 60 },
    'esketamine-session': {
      preCheckMinutes: 15,
      treatmentMinutes: 15,
      recoveryMinutes: monitoring.esketamineSession.observationMinMinutes,
    },
    'follow-up': { preCheckMinutes: 0, treatmentMinutes: 20, recoveryMinutes: 0 },
  },
  basis: 'clinic-setting',
  notes:
    'Clinic settings with conservative defaults: sources are silent on spacing, nurse ratios, pre-check and recovery times, holds and cut-offs. The esketamine recovery time may not go below the label observation minimum. Change them under scheduling in the clinic settings file.',
  sources: monitoring.esketamineSession.sources,
};
