// tsx runs the server from the repository root, where no tsconfig sets the JSX runtime.
/* @jsxRuntime automatic */
import {
  breastfeedingChoices,
  conditionsAnswerChoices,
  conditionsQuestionHint,
  INDICATION_IDS,
  initialSelfScreeningValues,
  pregnancyChoices,
  productChoices,
  SCREENING_PRODUCTS,
  sexChoices,
  type KnowledgeBase,
  type SelfScreeningChoice,
  type SelfScreeningValues,
} from '@ketaflow/core';
import type { EducationPage } from '../education/render';
import { conditionQuestions } from './self-screening';

/**
 * What the plain form sends (application/x-www-form-urlencoded, parsed): one or more strings per
 * name. Anything else a client posts (JSON numbers, objects) is read as no answer.
 */
export type FormFields = Readonly<Record<string, unknown>>;

/** The fields the form shows errors on, in page order (for the error summary). */
const FIELD_LABELS: Readonly<Record<string, string>> = {
  indication: 'What would you like treatment for?',
  age: 'Your age',
  sex: 'Sex',
  conditions: 'Conditions a doctor has told you about',
  otherConditions: 'Other health conditions',
  medications: 'Medicines you take now',
  systolic: 'Top number (systolic)',
  diastolic: 'Bottom number (diastolic)',
};

const all = (fields: FormFields, name: string): string[] => {
  const value = fields[name];
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
};
const first = (fields: FormFields, name: string): string => (all(fields, name)[0] ?? '').trim();
const oneOf = <V extends string>(value: string, allowed: readonly V[], otherwise: V | '') =>
  (allowed as readonly string[]).includes(value) ? (value as V) : otherwise;
/** A whole number as a number; anything else stays text, for the check to name. */
const numeric = (value: string): number | string =>
  /^\d{1,4}$/.test(value) ? Number(value) : value;
/** A text area's lines, one answer each. */
const lines = (fields: FormFields, name: string): string[] =>
  all(fields, name)
    .flatMap((text) => text.split(/\r?\n/))
    .map((line) => line.trim())
    .filter((line) => line !== '');

/** The plain form's fields as the questionnaire's values (what the web form holds). */
export function readSelfCheckForm(fields: FormFields): SelfScreeningValues {
  return {
    indication: oneOf(first(fields, 'indication'), INDICATION_IDS, ''),
    product: oneOf(first(fields, 'product'), [...SCREENING_PRODUCTS, 'unsure'], '') || 'unsure',
    age: numeric(first(fields, 'age')),
    sex: oneOf(
      first(fields, 'sex'),
      sexChoices.map((c) => c.value),
      '',
    ),
    pregnancy: oneOf(
      first(fields, 'pregnancy'),
      pregnancyChoices.map((c) => c.value),
      '',
    ),
    breastfeeding: oneOf(
      first(fields, 'breastfeeding'),
      breastfeedingChoices.map((c) => c.value),
      '',
    ),
    conditions: all(fields, 'conditions').map((code) => code.trim()),
    otherConditions: lines(fields, 'otherConditions'),
    medications: lines(fields, 'medications'),
    systolic: numeric(first(fields, 'systolic')),
    diastolic: numeric(first(fields, 'diastolic')),
  };
}

function ErrorText({ id, message }: { id: string; message: string | undefined }) {
  return message === undefined ? null : (
    <p className="field-error" id={`${id}-error`}>
      {message}
    </p>
  );
}

/** Attributes that tie a control to its error, when it has one. */
const invalidProps = (id: string, message: string | undefined) =>
  message === undefined ? {} : { 'aria-invalid': true as const, 'aria-describedby': `${id}-error` };

function RadioGroup<V extends string>(props: {
  name: string;
  legend: string;
  hint?: string;
  choices: readonly SelfScreeningChoice<V>[];
  value: string;
  required?: boolean;
  error?: string | undefined;
}) {
  const { name, choices, value, error } = props;
  return (
    <fieldset id={`check-${name}`} {...invalidProps(`check-${name}`, error)}>
      <legend>{props.legend}</legend>
      {props.hint === undefined ? null : <p className="muted">{props.hint}</p>}
      <ErrorText id={`check-${name}`} message={error} />
      {choices.map((choice) => (
        <label key={choice.value} className="choice">
          <input
            type="radio"
            name={name}
            value={choice.value}
            defaultChecked={value === choice.value}
            required={props.required}
          />{' '}
          {choice.label}
        </label>
      ))}
    </fieldset>
  );
}

/** A whole-number answer with its label and, when it has one, its error. */
function NumberField(props: {
  name: string;
  label: string;
  value: number | string;
  error: string | undefined;
  min?: number;
  max?: number;
  required?: boolean;
}) {
  const id = `check-${props.name}`;
  return (
    <>
      <label htmlFor={id}>{props.label}</label>
      <ErrorText id={id} message={props.error} />
      <input
        id={id}
        name={props.name}
        type="number"
        inputMode="numeric"
        min={props.min}
        max={props.max}
        step={1}
        required={props.required}
        defaultValue={String(props.value)}
        {...invalidProps(id, props.error)}
      />
    </>
  );
}

