/**
 * Two weeks of decision-support history for the demo clinic, so the admin's "Decision support"
 * page shows what it is for: a synthetic EHR signed a ketamine order for each demo patient, the
 * real order-sign card builder answered from that patient's own record (as FHIR), and the
 * prescriber accepted some cards and overrode others with a reason. All of it is synthetic.
 */
import { randomUUID } from 'node:crypto';
import type { KnowledgeBase } from '@ketaflow/core';
import { asc, count, eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { cdsCards, cdsFeedback, patients } from '../db/schema/index';
import { OVERRIDE_REASONS } from '../routes/cds-hooks/card-types';
import { orderCards } from '../routes/cds-hooks/cards';
import { ketamineDraftOrders } from '../routes/cds-hooks/draft-orders';
import { resourcesFor, type SearchableType } from '../routes/fhir/resources';

/** The synthetic EHR behind the demo history (not an allow-listed client: it cannot call in). */
export const DEMO_EHR_ISSUER = 'https://ehr.demo.ketaflow.test';
const SERVICE_ID = 'ketaflow-order-sign';
const DAY_MS = 86_400_000;

const DRAFT_ORDER = {
  resourceType: 'MedicationRequest',
  id: 'demo-draft-ketamine',
  status: 'draft',
  intent: 'order',
  medicationCodeableConcept: {
    coding: [
      { system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '6130', display: 'ketamine' },
    ],
    text: 'ketamine 50 mg/mL injection',
  },
};

const RECORD_TYPES: readonly SearchableType[] = [
  'Patient',
  'Condition',
  'MedicationStatement',
  'MedicationRequest',
  'AllergyIntolerance',
  'Observation',
];

/** What the prescriber wrote when overriding, by reason (synthetic). */
const COMMENTS: Readonly<Record<string, string>> = {
  'benefit-outweighs-risk': 'Severe, treatment-resistant episode; monitored closely.',
  'patient-informed': 'Risks discussed; patient wishes to go ahead.',
  'data-incorrect': 'Record out of date; checked with the patient today.',
  'managed-elsewhere': 'Followed by the primary care team.',
};

/**
 * Seeds the history once (nothing when any demo-EHR card exists). `now` dates it: calls on the
 * fourteen days before.
 */
export async function seedDemoDecisionSupport(
  db: Database,
  kb: KnowledgeBase,
  now: Date,
): Promise<number> {
  const [existing] = await db
    .select({ n: count() })
    .from(cdsCards)
    .where(eq(cdsCards.issuer, DEMO_EHR_ISSUER));
  if ((existing?.n ?? 0) > 0) return 0;
  const people = await db.select({ id: patients.id }).from(patients).orderBy(asc(patients.mrn));
  const orders = ketamineDraftOrders({
    draftOrders: { resourceType: 'Bundle', type: 'collection', entry: [{ resource: DRAFT_ORDER }] },
  });
  let cardsIssued = 0;
  for (const [i, person] of people.entries()) {
    const resources = [];
    for (const type of RECORD_TYPES)
      resources.push(...(await resourcesFor({ db, kb }, type, person.id)));
    const issuedAt = new Date(now.getTime() - ((i % 14) + 1) * DAY_MS);
    const result = orderCards(
      orders,
      resources,
      kb,
      issuedAt.toISOString().slice(0, 10),
      'http://localhost',
    );
    if (!result.ok || result.cards.length === 0) continue;
    const hookInstance = randomUUID();
    await db.insert(cdsCards).values(
      result.cards.map((c) => ({
        uuid: c.uuid,
        serviceId: SERVICE_ID,
        hookInstance,
        ruleCode: c.source.topic.code,
        indicator: c.indicator,
        issuer: DEMO_EHR_ISSUER,
        createdAt: issuedAt,
      })),
    );
    cardsIssued += result.cards.length;
    // A fixed pattern: accepted, overridden with a reason, no answer, accepted, ...
    const feedback = result.cards.flatMap((c, j) => {
      const turn = (i + j) % 4;
      if (turn === 2) return [];
      const reason = OVERRIDE_REASONS[Math.floor((i + j) / 4) % OVERRIDE_REASONS.length];
      const overridden = turn === 1 && reason !== undefined;
      return [
        {
          cardUuid: c.uuid,
          serviceId: SERVICE_ID,
          ruleCode: c.source.topic.code,
          outcome: overridden ? ('overridden' as const) : ('accepted' as const),
          overrideReasonCode: overridden ? reason.code : null,
          overrideReasonSystem: overridden ? reason.system : null,
          userComment: overridden && i % 2 === 0 ? (COMMENTS[reason.code] ?? null) : null,
          outcomeTimestamp: new Date(issuedAt.getTime() + 4 * 60_000),
          issuer: DEMO_EHR_ISSUER,
        },
      ];
    });
    if (feedback.length > 0) await db.insert(cdsFeedback).values(feedback);
  }
  return cardsIssued;
}
