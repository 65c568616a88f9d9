/** Synthetic people for the demo clinic. Invented names; any likeness is chance. */
export interface DemoPatient {
  readonly givenName: string;
  readonly familyName: string;
  readonly birthDate: string;
  readonly sex: 'female' | 'male' | 'other';
  readonly weightKg: number;
  readonly heightCm: number;
  readonly conditions: readonly {
    text: string;
    codeSystem?: 'snomed' | 'icd10cm';
    code?: string;
    clinicalStatus: 'active' | 'resolved';
  }[];
  readonly medications: readonly {
    text: string;
    rxnormCode?: string;
    status: 'active' | 'stopped';
  }[];
  readonly allergies: readonly string[];
}

const MDD = {
  text: 'Major depressive disorder, recurrent',
  codeSystem: 'snomed',
  code: '66344007',
  clinicalStatus: 'active',
} as const;

export const DEMO_PATIENTS: readonly DemoPatient[] = [
  {
    givenName: 'Avery',
    familyName: 'Lindqvist',
    birthDate: '1986-03-14',
    sex: 'female',
    weightKg: 68.4,
    heightCm: 167,
    conditions: [MDD],
    medications: [
      { text: 'Sertraline 100 mg tablet daily', rxnormCode: '312940', status: 'active' },
    ],
    allergies: [],
  },
  {
    givenName: 'Marcus',
    familyName: 'Okafor',
    birthDate: '1979-11-02',
    sex: 'male',
    weightKg: 92.1,
    heightCm: 182,
    conditions: [
      MDD,
      {
        text: 'Essential hypertension',
        codeSystem: 'snomed',
        code: '59621000',
        clinicalStatus: 'active',
      },
    ],
    medications: [
      { text: 'Amlodipine 5 mg tablet', status: 'active' },
      { text: 'Bupropion XL 300 mg', status: 'active' },
    ],
    allergies: ['Penicillin'],
  },
  {
    givenName: 'Priya',
    familyName: 'Raman',
    birthDate: '1992-07-21',
    sex: 'female',
    weightKg: 55.2,
    heightCm: 158,
    conditions: [
      {
        text: 'Generalized anxiety disorder',
        codeSystem: 'snomed',
        code: '21897009',
        clinicalStatus: 'active',
      },
    ],
    medications: [{ text: 'Xanax 0.5 mg tab prn', status: 'active' }],
    allergies: [],
  },
  {
    givenName: 'Diego',
    familyName: 'Fuentes',
    birthDate: '1975-01-30',
    sex: 'male',
    weightKg: 101.7,
    heightCm: 176,
    conditions: [
      {
        text: 'Post-traumatic stress disorder',
        codeSystem: 'snomed',
        code: '47505003',
        clinicalStatus: 'active',
      },
    ],
    medications: [{ text: 'Prazosin 2 mg at night', status: 'active' }],
    allergies: [],
  },
  {
    givenName: 'Hannah',
    familyName: 'Brenner',
    birthDate: '1968-09-09',
    sex: 'female',
    weightKg: 74.0,
    heightCm: 170,
    conditions: [
      { text: 'Fibromyalgia', codeSystem: 'snomed', code: '203082005', clinicalStatus: 'active' },
    ],
    medications: [
      { text: 'Duloxetine 60 mg', status: 'active' },
      { text: 'Pregabalin 75 mg bid', status: 'stopped' },
    ],
    allergies: ['Sulfa drugs'],
  },
  {
    givenName: 'Tomasz',
    familyName: 'Wierzbicki',
    birthDate: '1959-05-17',
    sex: 'male',
    weightKg: 83.5,
    heightCm: 179,
    conditions: [
      {
        text: 'Chronic pain syndrome',
        codeSystem: 'snomed',
        code: '82423001',
        clinicalStatus: 'active',
      },
      {
        text: 'History of stroke',
        codeSystem: 'icd10cm',
        code: 'Z86.73',
        clinicalStatus: 'resolved',
      },
    ],
    medications: [{ text: 'Oxycodone 10 mg q6h prn', status: 'active' }],
    allergies: [],
  },
  {
    givenName: 'Leila',
    familyName: 'Haddad',
    birthDate: '1995-12-03',
    sex: 'female',
    weightKg: 61.8,
    heightCm: 164,
    conditions: [
      {
        text: 'Migraine without aura',
        codeSystem: 'snomed',
        code: '56097005',
        clinicalStatus: 'active',
      },
    ],
    medications: [{ text: 'Sumatriptan 50 mg prn', status: 'active' }],
    allergies: [],
  },
  {
    givenName: 'Samuel',
    familyName: 'Achterberg',
    birthDate: '1983-04-26',
    sex: 'male',
    weightKg: 77.9,
    heightCm: 185,
    conditions: [
      {
        text: 'Bipolar II disorder, depressed',
        codeSystem: 'snomed',
        code: '83225003',
        clinicalStatus: 'active',
      },
    ],
    medications: [{ text: 'Lithium carbonate 300 mg tid', status: 'active' }],
    allergies: [],
  },
  {
    givenName: 'Grace',
    familyName: 'Nakamura',
    birthDate: '2001-08-15',
    sex: 'female',
    weightKg: 50.3,
    heightCm: 155,
    conditions: [
      {
        text: 'Obsessive-compulsive disorder',
        codeSystem: 'snomed',
        code: '191736004',
        clinicalStatus: 'active',
      },
    ],
    medications: [{ text: 'Fluvoxamine 100 mg', status: 'active' }],
    allergies: [],
  },
  {
    givenName: 'Owen',
    familyName: 'Castellanos',
    birthDate: '1990-02-11',
    sex: 'male',
    weightKg: 88.0,
    heightCm: 174,
    conditions: [
      {
        text: 'Alcohol use disorder',
        codeSystem: 'snomed',
        code: '7200002',
        clinicalStatus: 'active',
      },
    ],
    medications: [{ text: 'Naltrexone 50 mg', status: 'active' }],
    allergies: [],
  },
  {
    givenName: 'Ruth',
    familyName: 'Abernathy',
    birthDate: '1954-10-29',
    sex: 'female',
    weightKg: 66.2,
    heightCm: 160,
    conditions: [
      MDD,
      { text: 'Heart failure', codeSystem: 'snomed', code: '84114007', clinicalStatus: 'active' },
    ],
    medications: [
      { text: 'Metoprolol succinate 50 mg', status: 'active' },
      { text: 'Furosemide 20 mg', status: 'active' },
    ],
    allergies: [],
  },
  {
    givenName: 'Jonah',
    familyName: 'Feldstein',
    birthDate: '1998-06-06',
    sex: 'male',
    weightKg: 70.5,
    heightCm: 178,
    conditions: [
      {
        text: 'Suicidal ideation',
        codeSystem: 'snomed',
        code: '6471006',
        clinicalStatus: 'active',
      },
      MDD,
    ],
    medications: [{ text: 'Prozac 20mg', status: 'active' }],
    allergies: [],
  },
  {
    givenName: 'Amara',
    familyName: 'Eze',
    birthDate: '1988-01-19',
    sex: 'female',
    weightKg: 72.6,
    heightCm: 171,
    conditions: [
      MDD,
      { text: 'Pregnancy', codeSystem: 'snomed', code: '77386006', clinicalStatus: 'active' },
    ],
    medications: [],
    allergies: [],
  },
  {
    givenName: 'Felix',
    familyName: 'Mbeki',
    birthDate: '1971-03-03',
    sex: 'male',
    weightKg: 124.8,
    heightCm: 188,
    conditions: [MDD],
    medications: [
      { text: 'Venlafaxine ER 150 mg', status: 'active' },
      { text: 'Zolpidem 10 mg hs', status: 'active' },
    ],
    allergies: ['Latex'],
  },
  {
    givenName: 'Ingrid',
    familyName: 'Solberg',
    birthDate: '1964-07-07',
    sex: 'female',
    weightKg: 59.9,
    heightCm: 163,
    conditions: [
      {
        text: 'Schizoaffective disorder',
        codeSystem: 'snomed',
        code: '68890003',
        clinicalStatus: 'active',
      },
    ],
    medications: [{ text: 'Quetiapine 200 mg', status: 'active' }],
    allergies: [],
  },
  {
    givenName: 'Kwame',
    familyName: 'Asante',
    birthDate: '1980-12-24',
    sex: 'male',
    weightKg: 81.3,
    heightCm: 177,
    conditions: [
      MDD,
      { text: 'Asthma', codeSystem: 'snomed', code: '195967001', clinicalStatus: 'active' },
    ],
    medications: [{ text: 'Theophylline ER 300 mg', status: 'active' }],
    allergies: [],
  },
  {
    givenName: 'Sofia',
    familyName: 'Marchetti',
    birthDate: '1993-05-01',
    sex: 'female',
    weightKg: 63.0,
    heightCm: 166,
    conditions: [
      {
        text: 'Generalized anxiety disorder',
        codeSystem: 'snomed',
        code: '21897009',
        clinicalStatus: 'active',
      },
    ],
    medications: [{ text: 'Lexapro 10 mg', status: 'active' }],
    allergies: [],
  },
  {
    givenName: 'Elias',
    familyName: 'Varga',
    birthDate: '1977-08-08',
    sex: 'male',
    weightKg: 95.4,
    heightCm: 183,
    conditions: [
      MDD,
      {
        text: 'Attention deficit hyperactivity disorder',
        codeSystem: 'snomed',
        code: '406506008',
        clinicalStatus: 'active',
      },
    ],
    medications: [{ text: 'Adderall XR 20 mg', status: 'active' }],
    allergies: [],
  },
  {
    givenName: 'Noor',
    familyName: 'Siddiqui',
    birthDate: '1985-11-11',
    sex: 'female',
    weightKg: 69.7,
    heightCm: 162,
    conditions: [MDD],
    medications: [{ text: 'Phenelzine 15 mg tid', status: 'active' }],
    allergies: [],
  },
  {
    givenName: 'Theo',
    familyName: 'Gallagher',
    birthDate: '2008-02-20',
    sex: 'male',
    weightKg: 58.1,
    heightCm: 172,
    conditions: [MDD],
    medications: [],
    allergies: [],
  },
];

export const DEMO_PASSWORD = 'ketaflow-demo';

export const DEMO_STAFF = [
  { email: 'admin@demo.ketaflow.test', role: 'admin', displayName: 'Dana Whitfield (admin)' },
  { email: 'prescriber@demo.ketaflow.test', role: 'prescriber', displayName: 'Dr. Imani Cole' },
  { email: 'prescriber2@demo.ketaflow.test', role: 'prescriber', displayName: 'Dr. Rafael Ortiz' },
  { email: 'nurse@demo.ketaflow.test', role: 'nurse', displayName: 'Nora Bell, RN' },
  { email: 'nurse2@demo.ketaflow.test', role: 'nurse', displayName: 'Luis Romero, RN' },
  { email: 'nurse3@demo.ketaflow.test', role: 'nurse', displayName: 'Mei Tanaka, RN' },
] as const;

export const DEMO_PATIENT_LOGIN = 'patient@demo.ketaflow.test';
