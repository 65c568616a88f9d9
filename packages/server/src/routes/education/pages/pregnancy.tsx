// tsx runs the server from the repository root, where no tsconfig sets the JSX runtime.
/* @jsxRuntime automatic */
import { Cite } from '../citations';
import { forPatients } from '../format';
import type { EducationPage } from '../render';

const TOPIC_HEADINGS = {
  pregnancy: 'During pregnancy',
  breastfeeding: 'While breastfeeding',
  contraception: 'Contraception',
} as const;

export const pregnancyPage: EducationPage = {
  meta: {
    title: 'Ketamine in pregnancy and breastfeeding',
    description:
      'Why ketamine and esketamine are generally avoided in pregnancy and while breastfeeding, what the studies show, and what to do if you become pregnant.',
    path: '/learn/pregnancy',
  },
  body: (ctx) => (
    <>
      <h1>Pregnancy and breastfeeding</h1>
      {ctx.kb.pregnancyAndLactation.map((g) => (
        <section key={g.code} aria-labelledby={`topic-${g.topic}`} data-code={g.code}>
          <h2 id={`topic-${g.topic}`}>{TOPIC_HEADINGS[g.topic]}</h2>
          <p className="lead">
            {g.plainLanguage}
            <Cite ids={g.sources} citations={ctx.cite} />
          </p>
          <details>
            <summary>What the studies and labels say</summary>
            <p>
              {g.detail}
              <Cite ids={g.sources} citations={ctx.cite} />
            </p>
            <p className="muted">{forPatients(g.evidenceNote)}</p>
          </details>
          {g.registry === undefined ? null : (
            <p>
              If you were treated while pregnant, the {g.registry.name} collects what happens to
              mothers and babies: call <a href={`tel:${g.registry.phone}`}>{g.registry.phone}</a>.
              <Cite ids={g.registry.sources} citations={ctx.cite} />
            </p>
          )}
        </section>
      ))}
      <p>
        If you are pregnant, planning a pregnancy or breastfeeding,{' '}
        <a href="/consult">book a video consult</a> to talk through safer options.
      </p>
    </>
  ),
};
