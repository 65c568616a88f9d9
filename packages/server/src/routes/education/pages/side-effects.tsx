// tsx runs the server from the repository root, where no tsconfig sets the JSX runtime.
/* @jsxRuntime automatic */
import { Cite } from '../citations';
import { formatMinutesRange, joinAnd } from '../format';
import type { EducationPage } from '../render';
import { dissociationSources } from './indication';
import { NoteParagraph } from './therapy';

export const sideEffectsPage: EducationPage = {
  meta: {
    title: 'Side effects and risks of ketamine',
    description:
      'Raised blood pressure, feeling detached, drowsiness, liver strain and misuse: the side effects of ketamine and esketamine and how the clinic watches for them.',
    path: '/learn/side-effects',
  },
  body: (ctx) => {
    const { kb, cite } = ctx;
    const m = kb.monitoring;
    const psychosis = kb.contraindications.find((c) => c.code === 'CI.SCHIZOPHRENIA_OR_PSYCHOSIS');
    const liver = kb.contraindications.find((c) => c.code === 'CI.SEVERE_LIVER_DISEASE');
    const sedation = kb.interactions.filter(
      (i) => i.classId === 'opioids' || i.classId === 'benzodiazepines',
    );
    return (
      <>
        <h1>Side effects and risks</h1>
        <p className="lead">
          Most side effects come on during a session and pass within hours. The clinic watches you
          the whole time and until you are ready to leave.
        </p>
        <h2 id="blood-pressure">Higher blood pressure and pulse</h2>
        <p>
          Blood pressure and heart rate rise for a while after each dose. What studies of clinic
          infusions found:
        </p>
        <ul>
          {m.bpObservations.map((o) => (
            <li key={o.id}>
              {o.statement}
              <Cite ids={o.sources} citations={cite} />
            </li>
          ))}
        </ul>
        <p>
          During an infusion your vital signs are watched continuously, with blood pressure about
          every {m.vitalSigns.bpIntervalDuringInfusionMin} minutes, then every{' '}
          {m.vitalSigns.bpIntervalAfterInfusionMin} minutes afterwards (a schedule from research,
          which a clinic may adapt).
          <Cite ids={m.vitalSigns.sources} citations={cite} />
        </p>
        <h2 id="mind">Feeling detached or dreamy</h2>
        <p>
          {psychosis?.detail ?? ''}
          <Cite ids={dissociationSources(kb)} citations={cite} /> This is why people with
          schizophrenia or psychosis should not have ketamine (
          <a href="/learn/who-should-not">who should not have it</a>).
        </p>
        <h2 id="drowsy">Drowsiness and slower breathing</h2>
        <p>
          Ketamine makes you sleepy; with some other medicines this can deepen and slow your
          breathing.
          <Cite ids={sedation.flatMap((i) => i.sources)} citations={cite} /> See{' '}
          <a href="/learn/interactions">medicines that interact</a>.
        </p>
        <p>
          You leave only when you are steady: {joinAnd(m.discharge.otherCriteria)}. Staff score your
          recovery, and {m.discharge.aldreteMinScore} of {m.discharge.aldreteMaxScore} points is
          needed to go home <span className="badge">clinic setting</span>.
          <Cite ids={m.discharge.sources} citations={cite} />
        </p>
        <p>
          After the nasal spray you stay at least{' '}
          {formatMinutesRange(
            m.esketamineSession.observationMinMinutes,
            m.esketamineSession.observationMinMinutes,
          )}
          . {m.esketamineSession.drivingNote}
          <Cite ids={m.esketamineSession.sources} citations={cite} />
        </p>
        <h2 id="liver">Liver</h2>
        <p>
          {liver?.detail ?? ''}
          <Cite ids={liver?.sources ?? []} citations={cite} /> If you will have repeated doses, the
          clinic checks {joinAnd(m.liverFunction.baselineTests)} first and again from time to time.
          <Cite ids={m.liverFunction.sources} citations={cite} />
        </p>
        <h2 id="misuse">Misuse</h2>
        <NoteParagraph id="controlled-substance" ctx={ctx} />
        <NoteParagraph id="esketamine-rems" ctx={ctx} />
        <NoteParagraph id="supervised-dosing-only" ctx={ctx} />
      </>
    );
  },
};
