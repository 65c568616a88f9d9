import type { InstrumentDefinition } from '../knowledge/schema/outcome-instrument';
import type { ScoredResponse } from './score-response';

/** FHIR R4 Coding (https://hl7.org/fhir/R4/datatypes.html#Coding). */
export interface Coding {
  readonly system: string;
  readonly code: string;
  readonly display?: string;
}

/** FHIR R4 CodeableConcept. */
export interface CodeableConcept {
  readonly coding?: readonly Coding[];
  readonly text?: string;
}

/** FHIR R4 Reference. */
export interface Reference {
  readonly reference: string;
  readonly display?: string;
}

/** FHIR R4 Observation, the fields KetaFlow fills (https://hl7.org/fhir/R4/observation.html). */
export interface Observation {
  readonly resourceType: 'Observation';
  readonly id?: string;
  readonly status: 'final';
  readonly category: readonly CodeableConcept[];
  readonly code: CodeableConcept;
  readonly subject: Reference;
  readonly effectiveDateTime: string;
  readonly valueInteger: number;
  readonly interpretation?: readonly CodeableConcept[];
  readonly derivedFrom?: readonly Reference[];
}

/** FHIR R4 QuestionnaireResponse answer. */
export interface QuestionnaireResponseAnswer {
  readonly valueCoding?: Coding;
  readonly valueInteger?: number;
}

/** FHIR R4 QuestionnaireResponse (https://hl7.org/fhir/R4/questionnaireresponse.html). */
export interface QuestionnaireResponse {
  readonly resourceType: 'QuestionnaireResponse';
  readonly id?: string;
  readonly questionnaire: string;
  readonly status: 'completed';
  readonly subject: Reference;
  readonly authored: string;
  readonly item: readonly {
    readonly linkId: string;
    readonly text: string;
    readonly answer: readonly QuestionnaireResponseAnswer[];
  }[];
}

export const LOINC = 'http://loinc.org';
/** KetaFlow's own codes for totals without a LOINC code (the clinic's custom forms). */
export const KETAFLOW_SCORE_SYSTEM = 'https://ketaflow.org/fhir/CodeSystem/score';
/** Canonical base of KetaFlow's Questionnaire resources. */
export const KETAFLOW_QUESTIONNAIRE_BASE = 'https://ketaflow.org/fhir/Questionnaire/';
const SURVEY: CodeableConcept = {
  coding: [
    {
      system: 'http://terminology.hl7.org/CodeSystem/observation-category',
      code: 'survey',
      display: 'Survey',
    },
  ],
};

export interface FhirContext {
  /** `Patient/<id>`. */
  readonly subject: Reference;
  /** When the scale was filled in (ISO 8601 date-time). */
  readonly effectiveDateTime: string;
  readonly id?: string;
  /** The QuestionnaireResponse the total came from, e.g. `QuestionnaireResponse/<id>`. */
  readonly questionnaireResponse?: Reference;
}

function totalCode(instrument: InstrumentDefinition): CodeableConcept {
  const text = `${instrument.shortName} total score`;
  if (instrument.loinc !== undefined)
    return {
      coding: [
        { system: LOINC, code: instrument.loinc.total, display: instrument.loinc.totalDisplay },
      ],
      text,
    };
  return {
    coding: [{ system: KETAFLOW_SCORE_SYSTEM, code: `${instrument.id}-total`, display: text }],
    text,
  };
}

/**
 * A scored response as a FHIR R4 Observation (category `survey`, the total as `valueInteger`,
 * LOINC 44261-6 for the PHQ-9, 70274-6 for the GAD-7, 72514-3 for the pain NRS, 101698-9 for the
 * PCL-5; custom forms carry KetaFlow's own code). The band, when
 * there is one, is the interpretation text. A pure JSON object: no I/O.
 */
export function toFhirObservation(
  instrument: InstrumentDefinition,
  scored: ScoredResponse,
  context: FhirContext,
): Observation {
  return {
    resourceType: 'Observation',
    ...(context.id === undefined ? {} : { id: context.id }),
    status: 'final',
    category: [SURVEY],
    code: totalCode(instrument),
    subject: context.subject,
    effectiveDateTime: context.effectiveDateTime,
    valueInteger: scored.total,
    ...(scored.band === null ? {} : { interpretation: [{ text: scored.band.label }] }),
    ...(context.questionnaireResponse === undefined
      ? {}
      : { derivedFrom: [context.questionnaireResponse] }),
  };
}

/**
 * The answers as a FHIR R4 QuestionnaireResponse: one item per question (`linkId` = item id),
 * answered with the LOINC answer code where the instrument has one (PHQ-9, GAD-7), else with
 * the score as `valueInteger`.
 */
export function toFhirQuestionnaireResponse(
  instrument: InstrumentDefinition,
  scored: ScoredResponse,
  context: Omit<FhirContext, 'questionnaireResponse'>,
): QuestionnaireResponse {
  const byId = new Map(scored.items.map((i) => [i.itemId, i]));
  return {
    resourceType: 'QuestionnaireResponse',
    ...(context.id === undefined ? {} : { id: context.id }),
    questionnaire: `${KETAFLOW_QUESTIONNAIRE_BASE}${instrument.id}`,
    status: 'completed',
    subject: context.subject,
    authored: context.effectiveDateTime,
    item: instrument.items.flatMap((item) => {
      const answered = byId.get(item.id);
      if (answered === undefined) return [];
      const option = item.options.find((o) => o.score === answered.score);
      const answer: QuestionnaireResponseAnswer =
        option?.loinc === undefined
          ? { valueInteger: answered.score }
          : { valueCoding: { system: LOINC, code: option.loinc, display: option.label } };
      return [{ linkId: item.id, text: item.text, answer: [answer] }];
    }),
  };
}
