import { z } from 'zod';
import { INDICATION_IDS, PROTOCOL_IDS, type IndicationId, type ProtocolId } from '../ids';
import { alternativesSchema, type Alternatives } from './alternatives';
import { clinicBrandingSchema, type ClinicBranding } from './branding';
import { weightBasisSchema } from './common';
import { contraindicationSchema, type Contraindication } from './contraindication';
import { costsSchema, type Costs } from './costs';
import { crisisResourcesSchema, type CrisisResources } from './crisis-resources';
import { esketamineScheduleSchema, type EsketamineSchedule } from './esketamine-schedule';
import { doseGuardrailsSchema, type DoseGuardrails } from './guardrails';
import { indicationSchema, type Indication } from './indication';
import { infusionPreparationSchema, type InfusionPreparation } from './infusion-preparation';
import { interactionSchema, type Interaction } from './interaction';
import { knowledgeNoteSchema, type KnowledgeNote } from './knowledge-note';
import { medicationSchema, type Medication } from './medication';
import { monitoringSchema, type Monitoring } from './monitoring';
import { outcomeDefaultsSchema, type OutcomeDefaults } from './outcomes';
import { productSchema, type Product } from './product';
import { infusionProtocolSchema, type InfusionProtocol } from './protocol';
import { reproductiveGuidanceSchema, type ReproductiveGuidance } from './reproductive';
import { schedulingDefaultsSchema, type SchedulingDefaults } from './scheduling';
import { sourceSchema, type Source } from './source';
import type { WeightBasis } from '../ids';

export type OverrideValue = string | number | boolean | null;

/** One value a clinic setting changed, so the UI can label it "clinic setting". */
export interface Override {
  /** Path in the clinic settings, e.g. `protocols.depression.defaultDoseMgPerKg`. */
  readonly path: string;
  /** Path of the changed value in the knowledge base, e.g. `protocols.depression.doseMgPerKg.default`. */
  readonly target: string;
  /** Previous value; `null` when there was none (a limit that did not exist). */
  readonly from: OverrideValue;
  readonly to: OverrideValue;
}

export interface ClinicProfile {
  /** `null` until a clinic sets its name. */
  readonly name: string | null;
  readonly weightBasisDefault: WeightBasis;
  /** Absent until the clinic sets any branding (clinic settings `branding`). */
  readonly branding?: ClinicBranding;
}

/** Everything KetaFlow knows, validated, versioned by content hash. */
export interface KnowledgeBase {
  readonly schemaVersion: 1;
  /** `kb-` + 16 hex of SHA-256 over the canonical JSON of every other field. */
  readonly knowledgeVersion: string;
  readonly clinic: ClinicProfile;
  readonly sources: readonly Source[];
  readonly medications: readonly Medication[];
  readonly products: readonly Product[];
  readonly indications: readonly Indication[];
  readonly protocols: Readonly<Record<ProtocolId, InfusionProtocol>>;
  readonly esketamineSchedules: readonly EsketamineSchedule[];
  readonly doseGuardrails: Readonly<Record<ProtocolId, DoseGuardrails>>;
  /** Guardrails a location tightens further, by location code then protocol (clinic settings). */
  readonly locationGuardrails: Readonly<
    Record<string, Partial<Readonly<Record<ProtocolId, DoseGuardrails>>>>
  >;
  readonly infusionPreparation: InfusionPreparation;
  /** Appointment times, spacing, nurse capacity, holds and cut-offs (clinic settings). */
  readonly scheduling: SchedulingDefaults;
  readonly contraindications: readonly Contraindication[];
  readonly interactions: readonly Interaction[];
  readonly pregnancyAndLactation: readonly ReproductiveGuidance[];
  readonly alternatives: Readonly<Record<IndicationId, Alternatives>>;
  readonly costs: Costs;
  readonly monitoring: Monitoring;
  /** Rating scales, response and remission criteria, instrument by indication (clinic settings). */
  readonly outcomes: OutcomeDefaults;
  /** Crisis lines shown to patients (clinic setting; the default is the US lines). */
  readonly crisisResources: CrisisResources;
  readonly notes: readonly KnowledgeNote[];
  readonly overrides: readonly Override[];
}

const overrideValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const knowledgeBaseSchema: z.ZodType<KnowledgeBase> = z.strictObject({
  schemaVersion: z.literal(1),
  knowledgeVersion: z.string().regex(/^kb-[0-9a-f]{16}$/),
  clinic: z.strictObject({
    name: z.string().trim().min(1).max(200).nullable(),
    weightBasisDefault: weightBasisSchema,
    branding: clinicBrandingSchema.exactOptional(),
  }),
  sources: z.array(sourceSchema).min(1),
  medications: z.array(medicationSchema).min(1),
  products: z.array(productSchema).min(1),
  indications: z.array(indicationSchema).length(INDICATION_IDS.length),
  protocols: z.record(z.enum(PROTOCOL_IDS), infusionProtocolSchema),
  esketamineSchedules: z.array(esketamineScheduleSchema),
  doseGuardrails: z.record(z.enum(PROTOCOL_IDS), doseGuardrailsSchema),
  locationGuardrails: z.record(
    z.string().min(1),
    z.partialRecord(z.enum(PROTOCOL_IDS), doseGuardrailsSchema),
  ),
  infusionPreparation: infusionPreparationSchema,
  scheduling: schedulingDefaultsSchema,
  contraindications: z.array(contraindicationSchema).min(1),
  interactions: z.array(interactionSchema).min(1),
  pregnancyAndLactation: z.array(reproductiveGuidanceSchema).min(1),
  alternatives: z.record(z.enum(INDICATION_IDS), alternativesSchema),
  costs: costsSchema,
  monitoring: monitoringSchema,
  outcomes: outcomeDefaultsSchema,
  crisisResources: crisisResourcesSchema,
  notes: z.array(knowledgeNoteSchema),
  overrides: z.array(
    z.strictObject({
      path: z.string().min(1),
      target: z.string().min(1),
      from: overrideValueSchema,
      to: overrideValueSchema,
    }),
  ),
});
