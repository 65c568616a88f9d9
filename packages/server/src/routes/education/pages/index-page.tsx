// tsx runs the server from the repository root, where no tsconfig sets the JSX runtime.
/* @jsxRuntime automatic */
import { listIndications } from '@ketaflow/core';
import { EDUCATION_PAGES, indicationPath } from '../catalog';
import type { EducationPage } from '../render';
import { NoteParagraph } from './therapy';

export const indexPage: EducationPage = {
  meta: {
    title: 'Learn about ketamine therapy',
    description:
      'Plain-language guides to ketamine infusions and esketamine nasal spray: conditions treated, who should not have it, interactions, side effects and research.',
    path: '/learn',
  },
  body: (ctx) => (
    <>
      <h1>Learn about ketamine therapy</h1>
      <p className="lead">
        Everything on these pages comes from the same clinical knowledge base the clinic&apos;s
        software uses to check safety, and every statement links to its source.
      </p>
      <NoteParagraph id="consult-before-changes" ctx={ctx} />
      <h2 id="topics">Topics</h2>
      <ul>
        {EDUCATION_PAGES.map((p) => (
          <li key={p.path}>
            <a href={p.path}>{p.label}</a>
          </li>
        ))}
      </ul>
      <h2 id="conditions">Conditions</h2>
      <ul>
        {listIndications(ctx.kb).map((i) => (
          <li key={i.id}>
            <a href={indicationPath(i.id)}>{i.displayName}</a>
          </li>
        ))}
      </ul>
    </>
  ),
};
