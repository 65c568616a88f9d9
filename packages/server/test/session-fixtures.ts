/** Request bodies the session suites share: a normal pre-check and an IV ketamine start. */

/** Vital signs inside every default limit. */
export const NORMAL = {
  systolicMmHg: 122,
  diastolicMmHg: 78,
  heartRate: 72,
  spo2: 98,
  respiratoryRate: 14,
  temperatureC: 36.7,
};

export function preCheckBody(vitals: Record<string, number> = NORMAL) {
  return {
    vitals,
    weight: { value: 70, unit: 'kg' },
    pregnancyTest: 'not-applicable',
    fasting: true,
    medicationChanges: [],
    consentOnFile: true,
  };
}

export const INFUSION_START = {
  dose: { indication: 'depression', concentration: { value: 50, unit: 'mg/mL' } },
  vialLot: 'LOT-123',
  vialExpiry: '2027-01-31',
};
