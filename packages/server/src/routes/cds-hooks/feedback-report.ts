/**
 * The admin's CDS Hooks report: per rule, cards issued and, of the cards with feedback, how many
 * were accepted or overridden (each card once, with its latest outcome), with reasons and the
 * latest comments. Served at GET /api/admin/cds-feedback (routes.ts).
 */
import { and, count, desc, eq, gte, inArray, lt, lte, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { KnowledgeBase } from '@ketaflow/core';
import type { Database } from '../../db/client';
import { cdsCards, cdsFeedback } from '../../db/schema/index';
import { IsoDate } from '../common-schemas';
import { overrideReasonDisplay, ruleTitle } from './cards';
import { CDS_SERVICES } from './services';

type ServiceId = (typeof CDS_SERVICES)[number]['id'];
const serviceIds = CDS_SERVICES.map((s) => s.id) as [ServiceId, ...ServiceId[]];
export const FeedbackReportQuery = z
  .object({
    serviceId: z.enum(serviceIds).optional().describe('Only this service’s cards and feedback'),
    from: IsoDate.optional().describe('Inclusive (UTC day)'),
    to: IsoDate.optional().describe('Inclusive: the whole day counts (UTC)'),
  })
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, {
    path: ['to'],
    message: 'must not be before from',
  });
const Indicator = z.enum(['info', 'warning', 'critical']);
const startOfDay = (isoDate: string) => new Date(`${isoDate}T00:00:00Z`);
const nextDay = (isoDate: string) => {
  const d = startOfDay(isoDate);
  d.setUTCDate(d.getUTCDate() + 1);
  return d;
};

export const FeedbackReportSchema = z.object({
  rules: z.array(
    z.object({
      rule: z.string(),
      title: z.string().nullable().describe('Null for a rule KetaFlow does not know'),
      indicator: Indicator.nullable().describe('Of the most recent card for the rule'),
      cardsIssued: z.number().int(),
      accepted: z.number().int(),
      overridden: z.number().int(),
      overrideRate: z.number().nullable(),
      reasons: z.array(
        z.object({
          code: z.string().describe('`(no reason)`: overrides sent without one'),
          system: z.string().nullable(),
          display: z.string(),
          count: z.number().int(),
        }),
      ),
      comments: z
        .array(z.object({ comment: z.string(), outcomeTimestamp: z.string() }))
        .describe('The latest 5 at most, newest first'),
    }),
  ),
});

