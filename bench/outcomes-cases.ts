/** Benchmark cases for outcome scales (appended to `BENCHMARKS`). */
import { knowledgeBase } from '../packages/core/src/knowledge/default-knowledge-base';
import { getInstrument, outcomeCriteria } from '../packages/core/src/outcomes/instruments';
import { progress, type ScoreSeries } from '../packages/core/src/outcomes/progress';
import { scoreResponse } from '../packages/core/src/outcomes/score-response';

interface Case {
  readonly name: string;
  readonly inputs: readonly unknown[];
  readonly run: (input: never) => unknown;
  readonly target?: number;
}

const phq9 = getInstrument(knowledgeBase, 'phq-9');
const pcl5 = getInstrument(knowledgeBase, 'pcl-5');

/** Answer sets 0-3 on every item, including item 9 above zero (raises an alert). */
const phq9Answers = Array.from({ length: 16 }, (_, k) =>
  Object.fromEntries(phq9.items.map((item, i) => [item.id, (i + k) % 4])),
);
const pcl5Answers = Array.from({ length: 16 }, (_, k) =>
  Object.fromEntries(pcl5.items.map((item, i) => [item.id, (i * 3 + k) % 5])),
);

/** A 12-week course: weekly PHQ-9 and two infusions a week. */
const course: { series: ScoreSeries; sessions: { at: string }[] } = {
  series: {
    instrumentId: 'phq-9',
    points: Array.from({ length: 12 }, (_, w) => ({
      at: new Date(Date.UTC(2025, 0, 6 + w * 7)).toISOString().slice(0, 10),
      total: Math.max(0, 22 - w * 2),
    })),
  },
  sessions: Array.from({ length: 24 }, (_, s) => ({
    at: new Date(Date.UTC(2025, 0, 6 + Math.floor(s / 2) * 7 + (s % 2) * 3))
      .toISOString()
      .slice(0, 10),
  })),
};
const criteria = outcomeCriteria(knowledgeBase, 'phq-9');
const crisis = knowledgeBase.crisisResources.resources;

export const OUTCOME_BENCHMARKS: readonly Case[] = [
  {
    name: 'scoreResponse (PHQ-9, 9 items, item-9 alerts)',
    inputs: phq9Answers,
    run: (answers: Record<string, number>) => scoreResponse(phq9, answers, crisis),
    target: 200_000,
  },
  {
    name: 'scoreResponse (PCL-5, 20 items)',
    inputs: pcl5Answers,
    run: (answers: Record<string, number>) => scoreResponse(pcl5, answers, crisis),
  },
  {
    name: 'progress (12 weekly PHQ-9, 24 infusions)',
    inputs: [course],
    run: (c: typeof course) => progress(c.series, c.sessions, criteria),
  },
];
