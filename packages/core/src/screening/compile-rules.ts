import type { MedicationId } from '../knowledge/ids';
import type {
  Contraindication,
  BloodPressureThresholds,
} from '../knowledge/schema/contraindication';
import type { Interaction } from '../knowledge/schema/interaction';
import type { KnowledgeBase } from '../knowledge/schema/knowledge-base';
import type { PregnancyStatusRules, ReproductiveGuidance } from '../knowledge/schema/reproductive';
import type { FindingSource, ScreeningProduct } from './types';

const NON_WORD = /[^a-z0-9]+/g;

/** Lower-case words separated by single spaces, padded, for whole-word `includes`. */
export function padWords(text: string): string {
  if (text === '') return '';
  return ` ${text.toLowerCase().replace(NON_WORD, ' ').trim()} `;
}

export interface CompiledContraindication {
  readonly ci: Contraindication;
  readonly snomed: ReadonlySet<string>;
  readonly icd10: readonly string[];
  readonly phrases: readonly string[];
  readonly sources: readonly FindingSource[];
}

export interface ProductRules {
  readonly contraindications: readonly CompiledContraindication[];
  readonly hypertension: CompiledContraindication | undefined;
  readonly pregnancy: CompiledContraindication | undefined;
  readonly bloodPressure: BloodPressureThresholds | undefined;
  readonly interactionsByClass: ReadonlyMap<string, readonly Interaction[]>;
  readonly interactionSources: ReadonlyMap<string, readonly FindingSource[]>;
  readonly breastfeeding: ReproductiveGuidance | undefined;
  readonly pregnancyGuidance: ReproductiveGuidance | undefined;
  readonly pregnancyRules: PregnancyStatusRules | undefined;
  readonly sourcesOf: (ids: readonly string[]) => readonly FindingSource[];
}

const MEDICATION_OF: Readonly<Record<ScreeningProduct, MedicationId>> = {
  'ketamine-iv': 'ketamine',
  'esketamine-nasal': 'esketamine',
};

function compile(kb: KnowledgeBase, product: ScreeningProduct): ProductRules {
  const med = MEDICATION_OF[product];
  const byId = new Map(kb.sources.map((s) => [s.id, { id: s.id, title: s.title, year: s.year }]));
  // Every finding's sources are built here, so this is where they are made unique by id (a
  // finding that joins a threshold's and a rule's sources would otherwise cite S02 twice).
  const sourcesOf = (ids: readonly string[]): readonly FindingSource[] => {
    const out: FindingSource[] = [];
    for (const id of ids) {
      const s = byId.get(id);
      if (s !== undefined && !out.includes(s)) out.push(s);
    }
    return out;
  };
  const contraindications = kb.contraindications
    .filter((ci) => ci.appliesTo.includes(med))
    .map((ci) => ({
      ci,
      snomed: new Set(ci.criteria.snomedCt.map((c) => c.code)),
      icd10: ci.criteria.icd10Cm.map((c) => c.prefix),
      phrases: ci.criteria.textSynonyms.map(padWords),
      sources: sourcesOf(ci.sources),
    }));
  const interactionsByClass = new Map<string, Interaction[]>();
  const interactionSources = new Map<string, readonly FindingSource[]>();
  for (const ix of kb.interactions) {
    if (!ix.appliesTo.includes(med)) continue;
    const list = interactionsByClass.get(ix.classId) ?? [];
    list.push(ix);
    interactionsByClass.set(ix.classId, list);
    interactionSources.set(ix.code, sourcesOf(ix.sources));
  }
  const guidance = (topic: ReproductiveGuidance['topic']): ReproductiveGuidance | undefined =>
    kb.pregnancyAndLactation.find((g) => g.topic === topic && g.appliesTo.includes(med));
  const hypertension = contraindications.find((c) => c.ci.bloodPressure !== undefined);
  return {
    contraindications,
    hypertension,
    pregnancy: contraindications.find((c) => c.ci.code === 'CI.PREGNANCY'),
    bloodPressure: hypertension?.ci.bloodPressure,
    interactionsByClass,
    interactionSources,
    breastfeeding: guidance('breastfeeding'),
    pregnancyGuidance: guidance('pregnancy'),
    pregnancyRules: kb.pregnancyAndLactation.find((g) => g.statusRules !== undefined)?.statusRules,
    sourcesOf,
  };
}

const cache = new WeakMap<KnowledgeBase, Map<ScreeningProduct, ProductRules>>();

/** The knowledge base's rules for one product, compiled once per (frozen) knowledge base. */
export function rulesFor(kb: KnowledgeBase, product: ScreeningProduct): ProductRules {
  let perProduct = cache.get(kb);
  if (perProduct === undefined) {
    perProduct = new Map();
    cache.set(kb, perProduct);
  }
  let rules = perProduct.get(product);
  if (rules === undefined) {
    rules = compile(kb, product);
    perProduct.set(product, rules);
  }
  return rules;
}