/** A list answered one item per line. */
function LinesField(props: {
  name: string;
  label: string;
  hint: string;
  lines: readonly string[];
  rows: number;
  error: string | undefined;
}) {
  const id = `check-${props.name}`;
  return (
    <>
      <label htmlFor={id}>{props.label}</label>
      <p className="muted" id={`${id}-hint`}>
        {props.hint}
      </p>
      <ErrorText id={id} message={props.error} />
      <textarea
        id={id}
        name={props.name}
        rows={props.rows}
        defaultValue={props.lines.join('\n')}
        aria-describedby={`${id}-hint`}
      />
    </>
  );
}

/** The questionnaire as a plain form: it posts to `/check` and the server answers with a page. */
export function SelfCheckForm(props: {
  kb: KnowledgeBase;
  values: SelfScreeningValues;
  errors: Readonly<Record<string, string>>;
}) {
  const { kb, values, errors } = props;
  return (
    <form method="post" action="/check" className="static-form" aria-label="Your answers">
      <label htmlFor="check-indication">What would you like treatment for?</label>
      <ErrorText id="check-indication" message={errors.indication} />
      <select
        id="check-indication"
        name="indication"
        required
        defaultValue={values.indication}
        {...invalidProps('check-indication', errors.indication)}
      >
        <option value="">Choose one</option>
        {kb.indications.map((i) => (
          <option key={i.id} value={i.id}>
            {i.displayName}
          </option>
        ))}
      </select>

      <RadioGroup
        name="product"
        legend="Which treatment are you asking about?"
        choices={productChoices}
        value={values.product}
      />

      <NumberField
        name="age"
        label="Your age, in years"
        value={values.age}
        error={errors.age}
        min={1}
        max={120}
        required
      />

      <RadioGroup
        name="sex"
        legend="Sex"
        choices={sexChoices}
        value={values.sex}
        required
        error={errors.sex}
      />
      <RadioGroup
        name="pregnancy"
        legend="Are you pregnant, or could you be?"
        hint="Leave this and the next question empty if you are male."
        choices={pregnancyChoices}
        value={values.pregnancy}
      />
      <RadioGroup
        name="breastfeeding"
        legend="Are you breastfeeding?"
        choices={breastfeedingChoices}
        value={values.breastfeeding}
      />

      <fieldset id="check-conditions" {...invalidProps('check-conditions', errors.conditions)}>
        <legend>Has a doctor ever told you that you have any of these?</legend>
        <p className="muted">{conditionsQuestionHint}</p>
        <ErrorText id="check-conditions" message={errors.conditions} />
        {[
          ...conditionQuestions(kb).map((c) => ({ value: c.code, label: c.label })),
          ...conditionsAnswerChoices,
        ].map((c) => (
          <label key={c.value} className="choice">
            <input
              type="checkbox"
              name="conditions"
              value={c.value}
              defaultChecked={values.conditions.includes(c.value)}
            />{' '}
            {c.label}
          </label>
        ))}
      </fieldset>

      <LinesField
        name="otherConditions"
        label="Other health conditions"
        hint="Optional. One per line."
        lines={values.otherConditions}
        rows={3}
        error={errors.otherConditions}
      />
      <LinesField
        name="medications"
        label="Medicines you take now"
        hint="Optional. One per line, as the box or prescription names it; brand names are fine and the dose is not needed."
        lines={values.medications}
        rows={4}
        error={errors.medications}
      />

      <fieldset>
        <legend>Your blood pressure, if you know it</legend>
        <p className="muted">
          Optional. A reading from the last month, for example from a pharmacy or a home monitor.
        </p>
        <NumberField
          name="systolic"
          label="Top number (systolic), mmHg"
          value={values.systolic}
          error={errors.systolic}
        />
        <NumberField
          name="diastolic"
          label="Bottom number (diastolic), mmHg"
          value={values.diastolic}
          error={errors.diastolic}
        />
      </fieldset>

      <button type="submit">See my answer</button>
    </form>
  );
}

export const META = {
  title: 'Could ketamine treatment suit you?',
  description:
    'A few questions about your health; the answer says whether ketamine treatment may suit you or what a clinician would look at. Not a diagnosis; nothing is stored.',
  path: '/check',
};

export function Intro() {
  return (
    <>
      <h1>Could ketamine treatment suit you?</h1>
      <p className="lead">
        A few questions about your health, in about two minutes. The answer says whether the
        treatment may suit you, or what a clinician would need to look at. It is not a diagnosis,
        and nothing you enter is stored.
      </p>
    </>
  );
}

/** `/check` as a page: the questions, with the errors of a form that did not pass, if any. */
export function selfCheckFormPage(
  values: SelfScreeningValues = initialSelfScreeningValues,
  errors: Readonly<Record<string, string>> = {},
): EducationPage {
  const named = Object.keys(FIELD_LABELS).filter((field) => errors[field] !== undefined);
  return {
    meta: META,
    body: ({ kb }) => (
      <>
        <Intro />
        {named.length === 0 ? null : (
          <div className="alert" role="alert" aria-labelledby="check-errors">
            <h2 id="check-errors">Some answers need another look</h2>
            <ul>
              {named.map((field) => (
                <li key={field}>
                  <a href={`#check-${field}`}>
                    {FIELD_LABELS[field]}: {errors[field]}
                  </a>
                </li>
              ))}
            </ul>
          </div>
        )}
        <SelfCheckForm kb={kb} values={values} errors={errors} />
      </>
    ),
  };
}
