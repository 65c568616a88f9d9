// tsx runs the server from the repository root, where no tsconfig sets the JSX runtime.
/* @jsxRuntime automatic */
import { formatMoneyRange, type CourseEstimate, type EstimateLine } from '@ketaflow/core';
import { costsOverview } from '../../costs/overview';
import { Cite } from '../citations';
import type { EducationPage } from '../render';

const LINE_TITLES = { consult: 'Consultation', infusions: 'Infusion course' } as const;

function Line({ line }: { line: EstimateLine }) {
  return (
    <>
      <dt>
        {LINE_TITLES[line.kind]}
        {line.unitPrice.basis === 'clinic' ? null : <span className="badge">Ask the clinic</span>}
      </dt>
      <dd>
        <span className="muted">{line.description}</span>
        <br />
        <code data-testid={`static-arithmetic-${line.kind}`}>{line.arithmetic}</code>
        {line.note === null ? null : <span className="muted"> {line.note}</span>}
      </dd>
    </>
  );
}

/** One condition's consult and course at the protocol's defaults, with the sums written out. */
function Estimate({ estimate }: { estimate: CourseEstimate }) {
  return (
    <section
      aria-labelledby={`estimate-${estimate.indication}`}
      data-indication={estimate.indication}
    >
      <h3 id={`estimate-${estimate.indication}`}>{estimate.indicationName}</h3>
      <dl className="facts">
        {estimate.lines.map((line) => (
          <Line key={line.kind} line={line} />
        ))}
        <dt>Estimated total</dt>
        <dd data-testid={`static-total-${estimate.indication}`}>
          <strong>
            {estimate.total === null
              ? 'Ask the clinic'
              : formatMoneyRange(estimate.total, estimate.currency)}
          </strong>
          {estimate.total !== null && estimate.lines.length > 1 ? (
            <>
              <br />
              <code>{estimate.totalArithmetic}</code>
            </>
          ) : null}
          {estimate.totalNote === null ? null : (
            <span className="muted"> {estimate.totalNote}</span>
          )}
        </dd>
      </dl>
    </section>
  );
}

/**
 * `/costs` as the server sends it: every condition's default estimate, the nasal-spray range and a
 * Good Faith Estimate form that works without JavaScript (a plain GET to the PDF). With
 * JavaScript the interactive estimator replaces it.
 */
export const costsPage: EducationPage = {
  meta: {
    title: 'What treatment costs',
    description:
      'Estimated prices for a first consultation and a course of ketamine infusions for each condition, the nasal-spray range, and a printable Good Faith Estimate.',
    path: '/costs',
  },
  body: (ctx) => {
    const overview = costsOverview(ctx.kb, ctx.clinicName);
    const spray = overview.nasalSpray;
    const contact = ctx.kb.clinic.branding?.contact ?? { phone: null, email: null };
    return (
      <>
        <h1>What treatment costs</h1>
        <p className="lead">
          These estimates come from {ctx.clinicName}&apos;s own prices: a first consultation, then a
          course of infusions priced as the number of sessions times the price of one session. Where
          the clinic has not set a price, the page says so instead of guessing.
        </p>

        <h2>A typical course for each condition</h2>
        <p className="muted">
          Each course follows the treatment protocol&apos;s usual number of sessions. Your own
          course may be shorter or longer.
        </p>
        {overview.estimates.map((estimate) => (
          <Estimate key={estimate.indication} estimate={estimate} />
        ))}

        <h2 id="good-faith-estimate">Good Faith Estimate (PDF)</h2>
        <p>
          If you pay for care yourself in the US, the No Surprises Act gives you the right to a
          written estimate, and to dispute a bill that ends up $400 or more above it.
        </p>
        <form
          method="get"
          action="/api/public/costs/good-faith-estimate.pdf"
          aria-labelledby="good-faith-estimate"
          className="static-form"
        >
          <label htmlFor="gfe-indication">Condition</label>
          <select id="gfe-indication" name="indication" defaultValue="depression">
            {overview.estimates.map((e) => (
              <option key={e.indication} value={e.indication}>
                {e.indicationName}
              </option>
            ))}
          </select>
          <label htmlFor="gfe-per-week">Sessions per week (empty: as the protocol gives)</label>
          <input id="gfe-per-week" name="sessionsPerWeek" type="number" min={1} max={7} step={1} />
          <label htmlFor="gfe-weeks">Weeks (empty: the protocol&apos;s course length)</label>
          <input id="gfe-weeks" name="weeks" type="number" min={1} max={52} step={1} />
          <label htmlFor="gfe-consult">Include the first consultation</label>
          <select id="gfe-consult" name="includeConsult" defaultValue="true">
            <option value="true">Yes</option>
            <option value="false">No</option>
          </select>
          <label htmlFor="gfe-name">Your name on the estimate (optional, not stored)</label>
          <input id="gfe-name" name="patientName" type="text" maxLength={200} autoComplete="name" />
          <button type="submit">Download the Good Faith Estimate</button>
        </form>

        <h2>Esketamine nasal spray (Spravato)</h2>
        <p>
          A 30-day supply usually costs{' '}
          <strong data-testid="static-spray-range">{spray.text}</strong> when paid without insurance
          with a GoodRx discount coupon.
          <Cite ids={spray.sources.map((s) => s.id)} citations={ctx.cite} /> That is a published
          range, not this clinic&apos;s price.
        </p>
        <p className="muted">
          Infusions given in the clinic are priced differently from the spray. For an exact figure,
          ask your pharmacy or the clinic that will treat you.
        </p>

        {contact.phone === null && contact.email === null ? null : (
          <p className="note">
            Questions about prices or insurance? Contact {ctx.clinicName}
            {contact.phone === null ? null : (
              <>
                {' '}
                by phone on{' '}
                <a href={`tel:${contact.phone.replace(/[^+\d]/g, '')}`}>{contact.phone}</a>
              </>
            )}
            {contact.phone !== null && contact.email !== null ? ' or' : null}
            {contact.email === null ? null : (
              <>
                {' '}
                by e-mail at <a href={`mailto:${contact.email}`}>{contact.email}</a>
              </>
            )}
            .
          </p>
        )}
      </>
    );
  },
};
