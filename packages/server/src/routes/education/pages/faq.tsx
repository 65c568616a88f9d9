// tsx runs the server from the repository root, where no tsconfig sets the JSX runtime.
/* @jsxRuntime automatic */
import type { ReactNode } from 'react';
import { Cite } from '../citations';
import { formatMinutesRange, formatRange, forPatients, joinAnd } from '../format';
import type { EducationPage, PageContext } from '../render';
import { findNote } from './therapy';

interface Question {
  readonly id: string;
  readonly question: string;
  readonly answer: ReactNode;
}

function questions(ctx: PageContext): Question[] {
  const { kb, cite } = ctx;
  const durations = Object.values(kb.protocols).map((p) => p.durationMin);
  const shortest = Math.min(...durations.map((d) => d.min));
  const longest = Math.max(...durations.map((d) => d.max));
  const onset = findNote(kb, 'onset-within-hours');
  const approval = findNote(kb, 'spravato-fda-approval');
  const ketamine = kb.medications.find((m) => m.id === 'ketamine');
  const spray = kb.costs.nasalSpray30DaySupply;
  const discharge = kb.monitoring.discharge;
  return [
    {
      id: 'how-long',
      question: 'How long does a session take?',
      answer: (
        <p>
          The medicine runs for {formatMinutesRange(shortest, longest)} depending on the condition
          treated, plus time to settle in and to recover before you leave.
          <Cite ids={kb.protocols.depression.sources.slice(0, 1)} citations={cite} /> Each{' '}
          <a href="/learn">condition page</a> gives its own numbers.
        </p>
      ),
    },
    {
      id: 'how-fast',
      question: 'How soon could I feel better?',
      answer:
        onset === undefined ? null : (
          <p>
            {onset.statement}
            <Cite ids={onset.sources} citations={cite} />
          </p>
        ),
    },
    {
      id: 'approved',
      question: 'Is ketamine approved for depression?',
      answer: (
        <p>
          {ketamine?.labelLimitations.join(' ')}
          <Cite ids={ketamine?.offLabelUses[0]?.sources ?? []} citations={cite} />{' '}
          {approval?.statement}
          <Cite ids={approval?.sources ?? []} citations={cite} />
        </p>
      ),
    },
    {
      id: 'drive',
      question: 'Can I drive home afterwards?',
      answer: (
        <p>
          No. {discharge.responsibleAdultRequired ? 'An adult has to go home with you, and ' : ''}
          you should not drive or use machinery until the next day after a good night&apos;s sleep.
          <Cite
            ids={[...discharge.sources, ...kb.monitoring.esketamineSession.sources]}
            citations={cite}
          />
        </p>
      ),
    },
    {
      id: 'forms',
      question: 'What forms does ketamine come in?',
      answer: (
        <p>
          As an injection (
          {joinAnd(
            kb.products
              .filter((p) => p.form === 'injection-solution')
              .map((p) => `${String(p.strength.value)} ${p.strength.unit}`),
          )}
          ) that the clinic dilutes for an infusion, and as esketamine nasal spray (
          {joinAnd(
            kb.products
              .filter((p) => p.form === 'nasal-spray')
              .map((p) => `${String(p.strength.value)} mg in each device`),
          )}
          ).
          <Cite ids={kb.products.flatMap((p) => p.sources)} citations={cite} /> See{' '}
          <a href="/learn/ketamine-therapy">how it is given</a>.
        </p>
      ),
    },
    {
      id: 'cost',
      question: 'What does it cost?',
      answer: (
        <p>
          Infusion prices are set by each clinic: see <a href="/costs">costs and estimates</a>. For
          the nasal spray: about ${formatRange(spray.min, spray.max)} ({spray.currency}) for a{' '}
          {forPatients(spray.conditions)}
          <Cite ids={spray.sources} citations={cite} />
        </p>
      ),
    },
    {
      id: 'medicines',
      question: 'Should I stop my other medicines first?',
      answer: (
        <p>
          No, not on your own. Tell the clinic about everything you take, and read{' '}
          <a href="/learn/interactions">medicines that interact</a>.
          <Cite ids={findNote(kb, 'tell-us-every-medicine')?.sources ?? []} citations={cite} />
        </p>
      ),
    },
    {
      id: 'consult',
      question: 'How do I start?',
      answer: (
        <p>
          Answer a few questions in the <a href="/check">self-check</a> to see whether ketamine may
          suit you, then <a href="/consult">book a video consult</a> with one of our prescribers.
          They go through your health, medicines and goals with you and decide together with you
          whether to go ahead.
        </p>
      ),
    },
  ];
}

export const faqPage: EducationPage = {
  meta: {
    title: 'Ketamine therapy: questions and answers',
    description:
      'Short answers about ketamine sessions: how long they take, how fast it works, approval, driving, forms, cost and how to start.',
    path: '/learn/faq',
  },
  body: (ctx) => (
    <>
      <h1>Questions and answers</h1>
      {questions(ctx).map((q) => (
        <section key={q.id} aria-labelledby={`q-${q.id}`}>
          <h2 id={`q-${q.id}`}>{q.question}</h2>
          {q.answer}
        </section>
      ))}
    </>
  ),
};
