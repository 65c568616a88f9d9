import { randomUUID } from 'node:crypto';
import {
  calculateDose,
  normalizeMedication,
  parseFhirBundle,
  screen,
  type Finding,
  type IndicationId,
  type KnowledgeBase,
  type ScreeningProduct,
} from '@ketaflow/core';

type Json = Record<string, unknown>;

export const RULE_SYSTEM = 'https://ketaflow.org/cds/rules';
/** The card the dose check adds (not a screening finding). */
export const DOSE_RULE = 'CDS.DOSE_OUT_OF_RANGE';
/** Screening for an order uses this indication unless the order names another one. */
export const DEFAULT_INDICATION: IndicationId = 'depression';

const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';

export const OVERRIDE_REASONS: { code: string; system: string; display: string }[] = [
  { code: 'benefit-outweighs-risk', system: RULE_SYSTEM, display: 'Benefit outweighs the risk' },
  { code: 'patient-informed', system: RULE_SYSTEM, display: 'Discussed with the patient' },
  { code: 'data-incorrect', system: RULE_SYSTEM, display: 'The record is wrong or out of date' },
  { code: 'managed-elsewhere', system: RULE_SYSTEM, display: 'Managed by another clinician' },
];

export interface Card {
  readonly uuid: string;
  readonly summary: string;
  readonly detail: string;
  readonly indicator: 'info' | 'warning' | 'critical';
  readonly source: {
    readonly label: string;
    readonly url: string;
    readonly topic: { readonly system: string; readonly code: string; readonly display: string };
  };
  readonly suggestions?: ({ label: string; uuid: string } & Json)[];
  readonly selectionBehavior?: 'at-most-one' | 'any';
  readonly overrideReasons?: { code: string; system: string; display: string }[];
}

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export interface DraftMedicationOrder {
  readonly resource: Json;
  readonly product: ScreeningProduct;
}

/** The ketamine or esketamine MedicationRequests among the draft orders (others are ignored). */
export function ketamineDraftOrders(context: Json): DraftMedicationOrder[] {
  const bundle = context.draftOrders;
  if (!isObject(bundle) || !Array.isArray(bundle.entry)) return [];
  const selections = Array.isArray(context.selections)
    ? new Set((context.selections as unknown[]).filter((s) => typeof s === 'string'))
    : undefined;
  const out: DraftMedicationOrder[] = [];
  for (const e of bundle.entry as unknown[]) {
    if (!isObject(e) || !isObject(e.resource)) continue;
    const r = e.resource;
    if (r.resourceType !== 'MedicationRequest') continue;
    if (selections && !selections.has(`MedicationRequest/${String(r.id)}`)) continue;
    const concept = isObject(r.medicationCodeableConcept) ? r.medicationCodeableConcept : {};
    const codes = (Array.isArray(concept.coding) ? (concept.coding as unknown[]) : [])
      .filter((c): c is Json => isObject(c) && c.system === RXNORM && typeof c.code === 'string')
      .map((c) => c.code as string);
    const codings: unknown[] = Array.isArray(concept.coding) ? (concept.coding as unknown[]) : [];
    const texts = [concept.text, ...codings]
      .map((c: unknown) => (typeof c === 'string' ? c : isObject(c) ? c.display : undefined))
      .filter((t): t is string => typeof t === 'string');
    const n = normalizeMedication(codes, texts[0]);
    if (n.status !== 'recognized') continue;
    const names = n.ingredients.map((i) => i.name);
    if (names.includes('esketamine')) out.push({ resource: r, product: 'esketamine-nasal' });
    else if (names.includes('ketamine')) out.push({ resource: r, product: 'ketamine-iv' });
  }
  return out;
}

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

function orderedMg(order: Json): number | undefined {
  const dosage = Array.isArray(order.dosageInstruction)
    ? (order.dosageInstruction[0] as unknown)
    : undefined;
  if (!isObject(dosage) || !Array.isArray(dosage.doseAndRate)) return undefined;
  const first = dosage.doseAndRate[0] as unknown;
  if (!isObject(first) || !isObject(first.doseQuantity)) return undefined;
  const q = first.doseQuantity;
  return typeof q.value === 'number' && (q.code === 'mg' || q.unit === 'mg') ? q.value : undefined;
}