export async function feedbackReport(
  db: Database,
  kb: KnowledgeBase,
  q: z.infer<typeof FeedbackReportQuery>,
): Promise<z.infer<typeof FeedbackReportSchema>> {
  const cardFilters: SQL[] = [];
  const feedbackFilters: SQL[] = [];
  if (q.serviceId !== undefined) {
    cardFilters.push(eq(cdsCards.serviceId, q.serviceId));
    feedbackFilters.push(eq(cdsFeedback.serviceId, q.serviceId));
  }
  if (q.from !== undefined) {
    cardFilters.push(gte(cdsCards.createdAt, startOfDay(q.from)));
    feedbackFilters.push(gte(cdsFeedback.outcomeTimestamp, startOfDay(q.from)));
  }
  if (q.to !== undefined) {
    cardFilters.push(lt(cdsCards.createdAt, nextDay(q.to)));
    feedbackFilters.push(lt(cdsFeedback.outcomeTimestamp, nextDay(q.to)));
  }
  const cardWhere = cardFilters.length > 0 ? and(...cardFilters) : undefined;
  const feedbackWhere = feedbackFilters.length > 0 ? and(...feedbackFilters) : undefined;
  const issued = await db
    .select({ rule: cdsCards.ruleCode, n: count() })
    .from(cdsCards)
    .where(cardWhere)
    .groupBy(cdsCards.ruleCode);
  // Each card counts once, with its latest outcome in the window: a client may resend or
  // correct its feedback. Same timestamp: the override counts (a rule is reviewed rather
  // than missed).
  const latest = db
    .selectDistinctOn([cdsFeedback.cardUuid], {
      rule: cdsFeedback.ruleCode,
      outcome: cdsFeedback.outcome,
      reason: cdsFeedback.overrideReasonCode,
      system: cdsFeedback.overrideReasonSystem,
    })
    .from(cdsFeedback)
    .where(feedbackWhere)
    .orderBy(
      cdsFeedback.cardUuid,
      desc(cdsFeedback.outcomeTimestamp),
      desc(cdsFeedback.createdAt),
      desc(cdsFeedback.outcome),
    )
    .as('latest');
  const outcomes = await db
    .select({
      rule: latest.rule,
      outcome: latest.outcome,
      reason: latest.reason,
      system: latest.system,
      n: count(),
    })
    .from(latest)
    .groupBy(latest.rule, latest.outcome, latest.reason, latest.system);
  // Comments: one per card and text (a resent answer does not repeat it), the 5 latest per rule.
  const commented = db
    .selectDistinctOn([cdsFeedback.cardUuid, cdsFeedback.userComment], {
      rule: cdsFeedback.ruleCode,
      comment: cdsFeedback.userComment,
      at: cdsFeedback.outcomeTimestamp,
      recordedAt: cdsFeedback.createdAt,
    })
    .from(cdsFeedback)
    .where(and(feedbackWhere, sql`btrim(${cdsFeedback.userComment}) <> ''`))
    .orderBy(
      cdsFeedback.cardUuid,
      cdsFeedback.userComment,
      desc(cdsFeedback.outcomeTimestamp),
      desc(cdsFeedback.createdAt),
    )
    .as('commented');
  const ranked = db
    .select({
      rule: commented.rule,
      comment: commented.comment,
      at: commented.at,
      rank: sql<number>`row_number() over (partition by ${commented.rule} order by ${commented.at} desc, ${commented.recordedAt} desc, ${commented.comment})`.as(
        'rank',
      ),
    })
    .from(commented)
    .as('ranked');
  const comments = await db
    .select({ rule: ranked.rule, comment: ranked.comment, at: ranked.at })
    .from(ranked)
    .where(lte(ranked.rank, 5))
    .orderBy(ranked.rule, ranked.rank);
  type Reason = { code: string; system: string | null; count: number };
  const rules = new Map<
    string,
    {
      cardsIssued: number;
      accepted: number;
      overridden: number;
      reasons: Map<string, Reason>;
      comments: { comment: string; outcomeTimestamp: string }[];
    }
  >();
  const entry = (rule: string) => {
    let e = rules.get(rule);
    if (!e) {
      e = { cardsIssued: 0, accepted: 0, overridden: 0, reasons: new Map(), comments: [] };
      rules.set(rule, e);
    }
    return e;
  };
  for (const r of issued) entry(r.rule).cardsIssued = r.n;
  for (const o of outcomes) {
    const e = entry(o.rule);
    if (o.outcome === 'accepted') e.accepted += o.n;
    else {
      e.overridden += o.n;
      const code = o.reason ?? '(no reason)';
      const system = o.reason === null ? null : o.system;
      const key = JSON.stringify([system, code]);
      const reason = e.reasons.get(key) ?? { code, system, count: 0 };
      reason.count += o.n;
      e.reasons.set(key, reason);
    }
  }
  for (const c of comments)
    if (c.comment !== null)
      entry(c.rule).comments.push({
        comment: c.comment,
        outcomeTimestamp: new Date(c.at).toISOString(),
      });
  // The indicator of the rule's most recent card: in the window, else of any time.
  const indicators = new Map<string, string>();
  const latestIndicators = (where: SQL | undefined) =>
    db
      .selectDistinctOn([cdsCards.ruleCode], {
        rule: cdsCards.ruleCode,
        indicator: cdsCards.indicator,
      })
      .from(cdsCards)
      .where(where)
      .orderBy(cdsCards.ruleCode, desc(cdsCards.createdAt));
  if (rules.size > 0)
    for (const r of await latestIndicators(
      and(cardWhere, inArray(cdsCards.ruleCode, [...rules.keys()])),
    ))
      indicators.set(r.rule, r.indicator);
  const unseen = [...rules.keys()].filter((rule) => !indicators.has(rule));
  if (unseen.length > 0)
    for (const r of await latestIndicators(inArray(cdsCards.ruleCode, unseen)))
      indicators.set(r.rule, r.indicator);
  return {
    rules: [...rules.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([rule, e]) => {
        const indicator = Indicator.safeParse(indicators.get(rule));
        return {
          rule,
          title: ruleTitle(rule, kb),
          indicator: indicator.success ? indicator.data : null,
          cardsIssued: e.cardsIssued,
          accepted: e.accepted,
          overridden: e.overridden,
          overrideRate:
            e.accepted + e.overridden === 0 ? null : e.overridden / (e.accepted + e.overridden),
          reasons: [...e.reasons.values()]
            .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code))
            .map((r) => ({
              code: r.code,
              system: r.system,
              display:
                r.system === null && r.code === '(no reason)'
                  ? 'No reason given'
                  : (overrideReasonDisplay(r.system, r.code) ?? r.code),
              count: r.count,
            })),
          comments: e.comments,
        };
      }),
  };
}
