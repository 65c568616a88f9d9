/**
 * Scoring cases kept as data, each with its arithmetic and the source of the rule. The
 * reference has no published answer-by-answer worked example, so each case applies the published
 * rule (sum of item scores; bands) to answers written out in full.
 */
export interface ScoringCase {
  readonly name: string;
  readonly instrument: 'phq-9' | 'gad-7' | 'pcl-5' | 'pain-nrs';
  /** Scores in item order. */
  readonly scores: readonly number[];
  readonly total: number;
  readonly band: string | null;
  readonly arithmetic: string;
  readonly sources: readonly string[];
}

export const SCORING_CASES: readonly ScoringCase[] = [
  {
    name: 'PHQ-9 all "not at all"',
    instrument: 'phq-9',
    scores: [0, 0, 0, 0, 0, 0, 0, 0, 0],
    total: 0,
    band: 'minimal',
    arithmetic: '9 x 0 = 0; 0-4 minimal',
    sources: ['S107', 'S108'],
  },
  {
    name: 'PHQ-9 all "nearly every day"',
    instrument: 'phq-9',
    scores: [3, 3, 3, 3, 3, 3, 3, 3, 3],
    total: 27,
    band: 'severe',
    arithmetic: '9 x 3 = 27, the maximum; 20-27 severe',
    sources: ['S107', 'S108'],
  },
  {
    name: 'PHQ-9 at the major-depression cut (10)',
    instrument: 'phq-9',
    scores: [2, 2, 1, 1, 1, 1, 1, 1, 0],
    total: 10,
    band: 'moderate',
    arithmetic: '2+2+1+1+1+1+1+1+0 = 10; 10-14 moderate; 10 or more detects MDD (88%/88%)',
    sources: ['S107', 'S109'],
  },
  {
    name: 'PHQ-9 "several days" on every item',
    instrument: 'phq-9',
    scores: [1, 1, 1, 1, 1, 1, 1, 1, 1],
    total: 9,
    band: 'mild',
    arithmetic: '9 x 1 = 9; 5-9 mild',
    sources: ['S108', 'S109'],
  },
  {
    name: 'PHQ-9 moderately severe',
    instrument: 'phq-9',
    scores: [3, 3, 2, 2, 2, 2, 2, 1, 0],
    total: 17,
    band: 'moderately-severe',
    arithmetic: '3+3+2+2+2+2+2+1+0 = 17; 15-19 moderately severe',
    sources: ['S108', 'S109'],
  },
  {
    name: 'GAD-7 at the evaluation cut (10)',
    instrument: 'gad-7',
    scores: [2, 2, 2, 1, 1, 1, 1],
    total: 10,
    band: 'moderate',
    arithmetic: '2+2+2+1+1+1+1 = 10; 10-14 moderate; 10 or more warrants evaluation',
    sources: ['S113', 'S114'],
  },
  {
    name: 'GAD-7 maximum',
    instrument: 'gad-7',
    scores: [3, 3, 3, 3, 3, 3, 3],
    total: 21,
    band: 'severe',
    arithmetic: '7 x 3 = 21; 15-21 severe',
    sources: ['S113', 'S114'],
  },
  {
    name: 'PCL-5 "moderately" on every item',
    instrument: 'pcl-5',
    scores: Array.from({ length: 20 }, () => 2),
    total: 40,
    band: null,
    arithmetic: '20 x 2 = 40; no validated bands',
    sources: ['S115', 'S116'],
  },
  {
    name: 'PCL-5 maximum',
    instrument: 'pcl-5',
    scores: Array.from({ length: 20 }, () => 4),
    total: 80,
    band: null,
    arithmetic: '20 x 4 = 80, the maximum',
    sources: ['S115', 'S116'],
  },
  {
    name: 'Pain NRS 7',
    instrument: 'pain-nrs',
    scores: [7],
    total: 7,
    band: null,
    arithmetic: 'single item, total = answer; no bands in the reference',
    sources: ['S119'],
  },
];
