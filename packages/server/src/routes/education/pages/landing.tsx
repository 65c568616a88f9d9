// tsx runs the server from the repository root, where no tsconfig sets the JSX runtime.
/* @jsxRuntime automatic */
import { listIndications } from '@ketaflow/core';
import { EDUCATION_PAGES, indicationPath } from '../catalog';
import type { EducationPage } from '../render';

/**
 * `/` as the server sends it: what the clinic's software is, what to read, and the conditions the
 * knowledge base covers. The next steps (check, consult, costs) come with every page's chrome.
 * With JavaScript the app's own landing page replaces it (and greets a signed-in user).
 */
export const landingPage: EducationPage = {
  meta: {
    title: 'Ketamine and esketamine care',
    description:
      'Learn about ketamine infusions and esketamine nasal spray, check whether treatment may suit you, see what it costs and book a video consult.',
    path: '/',
  },
  body: ({ kb, clinicName }) => (
    <>
      <h1>Safer ketamine and esketamine care, from first visit to follow-up</h1>
      <p className="lead">
        {clinicName} treats patients with ketamine infusions and esketamine nasal spray. Its
        software checks every treatment against one versioned clinical knowledge base, and the pages
        here are written from that same knowledge base, with their sources.
      </p>
      <ul>
        <li>Patients see their own record and who has opened it.</li>
        <li>Nurses and prescribers keep weights, allergies, conditions and medicines current.</li>
        <li>Every look at a patient&apos;s record is written to an audit log.</li>
      </ul>
      <h2 id="learn">Learn about ketamine therapy</h2>
      <ul aria-labelledby="learn">
        {EDUCATION_PAGES.map((p) => (
          <li key={p.path}>
            <a href={p.path}>{p.label}</a>
          </li>
        ))}
      </ul>
      <h2 id="conditions">Conditions it is used for</h2>
      <ul aria-labelledby="conditions">
        {listIndications(kb).map((i) => (
          <li key={i.id}>
            <a href={indicationPath(i.id)}>{i.displayName}</a>
          </li>
        ))}
      </ul>
      <h2 id="account">Your account</h2>
      <p>
        Patients <a href="/login">log in</a> to see their record, appointments and rating scales, or{' '}
        <a href="/register">register</a> to book a first consult. Both need JavaScript in your
        browser; everything else on these pages reads without it.
      </p>
    </>
  ),
};
