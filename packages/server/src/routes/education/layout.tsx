// tsx runs the server from the repository root, where no tsconfig sets the JSX runtime.
/* @jsxRuntime automatic */
import { emergencyActions, supportActions, type CrisisResource } from '@ketaflow/core';
import type { ReactNode } from 'react';
import { Citations, SourceList } from './citations';
import { EDUCATION_PAGES } from './catalog';

export interface PageMeta {
  /** Shown in the tab and by search engines; the clinic name is added. */
  readonly title: string;
  readonly description: string;
  readonly path: string;
}

/** The ways into care every page offers. */
export function CareLinks() {
  return (
    <ul className="cta" aria-label="Next steps">
      <li>
        <a className="primary" href="/check">
          Check whether it may suit you
        </a>
      </li>
      <li>
        <a href="/consult">Book a video consult</a>
      </li>
      <li>
        <a href="/costs">What it costs</a>
      </li>
    </ul>
  );
}

/**
 * Where to turn in a crisis, from the clinic's crisis resources (setting `crisisResources`): the
 * numbers differ by country, so none is written into a page.
 */
export function CrisisLines({ resources }: { resources: readonly CrisisResource[] }) {
  const support = supportActions(resources, true);
  return (
    <>
      In an emergency, {emergencyActions(resources, true)}.
      {support === '' ? null : ` For crisis support, ${support}.`}
    </>
  );
}

/** Skip link, header with navigation, one main (the page, next steps, sources) and footer. */
export function SiteChrome(props: {
  meta: PageMeta;
  clinicName: string;
  citations: Citations;
  crisisResources: readonly CrisisResource[];
  children: ReactNode;
}) {
  const { meta, clinicName } = props;
  return (
    <>
      <a className="skip" href="#main">
        Skip to main content
      </a>
      <header>
        <div className="wrap">
          <a className="brand" href="/">
            {clinicName}
          </a>
          <nav aria-label="Site">
            <ul>
              <li>
                <a href="/learn" aria-current={meta.path === '/learn' ? 'page' : undefined}>
                  Learn
                </a>
              </li>
              <li>
                <a href="/check">Could it suit me?</a>
              </li>
              <li>
                <a href="/consult">Book a consult</a>
              </li>
              <li>
                <a href="/costs">Costs</a>
              </li>
              <li>
                <a href="/login">Log in</a>
              </li>
            </ul>
          </nav>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <div className="wrap">
          {props.children}
          <CareLinks />
          <SourceList citations={props.citations} />
        </div>
      </main>
      <footer>
        <div className="wrap">
          <nav aria-label="Learn about ketamine therapy">
            <ul>
              <li>
                <a href="/learn">All topics</a>
              </li>
              {EDUCATION_PAGES.map((p) => (
                <li key={p.path}>
                  <a href={p.path} aria-current={meta.path === p.path ? 'page' : undefined}>
                    {p.label}
                  </a>
                </li>
              ))}
              <li>
                <a href="#top">Back to top</a>
              </li>
            </ul>
          </nav>
          <p className="muted" data-crisis="footer">
            General information, not medical advice: a clinician decides whether treatment suits
            you. <CrisisLines resources={props.crisisResources} />
          </p>
        </div>
      </footer>
    </>
  );
}

/** A complete HTML document around the site chrome. */
export function EducationDocument(props: {
  meta: PageMeta;
  clinicName: string;
  css: string;
  citations: Citations;
  crisisResources: readonly CrisisResource[];
  children: ReactNode;
}) {
  const { meta, clinicName } = props;
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${meta.title} · ${clinicName}`}</title>
        <meta name="description" content={meta.description} />
        <link rel="canonical" href={meta.path} />
        <style>{props.css}</style>
      </head>
      <body id="top">
        <SiteChrome
          meta={meta}
          clinicName={clinicName}
          citations={props.citations}
          crisisResources={props.crisisResources}
        >
          {props.children}
        </SiteChrome>
      </body>
    </html>
  );
}
