import type {
  AnswerOption,
  InstrumentItem,
  StandardInstrument,
} from '../schema/outcome-instrument';

/**
 * PCL-5 (reference section 7). Official wording: the VA National Center for PTSD made it and it is
 * in the public domain [S115]; its cut-points were validated on this wording. The total is LOINC
 * 101698-9 in panel 101697-1 [S158][S159], read from two copies of the LOINC table (loinc.org
 * itself was not reachable); the items have no LOINC answer codes, so answers export as integers.
 */
const BOTHER: readonly AnswerOption[] = [
  { score: 0, label: 'Not at all' },
  { score: 1, label: 'A little bit' },
  { score: 2, label: 'Moderately' },
  { score: 3, label: 'Quite a bit' },
  { score: 4, label: 'Extremely' },
];

/** DSM-5 clusters: B items 1-5, C items 6-7, D items 8-14, E items 15-20 [S116][S117]. */
function clusterOf(n: number): string {
  if (n <= 5) return 'B';
  if (n <= 7) return 'C';
  if (n <= 14) return 'D';
  return 'E';
}

const TEXTS = [
  'Repeated, disturbing, and unwanted memories of the stressful experience?',
  'Repeated, disturbing dreams of the stressful experience?',
  'Suddenly feeling or acting as if the stressful experience were actually happening again (as if you were actually back there reliving it)?',
  'Feeling very upset when something reminded you of the stressful experience?',
  'Having strong physical reactions when something reminded you of the stressful experience (for example, heart pounding, trouble breathing, sweating)?',
  'Avoiding memories, thoughts, or feelings related to the stressful experience?',
  'Avoiding external reminders of the stressful experience (for example, people, places, conversations, activities, objects, or situations)?',
  'Trouble remembering important parts of the stressful experience?',
  'Having strong negative beliefs about yourself, other people, or the world (for example, having thoughts such as: I am bad, there is something seriously wrong with me, no one can be trusted, the world is completely dangerous)?',
  'Blaming yourself or someone else for the stressful experience or what happened after it?',
  'Having strong negative feelings such as fear, horror, anger, guilt, or shame?',
  'Loss of interest in activities that you used to enjoy?',
  'Feeling distant or cut off from other people?',
  'Trouble experiencing positive feelings (for example, being unable to feel happiness or have loving feelings for people close to you)?',
  'Irritable behavior, angry outbursts, or acting aggressively?',
  'Taking too many risks or doing things that could cause you harm?',
  'Being "superalert" or watchful or on guard?',
  'Feeling jumpy or easily startled?',
  'Having difficulty concentrating?',
  'Trouble falling or staying asleep?',
] as const;

const items: InstrumentItem[] = TEXTS.map((text, index) => ({
  id: `pcl5-${index + 1}`,
  text,
  options: BOTHER,
  cluster: clusterOf(index + 1),
}));

export const pcl5: StandardInstrument = {
  id: 'pcl-5',
  kind: 'standard',
  name: 'PTSD Checklist for DSM-5',
  shortName: 'PCL-5',
  instructions:
    'Below is a list of problems that people sometimes have in response to a very stressful experience. In the past month, how much were you bothered by:',
  items,
  bands: [],
  bandsNote:
    'No validated severity bands exist [S116]. A provisional cut-point of 31-33 suggests probable PTSD; 38 was suggested earlier and psychiatric outpatients may need about 45 [S116][S117][S118]. A provisional DSM-5 diagnosis counts items rated 2 or more: at least 1 B, 1 C, 2 D and 2 E [S116][S117].',
  loinc: {
    panel: '101697-1',
    total: '101698-9',
    totalDisplay: 'PTSD PCL-5 score [PCL-5]',
  },
  wording: 'official',
  licence: 'Public domain: made by staff of the US Department of Veterans Affairs [S115].',
  sources: ['S115', 'S116', 'S117', 'S118', 'S158', 'S159'],
};
