import { randomUUID } from 'node:crypto';
import {
  parseFhirBundle,
  screen,
  type Finding,
  type IndicationId,
  type KnowledgeBase,
  type ScreeningProduct,
  type WeightFact,
} from '@ketaflow/core';
import {
  clip,
  DOSE_RULE,
  DOSE_UNCHECKED_RULE,
  OVERRIDE_REASONS,
  RULE_SYSTEM,
  type Card,
} from './card-types';
import { orderDoseCard, type DoseCheckContext, type DosingWeight } from './dose-cards';
import type { DraftMedicationOrder } from './draft-orders';

type Json = Record<string, unknown>;

/** Screening for an order uses this indication unless the order names another one. */
export const DEFAULT_INDICATION: IndicationId = 'depression';

function learnPath(f: Finding): string {
  if (f.kind === 'interaction') return '/learn/interactions';
  if (/PREGNAN|BREAST|LACTAT/.test(f.code)) return '/learn/pregnancy';
  if (f.kind === 'contraindication') return '/learn/who-should-not';
  return '/learn/side-effects';
}

export function findingCard(f: Finding, publicUrl: string): Card {
  const lines = [f.detail];
  if (f.management) lines.push(`**What to do:** ${f.management}`);
  if (f.evidence.length > 0)
    lines.push(`**Evidence:** ${f.evidence.map((e) => e.display).join('; ')}`);
  if (f.sources.length > 0)
    lines.push(
      `**Sources:** ${f.sources.map((s) => (s.year === null ? s.title : `${s.title} (${String(s.year)})`)).join('; ')}`,
    );
  return {
    uuid: randomUUID(),
    summary: clip(f.summary, 140),
    detail: lines.join('\n\n'),
    indicator: f.severity,
    source: {
      label: 'KetaFlow ketamine knowledge base',
      url: `${publicUrl}${learnPath(f)}`,
      topic: { system: RULE_SYSTEM, code: f.code, display: f.kind },
    },
    ...(f.severity === 'info' ? {} : { overrideReasons: OVERRIDE_REASONS }),
  };
}

export type OrderCardsResult =
  { readonly ok: true; readonly cards: Card[] } | { readonly ok: false; readonly message: string };

const SEVERITY_RANK: Readonly<Record<Finding['severity'], number>> = {
  info: 0,
  warning: 1,
  critical: 2,
};

/**
 * The findings of every product screened, one rule code from one product only: ketamine and
 * esketamine ordered together must not give two identical cards (the more severe product's
 * findings for a code are kept; within one product every finding stays).
 */
function mergeFindings(perProduct: readonly (readonly Finding[])[]): Finding[] {
  const chosen = new Map<string, number>();
  perProduct.forEach((findings, i) => {
    for (const f of findings) {
      const kept = chosen.get(f.code);
      const keptRank = Math.max(
        -1,
        ...(kept === undefined ? [] : (perProduct[kept] ?? []))
          .filter((k) => k.code === f.code)
          .map((k) => SEVERITY_RANK[k.severity]),
      );
      if (kept === undefined || SEVERITY_RANK[f.severity] > keptRank) chosen.set(f.code, i);
    }
  });
  return perProduct.flatMap((findings, i) => findings.filter((f) => chosen.get(f.code) === i));
}

const ISO_DATE_TIME =
  /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2}))?$/;

/**
 * The newest weight fit to dose by: positive, with a full date (a day, or an instant with its
 * offset) that is not after `asOf`. Undated, future-dated and non-positive weights are skipped,
 * never guessed at; the dose calculation then checks the chosen weight's age itself.
 */
export function dosingWeight(
  weights: readonly WeightFact[],
  asOf: string,
): DosingWeight | undefined {
  const asOfDay = asOf.slice(0, 10);
  const asOfMs = asOf.length > 10 ? Date.parse(asOf) : Date.parse(`${asOfDay}T23:59:59.999Z`);
  const usable = weights.flatMap((w) => {
    const date = w.date;
    if (date === undefined || !ISO_DATE_TIME.test(date)) return [];
    if (!(Number.isFinite(w.valueKg) && w.valueKg > 0)) return [];
    const ms = Date.parse(date);
    if (Number.isNaN(ms)) return [];
    if (date.length === 10 ? date > asOfDay : ms > asOfMs) return [];
    return [{ valueKg: w.valueKg, date, ms }];
  });
  const newest = usable.sort((a, b) => b.ms - a.ms)[0];
  return newest === undefined ? undefined : { valueKg: newest.valueKg, date: newest.date };
}

/**
 * Screens the patient for each product ordered, checks each order's dose, and turns both into
 * cards. `asOf` is the clock's now (an ISO instant; a day is accepted too): screening is for its
 * day, and the weight-age check of the dose calculation runs against it.
 */
