import type { CrisisResources } from '../schema/crisis-resources';

/**
 * The US crisis lines, the default until a clinic sets its own under `crisisResources`: the 988
 * Suicide & Crisis Lifeline takes calls and texts [S160][S161], and 911 is the number for
 * immediate danger [S161]. Neither works outside the US, so a clinic elsewhere must set its own.
 */
export const crisisResourceDefaults: CrisisResources = {
  resources: [
    {
      name: '988 Suicide & Crisis Lifeline',
      contact: '988',
      reach: 'call-or-text',
      emergency: false,
    },
    { name: 'Emergency services', contact: '911', reach: 'call', emergency: true },
  ],
  basis: 'clinic-setting',
  note: 'US numbers: the 988 Suicide & Crisis Lifeline (call or text) and 911 for immediate danger. They do not work outside the US; a clinic elsewhere sets its own under crisisResources in the clinic settings file.',
  sources: ['S160', 'S161'],
};
