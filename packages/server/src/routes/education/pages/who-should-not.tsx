// tsx runs the server from the repository root, where no tsconfig sets the JSX runtime.
/* @jsxRuntime automatic */
import type { BpThreshold, Contraindication } from '@ketaflow/core';
import { Cite } from '../citations';
import { forPatients } from '../format';
import type { EducationPage, PageContext } from '../render';

function Threshold({ label, t }: { label: string; t: BpThreshold }) {
  return (
    <>
      {label} {t.valueMmHg} mmHg
      {t.basis === 'clinic-setting' ? <span className="badge">clinic setting</span> : null}
    </>
  );
}

function ContraindicationItem({ c, ctx }: { c: Contraindication; ctx: PageContext }) {
  const bp = c.bloodPressure;
  return (
    <li data-code={c.code}>
      <h3>{c.name}</h3>
      <p>
        {c.summary} {forPatients(c.detail)}
        <Cite ids={c.sources} citations={ctx.cite} />
      </p>
      {bp === undefined ? null : (
        <p>
          Before every session the nurse measures your blood pressure. Above{' '}
          <Threshold label="systolic" t={bp.soft.systolic} /> or{' '}
          <Threshold label="diastolic" t={bp.soft.diastolic} />, the prescriber reviews whether to
          wait; above <Threshold label="systolic" t={bp.hard.systolic} /> or{' '}
          <Threshold label="diastolic" t={bp.hard.diastolic} />, the session does not start.
          <Cite
            ids={[
              ...bp.soft.systolic.sources,
              ...bp.hard.systolic.sources,
              ...bp.hard.diastolic.sources,
            ]}
            citations={ctx.cite}
          />
        </p>
      )}
    </li>
  );
}

export const whoShouldNotPage: EducationPage = {
  meta: {
    title: 'Who should not have ketamine',
    description:
      'Health problems that rule out ketamine or esketamine, or need a doctor to look closely first: blood pressure, stroke, heart, psychosis, pregnancy, liver.',
    path: '/learn/who-should-not',
  },
  body: (ctx) => {
    const seed = ctx.kb.contraindications.filter((c) => c.origin.includes('seed'));
    const label = ctx.kb.contraindications.filter((c) => !c.origin.includes('seed'));
    return (
      <>
        <h1>Who should not have ketamine</h1>
        <p className="lead">
          Ketamine is not safe for everyone. If one of these applies to you, it is usually not
          offered, and the clinic will talk with you about other options. The{' '}
          <a href="/check">self-check</a> asks about each of them.
        </p>
        <h2 id="main-reasons">The main reasons not to have it</h2>
        <ul className="cards">
          {seed.map((c) => (
            <ContraindicationItem key={c.code} c={c} ctx={ctx} />
          ))}
        </ul>
        {label.length === 0 ? null : (
          <>
            <h2 id="label">Also listed on the product labels</h2>
            <ul className="cards">
              {label.map((c) => (
                <ContraindicationItem key={c.code} c={c} ctx={ctx} />
              ))}
            </ul>
          </>
        )}
        <p>
          Pregnancy and breastfeeding have <a href="/learn/pregnancy">their own page</a>.
        </p>
      </>
    );
  },
};
