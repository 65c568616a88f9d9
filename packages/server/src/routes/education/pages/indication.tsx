// tsx runs the server from the repository root, where no tsconfig sets the JSX runtime.
/* @jsxRuntime automatic */
import {
  urgentActions,
  type Indication,
  type InfusionProtocol,
  type KnowledgeBase,
} from '@ketaflow/core';
import { Cite } from '../citations';
import {
  articleFor,
  formatDrug,
  formatMinutesRange,
  formatRange,
  forPatients,
  inSentence,
  isClinicOverride,
} from '../format';
import type { EducationPage, PageContext } from '../render';

function offLabelSources(kb: KnowledgeBase, protocol: InfusionProtocol): readonly string[] {
  const ketamine = kb.medications.find((m) => m.id === protocol.medicationId);
  return (
    ketamine?.offLabelUses.find((u) => u.indicationId === protocol.indicationId)?.sources ?? []
  );
}

/** Dissociation and hallucinations are described in the psychosis contraindication's detail. */
export function dissociationSources(kb: KnowledgeBase): readonly string[] {
  return (
    kb.contraindications.find((c) => c.code === 'CI.SCHIZOPHRENIA_OR_PSYCHOSIS')?.sources ?? []
  );
}

function ClinicSetting({ changed }: { changed: boolean }) {
  return (
    <span className="badge">
      {changed ? 'clinic setting, changed by this clinic' : 'clinic setting'}
    </span>
  );
}

/** Dose, length, rhythm and course of the IV protocol, every number from the knowledge base. */
function Regimen({ protocol, ctx }: { protocol: InfusionProtocol; ctx: PageContext }) {
  const { kb, cite } = ctx;
  const base = `protocols.${protocol.id}`;
  const dose = protocol.doseMgPerKg;
  const duration = protocol.durationMin;
  const ids = protocol.sources;
  return (
    <dl className="facts" data-protocol={protocol.id}>
      <dt>Dose</dt>
      <dd>
        <span data-kb="dose">{formatRange(dose.min, dose.max)} mg/kg</span> of body weight, given
        slowly into a vein (IV)
        <Cite ids={ids} citations={cite} />
        {dose.min === dose.max ? null : (
          <>
            . Starting dose this clinic uses: {dose.default} mg/kg{' '}
            <ClinicSetting changed={isClinicOverride(kb, `${base}.doseMgPerKg.default`)} />
          </>
        )}
      </dd>
      <dt>Each infusion lasts</dt>
      <dd>
        <span data-kb="duration">{formatMinutesRange(duration.min, duration.max)}</span>
        {duration.min === duration.max ? null : (
          <>
            . This clinic usually plans {formatMinutesRange(duration.default, duration.default)}{' '}
            <ClinicSetting changed={isClinicOverride(kb, `${base}.durationMin.default`)} />
          </>
        )}
      </dd>
      <dt>How often</dt>
      <dd data-kb="frequency">
        {protocol.sessionsPerWeek === null
          ? `When needed: ${protocol.seedWording.frequency}, not on a fixed weekly rhythm`
          : `${formatRange(protocol.sessionsPerWeek.min, protocol.sessionsPerWeek.max)} sessions a week`}
        <Cite ids={ids} citations={cite} />
      </dd>
      <dt>How long</dt>
      <dd data-kb="course">
        {protocol.courseLength === null
          ? 'No set number of weeks: it depends on how you respond'
          : `${formatRange(protocol.courseLength.minWeeks, protocol.courseLength.maxWeeks)} weeks, depending on how you respond`}
        <Cite ids={ids} citations={cite} />
      </dd>
      <dt>Who for</dt>
      <dd>
        Adults. This is an off-label use: the US label of ketamine covers anaesthesia only.
        <Cite ids={offLabelSources(kb, protocol)} citations={cite} />
      </dd>
    </dl>
  );
}

