// tsx runs the server from the repository root, where no tsconfig sets the JSX runtime.
/* @jsxRuntime automatic */
import { listIndications } from '@ketaflow/core';
import { indicationPath } from '../catalog';
import { Cite, SourceEntry } from '../citations';
import { forPatients } from '../format';
import type { EducationPage } from '../render';

const RESEARCH_TOPICS = new Set(['onset', 'research-update', 'regulatory']);

export const researchPage: EducationPage = {
  meta: {
    title: 'What research says about ketamine therapy',
    description:
      'Dated summaries of the research on ketamine and esketamine for depression, suicidal thoughts, PTSD, pain and more, with every source listed.',
    path: '/learn/research',
  },
  body: (ctx) => {
    const notes = ctx.kb.notes.filter((n) => RESEARCH_TOPICS.has(n.topic));
    const dated = [...ctx.kb.sources]
      .filter((s) => s.year !== null && s.url !== undefined)
      .sort((a, b) => (b.year ?? 0) - (a.year ?? 0));
    return (
      <>
        <h1>What research says</h1>
        <p className="lead">
          Research on ketamine is moving fast. Each point below says how current it is and links to
          the studies behind it.
        </p>
        <h2 id="updates">Recent findings</h2>
        <ul className="cards">
          {notes.map((n) => (
            <li key={n.id}>
              <p>
                <strong>As of {n.asOf ?? 'an unknown date'}:</strong> {n.statement}
                <Cite ids={n.sources} citations={ctx.cite} />
              </p>
              <p className="muted">What the evidence shows: {forPatients(n.evidenceNote)}</p>
            </li>
          ))}
        </ul>
        <h2 id="by-condition">By condition</h2>
        <ul className="cards">
          {listIndications(ctx.kb).map((i) => (
            <li key={i.id}>
              <h3>
                <a href={indicationPath(i.id)}>{i.displayName}</a>
              </h3>
              <p>
                {forPatients(i.evidenceSummary)}
                <Cite ids={i.sources} citations={ctx.cite} />
              </p>
            </li>
          ))}
        </ul>
        <details>
          <summary>Every dated source with a link, newest first ({dated.length})</summary>
          <ul>
            {dated.map((s) => (
              <li key={s.id}>
                <SourceEntry source={s} />
              </li>
            ))}
          </ul>
        </details>
      </>
    );
  },
};
