// tsx runs the server from the repository root, where no tsconfig sets the JSX runtime.
/* @jsxRuntime automatic */
import { Cite } from '../citations';
import { formatDrug, forPatients, joinAnd } from '../format';
import type { EducationPage } from '../render';
import { NoteParagraph } from './therapy';

export const interactionsPage: EducationPage = {
  meta: {
    title: 'Medicines that interact with ketamine',
    description:
      'Benzodiazepines, opioids, barbiturates, antidepressants, blood-pressure medicines and others: what happens with ketamine and what the evidence is.',
    path: '/learn/interactions',
  },
  body: (ctx) => {
    const seed = ctx.kb.interactions.filter((i) => i.origin.includes('seed'));
    const others = ctx.kb.interactions.filter((i) => !i.origin.includes('seed'));
    const item = (i: (typeof seed)[number]) => (
      <li key={i.code} data-code={i.code}>
        <h3>{i.className}</h3>
        <p>For example {joinAnd(i.exampleDrugs.map(formatDrug))}.</p>
        <p>
          {i.summary} {forPatients(i.effect)}
          <Cite ids={i.sources} citations={ctx.cite} />
        </p>
        <p>
          <strong>What the clinic does:</strong> {i.management}
        </p>
        <p className="muted">
          How strong the evidence is: {forPatients(i.evidenceNote)}
          <Cite ids={i.sources} citations={ctx.cite} />
        </p>
      </li>
    );
    return (
      <>
        <h1>Medicines that interact with ketamine</h1>
        <NoteParagraph id="tell-us-every-medicine" ctx={ctx} />
        <p>
          Do not stop any medicine on your own: bring a list to your consult, and your prescriber
          will plan around it.
        </p>
        <h2 id="main-classes">The main groups</h2>
        <ul className="cards">{seed.map(item)}</ul>
        {others.length === 0 ? null : (
          <>
            <h2 id="more">Other medicines the labels mention</h2>
            <ul className="cards">{others.map(item)}</ul>
          </>
        )}
      </>
    );
  },
};
