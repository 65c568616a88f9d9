// tsx runs the server from the repository root, where no tsconfig sets the JSX runtime.
/* @jsxRuntime automatic */
import type { KnowledgeBase, KnowledgeNote } from '@ketaflow/core';
import { listIndications } from '@ketaflow/core';
import { indicationPath } from '../catalog';
import { Cite } from '../citations';
import { articleFor, formatMinutesRange, formatRange, inSentence, joinAnd } from '../format';
import type { EducationPage, PageContext } from '../render';

export function findNote(kb: KnowledgeBase, id: string): KnowledgeNote | undefined {
  return kb.notes.find((n) => n.id === id);
}

/** A knowledge-base note as a paragraph with its sources (nothing when the note is gone). */
export function NoteParagraph({ id, ctx }: { id: string; ctx: PageContext }) {
  const note = findNote(ctx.kb, id);
  if (note === undefined) return null;
  return (
    <p>
      {note.statement}
      <Cite ids={note.sources} citations={ctx.cite} />
    </p>
  );
}

/** One line per indication: dose, length and rhythm, linking the indication's own page. */
export function ProtocolOverview({ ctx }: { ctx: PageContext }) {
  return (
    <ul className="cards">
      {listIndications(ctx.kb).map((indication) => {
        const p = ctx.kb.protocols[indication.id];
        return (
          <li key={indication.id}>
            <a href={indicationPath(indication.id)}>{indication.displayName}</a>:{' '}
            {formatRange(p.doseMgPerKg.min, p.doseMgPerKg.max)} mg/kg over{' '}
            {formatMinutesRange(p.durationMin.min, p.durationMin.max)},{' '}
            {p.sessionsPerWeek === null
              ? 'when needed'
              : `${formatRange(p.sessionsPerWeek.min, p.sessionsPerWeek.max)} times a week`}
            {p.courseLength === null
              ? ''
              : ` for ${formatRange(p.courseLength.minWeeks, p.courseLength.maxWeeks)} weeks`}
            <Cite ids={p.sources.slice(0, 1)} citations={ctx.cite} />
          </li>
        );
      })}
    </ul>
  );
}

export const therapyPage: EducationPage = {
  meta: {
    title: 'What ketamine therapy is and how it is given',
    description:
      'Ketamine and esketamine in plain language: what they are, how an IV infusion and the nasal spray are given, and how quickly they may help.',
    path: '/learn/ketamine-therapy',
  },
  body: (ctx) => {
    const { kb, cite } = ctx;
    const ketamine = kb.medications.find((m) => m.id === 'ketamine');
    const esketamine = kb.medications.find((m) => m.id === 'esketamine');
    const injections = kb.products.filter((p) => p.form === 'injection-solution');
    const spray = kb.products.find((p) => p.form === 'nasal-spray');
    const session = kb.monitoring.esketamineSession;
    return (
      <>
        <h1>What ketamine therapy is and how it is given</h1>
        {ketamine === undefined ? null : (
          <section aria-labelledby="what">
            <h2 id="what">The medicine</h2>
            <p className="lead">
              {ketamine.plainDescription}
              <Cite ids={ketamine.sources.slice(0, 3)} citations={cite} />
            </p>
            <p>
              Brand name in the US: {joinAnd(ketamine.brandNames.map((b) => b.name))}; the medicine
              itself (the generic name) is {ketamine.genericName}. Doctors group it as{' '}
              {joinAnd(
                ketamine.pharmacologicCategories.map((c) => `${articleFor(c)} ${inSentence(c)}`),
              )}
              : it acts on brain signalling through glutamate, which is thought to lift mood and
              dampen pain.
              <Cite ids={ketamine.sources} citations={cite} />
            </p>
            <p>
              {ketamine.abuseNote}
              <Cite ids={ketamine.sources} citations={cite} />
            </p>
          </section>
        )}
        <section aria-labelledby="iv">
          <h2 id="iv">As an infusion into a vein (IV)</h2>
          <p>
            A nurse places a small tube in a vein in your arm, and a pump gives a dose worked out
            from your weight slowly, while you sit or lie back in a chair. The clinic stocks
            ketamine injection in strengths of{' '}
            {joinAnd(injections.map((p) => `${String(p.strength.value)} ${p.strength.unit}`))},
            which is measured and diluted for your pump.
            <Cite ids={injections.flatMap((p) => p.sources)} citations={cite} />
          </p>
          <p>The usual plan for each condition:</p>
          <ProtocolOverview ctx={ctx} />
          <NoteParagraph id="weight-basis-default" ctx={ctx} />
        </section>
        {spray === undefined || esketamine === undefined ? null : (
          <section aria-labelledby="spray">
            <h2 id="spray">As a nasal spray (esketamine)</h2>
            <p>
              {esketamine.plainDescription} Brand name:{' '}
              {joinAnd(esketamine.brandNames.map((b) => b.name))}.
              <Cite ids={esketamine.sources} citations={cite} />
            </p>
            {spray.device === undefined ? null : (
              <p>
                Each spray device holds {spray.device.mgPerDevice} mg, given as{' '}
                {spray.device.spraysPerDevice} puffs ({spray.device.mgPerSpray} mg each, one per
                nostril), with {spray.device.minutesBetweenDevices} minutes between devices.
                <Cite ids={spray.device.sources} citations={cite} />
              </p>
            )}
            <ul>
              <li>
                You use the spray yourself at the clinic while staff watch, and stay at least{' '}
                {formatMinutesRange(session.observationMinMinutes, session.observationMinMinutes)}{' '}
                afterwards. The spray is never taken home.
                <Cite ids={session.sources} citations={cite} />
              </li>
              <li>
                Do not eat for {session.noFoodHoursBefore} hours or drink for{' '}
                {session.noLiquidsMinutesBefore} minutes before a dose.
                <Cite ids={session.sources} citations={cite} />
              </li>
              <li>
                {session.drivingNote}
                <Cite ids={session.sources} citations={cite} />
              </li>
            </ul>
          </section>
        )}
        <section aria-labelledby="speed">
          <h2 id="speed">How quickly it may help</h2>
          <NoteParagraph id="onset-within-hours" ctx={ctx} />
          <NoteParagraph id="supervised-dosing-only" ctx={ctx} />
          <NoteParagraph id="consult-before-changes" ctx={ctx} />
        </section>
      </>
    );
  },
};
