import type { Indication } from '../schema/indication';

/** In the seed's order; SNOMED CT codes only where known with confidence. */
export const indications: readonly Indication[] = [
  {
    id: 'depression',
    displayName: 'Depression',
    plainDescription:
      'Low mood, loss of interest and low energy that last for weeks and get in the way of daily life.',
    snomedCt: { code: '370143000', display: 'Major depressive disorder' },
    defaultOutcomeInstrument: 'phq-9',
    evidenceSummary:
      'The best-studied use. Most research gives 0.5 mg/kg over 40 minutes; a single dose has level-1 evidence, repeated courses less. In trials of 6 infusions, ketamine was not worse than ECT for non-psychotic treatment-resistant depression.',
    sources: ['SEED', 'S40', 'S45', 'S49', 'S50', 'S52', 'S53'],
  },
  {
    id: 'anxiety',
    displayName: 'Anxiety',
    plainDescription:
      'Worry, fear or tension that is hard to control and keeps coming back, often with a racing heart or poor sleep.',
    snomedCt: { code: '197480006', display: 'Anxiety disorder' },
    defaultOutcomeInstrument: 'gad-7',
    evidenceSummary:
      'No trial or guideline for IV ketamine in anxiety disorders was found in the reference; the protocol rests on the seed page alone.',
    sources: ['SEED'],
  },
  {
    id: 'ptsd',
    displayName: 'Post-traumatic stress disorder (PTSD)',
    plainDescription:
      'Distress that continues long after a frightening event: flashbacks, nightmares, avoiding reminders and feeling on edge.',
    snomedCt: { code: '47505003', display: 'Posttraumatic stress disorder' },
    defaultOutcomeInstrument: 'pcl-5',
    evidenceSummary:
      'Mixed: 6 infusions of 0.5 mg/kg over 2 weeks beat midazolam in one small trial, but a larger trial in veterans (8 infusions) found no effect on PTSD symptoms, only on depression.',
    sources: ['SEED', 'S54', 'S55', 'S57'],
  },
  {
    id: 'chronic-pain',
    displayName: 'Chronic pain',
    plainDescription: 'Pain that has lasted for three months or more.',
    snomedCt: { code: '82423001', display: 'Chronic pain' },
    defaultOutcomeInstrument: 'pain-nrs',
    evidenceSummary:
      'The ASRA/AAPM/ASA guideline finds moderate evidence for complex regional pain syndrome (up to 12 weeks) and weak or no evidence for most other pain conditions; outside CRPS there is no evidence of lasting benefit.',
    sources: ['SEED', 'S42', 'S43', 'S44'],
  },
  {
    id: 'bipolar-disorder',
    displayName: 'Bipolar disorder',
    plainDescription:
      'A condition with periods of low mood and periods of unusually high energy or mood (mania or hypomania).',
    snomedCt: { code: '13746004', display: 'Bipolar disorder' },
    evidenceSummary:
      'Studied for bipolar depression as a single 0.5 mg/kg infusion added to lithium or valproate; most patients responded at some point, and a switch into mania was seen in both arms.',
    sources: ['SEED', 'S51'],
  },
  {
    id: 'suicidal-ideation',
    displayName: 'Suicidal thoughts',
    plainDescription:
      'Thinking about ending your life. If you are in danger now, call emergency services.',
    snomedCt: { code: '6471006', display: 'Suicidal thoughts' },
    evidenceSummary:
      'Esketamine nasal spray is FDA-labelled for depressive symptoms with acute suicidal ideation or behaviour (with an oral antidepressant). IV ketamine trials exist, but no regimen was confirmed in the reference.',
    sources: ['SEED', 'S14', 'S25'],
  },
  {
    id: 'ocd',
    displayName: 'Obsessive-compulsive disorder (OCD)',
    plainDescription:
      'Unwanted, repeated thoughts (obsessions) and urges to do things over and over (compulsions).',
    snomedCt: { code: '191736004', display: 'Obsessive-compulsive disorder' },
    evidenceSummary:
      'One small crossover trial (single 0.5 mg/kg infusion, medication-free patients) found a response in half at one week; an open-label study in refractory OCD found none.',
    sources: ['SEED', 'S58', 'S59'],
  },
  {
    id: 'substance-use-disorder',
    displayName: 'Substance use disorder',
    plainDescription:
      'Ongoing use of alcohol or drugs despite harm, with cravings and difficulty cutting down.',
    evidenceSummary:
      'No IV ketamine regimen for substance use disorder was found in the reference. Active substance abuse is itself a caution for serial ketamine infusions in the pain guideline.',
    sources: ['SEED', 'S43'],
  },
  {
    id: 'migraine',
    displayName: 'Migraine',
    plainDescription:
      'Repeated, often one-sided, throbbing headaches that can come with nausea and sensitivity to light and sound.',
    snomedCt: { code: '37796009', display: 'Migraine' },
    defaultOutcomeInstrument: 'pain-nrs',
    evidenceSummary:
      'Reported mainly for refractory chronic migraine as multi-day inpatient infusions (start 0.1 mg/kg/h, up to 1 mg/kg/h). The pain guideline rates evidence for headache as weak or absent.',
    sources: ['SEED', 'S43', 'S60', 'S62'],
  },
  {
    id: 'fibromyalgia',
    displayName: 'Fibromyalgia',
    plainDescription:
      'Widespread pain and tenderness with tiredness, poor sleep and trouble concentrating.',
    snomedCt: { code: '203082005', display: 'Fibromyalgia' },
    defaultOutcomeInstrument: 'pain-nrs',
    evidenceSummary:
      'A randomised trial found relief only during and just after the infusion, with no difference from midazolam later on; the pain guideline rates the evidence as weak or absent.',
    sources: ['SEED', 'S43', 'S63', 'S64'],
  },
];