export function orderCards(
  orders: readonly DraftMedicationOrder[],
  resources: readonly Json[],
  kb: KnowledgeBase,
  asOf: string,
  publicUrl: string,
  hook: DoseCheckContext['hook'] = 'order-sign',
): OrderCardsResult {
  const draftIds = new Set(orders.map((o) => `MedicationRequest/${String(o.resource.id)}`));
  const entry = resources
    .filter((r) => !draftIds.has(`${String(r.resourceType)}/${String(r.id)}`))
    .map((resource) => ({ resource }));
  const facts = parseFhirBundle({ resourceType: 'Bundle', type: 'collection', entry });
  if (!facts.ok)
    return {
      ok: false,
      message: facts.error.map((p) => `${p.path ?? ''}: ${p.message}`).join('; '),
    };
  const day = asOf.slice(0, 10);
  const products: ScreeningProduct[] = [...new Set(orders.map((o) => o.product))];
  const findings = mergeFindings(
    products.map(
      (product) =>
        screen(facts.value, kb, { indication: DEFAULT_INDICATION, product, asOf: day }).findings,
    ),
  );
  const cards: Card[] = findings.map((f) => findingCard(f, publicUrl));
  const weight = dosingWeight(facts.value.weights, asOf);
  const ctx = { kb, indication: DEFAULT_INDICATION, asOf, publicUrl, hook };
  for (const o of orders) {
    const card = orderDoseCard(o, weight, ctx);
    if (card) cards.push(card);
  }
  return { ok: true, cards };
}

/**
 * Titles for the rules with no knowledge-base entry: the checks screening makes itself (worded as
 * their findings' summaries begin) and the cards the CDS Hooks services add.
 */
const FIXED_RULE_TITLES: Readonly<Record<string, string>> = {
  'SCREEN.PATIENT_DECEASED': 'The record says this patient has died',
  'SCREEN.MISSING_AGE': 'Age is unknown',
  'SCREEN.UNDER_18': 'Patient under 18',
  'SCREEN.MISSING_BLOOD_PRESSURE': 'No recent blood pressure on record',
  'SCREEN.MISSING_PREGNANCY_STATUS': 'Pregnancy status is unknown or out of date',
  'SCREEN.MISSING_BREASTFEEDING_STATUS': 'Breastfeeding status is unknown',
  'SCREEN.MISSING_WEIGHT': 'No weight on record',
  'SCREEN.UNREADABLE_STATUS': 'The status of a record could not be read',
  'SCREEN.KNOWN_HYPERTENSION': 'Known high blood pressure',
  'SCREEN.UNREADABLE_CONDITION': 'Condition recorded with neither a code nor a text',
  'SCREEN.UNREADABLE_ALLERGY': 'Allergy recorded without an RxNorm code or a name',
  'VOCAB.AMBIGUOUS_MEDICATION': 'Medicine name that could be several medicines',
  'VOCAB.UNRECOGNIZED_MEDICATION': 'Medicine that could not be recognised',
  [DOSE_RULE]: 'Ketamine or esketamine dose outside the protocol or label',
  [DOSE_UNCHECKED_RULE]: 'Ketamine or esketamine dose that could not be checked',
  'CDS.KETAFLOW_COURSE': 'KetaFlow course summary (patient view)',
};

const REPRODUCTIVE_TOPIC_TITLES: Readonly<Record<string, string>> = {
  pregnancy: 'Pregnancy',
  breastfeeding: 'Breastfeeding',
  contraception: 'Contraception',
};

/**
 * A readable name for a card's rule (`source.topic.code`): the knowledge base's name for a
 * contraindication, interaction or pregnancy/lactation topic, else the wording of the card the
 * rule issues; `null` for a code KetaFlow does not know.
 */
export function ruleTitle(code: string, kb: KnowledgeBase): string | null {
  const contraindication = kb.contraindications.find((c) => c.code === code);
  if (contraindication) return contraindication.name;
  const interaction = kb.interactions.find((i) => i.code === code);
  if (interaction) return `Interaction: ${interaction.className}`;
  const guidance = kb.pregnancyAndLactation.find((g) => g.code === code);
  if (guidance) return REPRODUCTIVE_TOPIC_TITLES[guidance.topic] ?? clip(guidance.summary, 80);
  return FIXED_RULE_TITLES[code] ?? null;
}

/** The display of an override reason KetaFlow's cards offer, or `undefined` for another one. */
export function overrideReasonDisplay(system: string | null, code: string): string | undefined {
  return OVERRIDE_REASONS.find((r) => r.system === system && r.code === code)?.display;
}
