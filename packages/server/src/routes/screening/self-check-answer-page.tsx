// tsx runs the server from the repository root, where no tsconfig sets the JSX runtime.
/* @jsxRuntime automatic */
import { emergencyActions, supportActions, type SelfScreeningValues } from '@ketaflow/core';
import type { EducationPage } from '../education/render';
import { Intro, META, SelfCheckForm } from './self-check-page';
import type { SelfScreeningAnswer } from './self-screening';

/** How much a reason weighs, in words for the person rather than a clinical severity. */
const REASON_WEIGHTS: Readonly<Record<string, string>> = {
  critical: 'Usually rules it out',
  warning: 'For a clinician to judge',
  info: 'Good to know',
};

/** The answer to a plain form, with the questions again below it to change the answers. */
export function selfCheckAnswerPage(
  answer: SelfScreeningAnswer,
  values: SelfScreeningValues,
): EducationPage {
  return {
    meta: META,
    body: ({ kb, clinicName }) => {
      const phone = kb.clinic.branding?.contact.phone ?? null;
      const crisis = kb.crisisResources.resources;
      const support = supportActions(crisis, true);
      return (
        <>
          <Intro />
          <section
            aria-labelledby="answer-heading"
            className={`answer answer-${answer.outcome}`}
            data-outcome={answer.outcome}
          >
            <h2 id="answer-heading">{answer.title}</h2>
            <p>{answer.message}</p>
            {answer.reasons.length === 0 ? null : (
              <>
                <h3>What in your answers led to this</h3>
                <ul aria-label="Reasons">
                  {answer.reasons.map((reason) => (
                    <li key={`${reason.severity}:${reason.summary}`}>
                      {REASON_WEIGHTS[reason.severity] === undefined ? null : (
                        <span className={`badge badge-${reason.severity}`}>
                          {REASON_WEIGHTS[reason.severity]}
                        </span>
                      )}{' '}
                      {reason.summary}
                    </li>
                  ))}
                </ul>
              </>
            )}
            {answer.checkAtConsult.length === 0 ? null : (
              <>
                <h3>To be checked at your consult</h3>
                <ul aria-label="To be checked at your consult">
                  {answer.checkAtConsult.map((item) => (
                    <li key={item}>{item}</li>
                  ))}
                </ul>
              </>
            )}
            {answer.alternatives.map((alt) => (
              <section key={alt.indicationId} aria-labelledby={`alternatives-${alt.indicationId}`}>
                <h3 id={`alternatives-${alt.indicationId}`}>
                  Other treatments to discuss with your doctor
                </h3>
                {alt.urgent ? (
                  <p className="alert" data-crisis="alternatives">
                    If you might act on thoughts of harming yourself,{' '}
                    {emergencyActions(crisis, true)} now.
                    {support === '' ? null : ` You can also ${support}.`}
                  </p>
                ) : null}
                <ul aria-label="Medicines to discuss">
                  {alt.medications.map((m) => (
                    <li key={m.generic}>
                      <strong>{m.generic}</strong>
                      {m.brands.length > 0 ? ` (${m.brands.join(', ')})` : ''}
                      <span className="muted"> · {m.drugClass}</span>
                      {m.caution === undefined ? null : (
                        <>
                          <br />
                          <span className="muted">{m.caution}</span>
                        </>
                      )}
                    </li>
                  ))}
                  {alt.medicationClasses.map((c) => (
                    <li key={c}>{c}</li>
                  ))}
                </ul>
                <ul aria-label="Options without medicine">
                  {alt.nonDrugOptions.map((o) => (
                    <li key={o}>{o}</li>
                  ))}
                </ul>
                {alt.note === undefined ? null : <p className="muted">{alt.note}</p>}
              </section>
            ))}
            <p>
              To go on, book a video consult with {clinicName}
              {phone === null ? '' : `, or call ${phone}`}. Booking online and creating an account
              need JavaScript.
            </p>
            <p className="muted">
              This check is not a diagnosis and not medical advice. Nothing you entered was stored.
              Knowledge base {answer.knowledgeVersion}.
            </p>
          </section>
          <h2>Change your answers</h2>
          <SelfCheckForm kb={kb} values={values} errors={{}} />
        </>
      );
    },
  };
}
