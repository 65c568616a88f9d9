import type {
  AnswerOption,
  InstrumentItem,
  StandardInstrument,
} from '../schema/outcome-instrument';
import { pcl5 } from './outcome-instrument-pcl5';

/**
 * PHQ-9, GAD-7 and the pain NRS (reference section 7).
 *
 * Wording: the PHQ-9 and GAD-7 questions keep their official wording. Their scores, bands and
 * cut-points were validated on that wording and the LOINC question codes name it, so a rewording
 * would be a new, unvalidated scale; Pfizer lets anyone reproduce and use them at no charge
 * [S112]. The pain NRS has no official wording; its question is KetaFlow's own.
 */

/** The four PHQ answers (same for the GAD-7), scored 0-3, with their LOINC answer codes. */
const FREQUENCY: readonly AnswerOption[] = [
  { score: 0, label: 'Not at all', loinc: 'LA6568-5' },
  { score: 1, label: 'Several days', loinc: 'LA6569-3' },
  { score: 2, label: 'More than half the days', loinc: 'LA6570-1' },
  { score: 3, label: 'Nearly every day', loinc: 'LA6571-9' },
];

function frequencyItem(
  prefix: string,
  n: number,
  loinc: string,
  text: string,
  extra: Partial<Pick<InstrumentItem, 'safety'>> = {},
): InstrumentItem {
  return { id: `${prefix}-${n}`, text, options: FREQUENCY, loinc, ...extra };
}

export const phq9: StandardInstrument = {
  id: 'phq-9',
  kind: 'standard',
  name: 'Patient Health Questionnaire-9',
  shortName: 'PHQ-9',
  instructions:
    'Over the last 2 weeks, how often have you been bothered by any of the following problems?',
  items: [
    frequencyItem('phq9', 1, '44250-9', 'Little interest or pleasure in doing things'),
    frequencyItem('phq9', 2, '44255-8', 'Feeling down, depressed, or hopeless'),
    frequencyItem('phq9', 3, '44259-0', 'Trouble falling or staying asleep, or sleeping too much'),
    frequencyItem('phq9', 4, '44254-1', 'Feeling tired or having little energy'),
    frequencyItem('phq9', 5, '44251-7', 'Poor appetite or overeating'),
    frequencyItem(
      'phq9',
      6,
      '44258-2',
      'Feeling bad about yourself - or that you are a failure or have let yourself or your family down',
    ),
    frequencyItem(
      'phq9',
      7,
      '44252-5',
      'Trouble concentrating on things, such as reading the newspaper or watching television',
    ),
    frequencyItem(
      'phq9',
      8,
      '44253-3',
      'Moving or speaking so slowly that other people could have noticed? Or the opposite - being so fidgety or restless that you have been moving around a lot more than usual',
    ),
    frequencyItem(
      'phq9',
      9,
      '44260-8',
      'Thoughts that you would be better off dead or of hurting yourself in some way',
      { safety: 'suicidal-thoughts' },
    ),
  ],
  bands: [
    { id: 'minimal', label: 'Minimal or none', min: 0, max: 4 },
    { id: 'mild', label: 'Mild', min: 5, max: 9 },
    { id: 'moderate', label: 'Moderate', min: 10, max: 14 },
    { id: 'moderately-severe', label: 'Moderately severe', min: 15, max: 19 },
    { id: 'severe', label: 'Severe', min: 20, max: 27 },
  ],
  bandsNote:
    'Bands from Kroenke 2001 as given in scoring keys [S108][S109]. A total of 10 or more detects major depression with 88% sensitivity and 88% specificity [S107]. Any answer above 0 on item 9 needs follow-up whatever the total [S108].',
  loinc: {
    panel: '44249-1',
    total: '44261-6',
    totalDisplay: 'Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]',
  },
  wording: 'official',
  licence:
    'Free to reproduce and use at no charge (Pfizer, 2010) [S112]. The optional difficulty question is not scored and is not included.',
  sources: ['S107', 'S108', 'S109', 'S112'],
};

export const gad7: StandardInstrument = {
  id: 'gad-7',
  kind: 'standard',
  name: 'Generalized Anxiety Disorder 7-item scale',
  shortName: 'GAD-7',
  instructions:
    'Over the last 2 weeks, how often have you been bothered by the following problems?',
  items: [
    frequencyItem('gad7', 1, '69725-0', 'Feeling nervous, anxious, or on edge'),
    frequencyItem('gad7', 2, '68509-9', 'Not being able to stop or control worrying'),
    frequencyItem('gad7', 3, '69733-4', 'Worrying too much about different things'),
    frequencyItem('gad7', 4, '69734-2', 'Trouble relaxing'),
    frequencyItem('gad7', 5, '69735-9', 'Being so restless that it is hard to sit still'),
    frequencyItem('gad7', 6, '69689-8', 'Becoming easily annoyed or irritable'),
    frequencyItem('gad7', 7, '69736-7', 'Feeling afraid, as if something awful might happen'),
  ],
  bands: [
    { id: 'minimal', label: 'Minimal', min: 0, max: 4 },
    { id: 'mild', label: 'Mild', min: 5, max: 9 },
    { id: 'moderate', label: 'Moderate', min: 10, max: 14 },
    { id: 'severe', label: 'Severe', min: 15, max: 21 },
  ],
  bandsNote:
    'Bands from Spitzer 2006 [S113][S114]. A total of 10 or more is the cut for further evaluation (sensitivity 89%, specificity 82% for GAD) [S113].',
  loinc: {
    panel: '69737-5',
    total: '70274-6',
    totalDisplay: 'Generalized anxiety disorder 7 item (GAD-7) total score [Reported.PHQ]',
  },
  wording: 'official',
  licence: 'Free to reproduce and use at no charge (Pfizer, 2010) [S112].',
  sources: ['S112', 'S113', 'S114'],
};

export const painNrs: StandardInstrument = {
  id: 'pain-nrs',
  kind: 'standard',
  name: 'Pain intensity numeric rating scale (0-10)',
  shortName: 'Pain NRS',
  instructions: 'Choose the number that best describes your pain, from 0 (no pain) to 10 (worst).',
  items: [
    {
      id: 'pain-nrs-1',
      text: 'How strong is your pain?',
      options: Array.from({ length: 11 }, (_, score) => ({
        score,
        label: score === 0 ? '0 - no pain' : score === 10 ? '10 - worst pain' : String(score),
      })),
      loinc: '72514-3',
    },
  ],
  bands: [],
  bandsNote:
    'The reference gives no severity bands for the pain NRS, so none are shown. IMMPACT suggests a baseline of 4 or more as a trial inclusion threshold [S121]; that is not a band.',
  loinc: {
    total: '72514-3',
    totalDisplay: 'Pain severity - 0-10 verbal numeric rating [Score] - Reported',
  },
  wording: 'own-words',
  licence: 'A generic 11-point scale; no owner was found [S119].',
  sources: ['S119', 'S121'],
};

/** The built-in instruments, in `OUTCOME_INSTRUMENTS` order. */
export const standardInstruments: readonly StandardInstrument[] = [phq9, gad7, pcl5, painNrs];