function Alternatives({ indication, ctx }: { indication: Indication; ctx: PageContext }) {
  const alt = ctx.kb.alternatives[indication.id];
  return (
    <section aria-labelledby="alternatives">
      <h2 id="alternatives">If ketamine is not right for you</h2>
      {alt.urgent ? (
        <p className="alert">
          <strong>Getting safe comes first.</strong> If you might act on thoughts of ending your
          life, {urgentActions(ctx.kb.crisisResources.resources, true)} now.
        </p>
      ) : null}
      <p>
        Other treatments for {inSentence(indication.displayName)} that may be offered instead
        <Cite ids={alt.sources} citations={ctx.cite} />:
      </p>
      <ul>
        {alt.medications.map((m) => (
          <li key={m.generic}>
            {formatDrug(m)}, {articleFor(m.drugClass)} {m.drugClass}
            {m.caution === undefined ? null : (
              <span className="muted">
                {' '}
                Not to be combined with ketamine without a clinician&apos;s review.
              </span>
            )}
          </li>
        ))}
        {alt.medicationClasses.map((c) => (
          <li key={c}>{c}</li>
        ))}
        {alt.nonDrugOptions.map((o) => (
          <li key={o}>{o}</li>
        ))}
      </ul>
      {alt.note === undefined ? null : <p>{forPatients(alt.note)}</p>}
      <p>Talk to your own doctor before you change any treatment.</p>
    </section>
  );
}

/** What a session looks like, from the monitoring and discharge facts. */
function WhatToExpect({ protocol, ctx }: { protocol: InfusionProtocol; ctx: PageContext }) {
  const { monitoring } = ctx.kb;
  return (
    <section aria-labelledby="expect">
      <h2 id="expect">What to expect at a session</h2>
      <ul>
        <li>
          A nurse checks your blood pressure first and watches your heart, breathing and oxygen the
          whole time the medicine runs (
          {formatMinutesRange(protocol.durationMin.min, protocol.durationMin.max)}).
          <Cite ids={monitoring.vitalSigns.sources} citations={ctx.cite} />
        </li>
        <li>
          Blood pressure and pulse often go up for a while, most in the first half hour or so, and
          then settle.
          <Cite ids={monitoring.bpObservations.flatMap((o) => o.sources)} citations={ctx.cite} />
        </li>
        <li>
          You may feel detached, dreamy or see things differently during the infusion; this usually
          fades soon after it ends.
          <Cite ids={dissociationSources(ctx.kb)} citations={ctx.cite} /> See{' '}
          <a href="/learn/side-effects">side effects and risks</a>.
        </li>
        <li>
          You rest until you are steady and alert. An adult must take you home, and you should not
          drive that day.
          <Cite ids={monitoring.discharge.sources} citations={ctx.cite} />
        </li>
      </ul>
    </section>
  );
}

export function indicationPage(kb: KnowledgeBase, indication: Indication): EducationPage {
  const protocol = kb.protocols[indication.id];
  const name = indication.displayName;
  return {
    meta: {
      title: `Ketamine for ${inSentence(name)}`,
      description: `IV ketamine for ${inSentence(name)}: dose, how often, how long, what a session is like, what the research shows and other options.`,
      path: `/learn/indications/${indication.id}`,
    },
    body: (ctx) => (
      <>
        <h1>Ketamine for {inSentence(name)}</h1>
        <p className="lead">
          {indication.plainDescription}
          <Cite ids={indication.sources.slice(0, 1)} citations={ctx.cite} />
        </p>
        <h2 id="regimen">How the treatment is given</h2>
        <Regimen protocol={protocol} ctx={ctx} />
        <p className="muted">
          Numbers marked &ldquo;clinic setting&rdquo; are chosen by this clinic within the published
          range; your prescriber sets your own plan.
        </p>
        <WhatToExpect protocol={protocol} ctx={ctx} />
        <section aria-labelledby="research">
          <h2 id="research">What the research shows</h2>
          <p>
            {forPatients(indication.evidenceSummary)}
            <Cite ids={indication.sources} citations={ctx.cite} />
          </p>
          <p>
            About this regimen: {forPatients(protocol.evidenceNote)}
            <Cite ids={protocol.sources} citations={ctx.cite} />
          </p>
        </section>
        <Alternatives indication={indication} ctx={ctx} />
        <p>
          Before you book, read <a href="/learn/who-should-not">who should not have ketamine</a> and{' '}
          <a href="/learn/interactions">medicines that interact</a>.
        </p>
      </>
    ),
  };
}