/** A card when an IV ketamine order's mg dose is outside the protocol limits for the weight. */
function doseCard(
  order: Json,
  weightKg: number,
  kb: KnowledgeBase,
  indication: IndicationId,
  asOf: string,
  publicUrl: string,
): Card | undefined {
  const mg = orderedMg(order);
  if (mg === undefined) return undefined;
  const base = {
    product: 'ketamine-iv',
    indication,
    weight: { value: weightKg, unit: 'kg' },
    asOf,
  };
  const ordered = calculateDose(kb, { ...base, dose: { value: mg, unit: 'mg' } });
  const outside = !ordered.ok || ordered.value.calculation.limits.length > 0;
  if (!outside) return undefined;
  const standard = calculateDose(kb, base);
  if (!standard.ok || standard.value.product !== 'ketamine-iv') return undefined;
  const calc = standard.value.calculation;
  const hard = !ordered.ok || ordered.value.calculation.limits.some((l) => l.level === 'hard');
  const suggestedMg = calc.dose.value;
  const updated = structuredClone(order);
  const dosage = (updated.dosageInstruction as Json[])[0] as Json;
  dosage.doseAndRate = [
    {
      doseQuantity: {
        value: suggestedMg,
        unit: 'mg',
        system: 'http://unitsofmeasure.org',
        code: 'mg',
      },
    },
  ];
  return {
    uuid: randomUUID(),
    summary: clip(
      `Ketamine ${String(mg)} mg is outside the protocol for ${String(weightKg)} kg; protocol dose ${String(suggestedMg)} mg`,
      140,
    ),
    detail: `The ${indication} protocol gives ${String(calc.dosePerKg.value)} mg/kg for a dosing weight of ${String(calc.dosingWeight.value)} kg (${calc.dosingWeight.basis}).`,
    indicator: hard ? 'critical' : 'warning',
    source: {
      label: 'KetaFlow dosing protocol',
      url: `${publicUrl}/learn/ketamine-therapy`,
      topic: { system: RULE_SYSTEM, code: DOSE_RULE, display: 'dose' },
    },
    suggestions: [
      {
        label: `Order ${String(suggestedMg)} mg (protocol dose for ${String(weightKg)} kg)`,
        uuid: randomUUID(),
        isRecommended: true,
        actions: [
          {
            type: 'update',
            description: `Set the dose to ${String(suggestedMg)} mg`,
            resource: updated,
          },
        ],
      },
    ],
    selectionBehavior: 'at-most-one',
    overrideReasons: OVERRIDE_REASONS,
  };
}

export type OrderCardsResult =
  { readonly ok: true; readonly cards: Card[] } | { readonly ok: false; readonly message: string };

/** Screens the patient for each product ordered and turns the findings into cards. */
export function orderCards(
  orders: readonly DraftMedicationOrder[],
  resources: readonly Json[],
  kb: KnowledgeBase,
  asOf: string,
  publicUrl: string,
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
  const cards: Card[] = [];
  const products = [...new Set(orders.map((o) => o.product))];
  for (const product of products) {
    const result = screen(facts.value, kb, { indication: DEFAULT_INDICATION, product, asOf });
    for (const f of result.findings) cards.push(findingCard(f, publicUrl));
  }
  const weight = [...facts.value.weights].sort((a, b) =>
    (b.date ?? '').localeCompare(a.date ?? ''),
  )[0];
  if (weight) {
    for (const o of orders) {
      if (o.product !== 'ketamine-iv') continue;
      const card = doseCard(o.resource, weight.valueKg, kb, DEFAULT_INDICATION, asOf, publicUrl);
      if (card) cards.push(card);
    }
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
  'SCREEN.MISSING_WEIGHT': 'No weight on record',
  'SCREEN.KNOWN_HYPERTENSION': 'Known high blood pressure',
  'SCREEN.UNREADABLE_CONDITION': 'Condition recorded with neither a code nor a text',
  'SCREEN.UNREADABLE_ALLERGY': 'Allergy recorded without an RxNorm code or a name',
  'VOCAB.AMBIGUOUS_MEDICATION': 'Medicine name that could be several medicines',
  'VOCAB.UNRECOGNIZED_MEDICATION': 'Medicine that could not be recognised',
  [DOSE_RULE]: 'Ketamine dose outside the protocol for the weight',
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
