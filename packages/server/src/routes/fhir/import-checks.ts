/**
 * Checks each entry of a transaction Bundle before anything is written: every entry names a FHIR R4
 * resource type, and every `urn:uuid:` reference points at an entry of the same Bundle (FHIR R4
 * 3.1.0.11: such a reference can only be resolved inside the Bundle). Each failure names the entry
 * and the element, and the whole transaction is refused.
 */
import { FhirError, type Problems } from './outcome';
import { isObject } from './fhir-read';

/** The resource types of FHIR R4 (4.0.1), as the specification's StructureDefinitions name them. */
export const R4_RESOURCE_TYPES: ReadonlySet<string> = new Set([
  'Account',
  'ActivityDefinition',
  'AdverseEvent',
  'AllergyIntolerance',
  'Appointment',
  'AppointmentResponse',
  'AuditEvent',
  'Basic',
  'Binary',
  'BiologicallyDerivedProduct',
  'BodyStructure',
  'Bundle',
  'CapabilityStatement',
  'CarePlan',
  'CareTeam',
  'CatalogEntry',
  'ChargeItem',
  'ChargeItemDefinition',
  'Claim',
  'ClaimResponse',
  'ClinicalImpression',
  'CodeSystem',
  'Communication',
  'CommunicationRequest',
  'CompartmentDefinition',
  'Composition',
  'ConceptMap',
  'Condition',
  'Consent',
  'Contract',
  'Coverage',
  'CoverageEligibilityRequest',
  'CoverageEligibilityResponse',
  'DetectedIssue',
  'Device',
  'DeviceDefinition',
  'DeviceMetric',
  'DeviceRequest',
  'DeviceUseStatement',
  'DiagnosticReport',
  'DocumentManifest',
  'DocumentReference',
  'EffectEvidenceSynthesis',
  'Encounter',
  'Endpoint',
  'EnrollmentRequest',
  'EnrollmentResponse',
  'EpisodeOfCare',
  'EventDefinition',
  'Evidence',
  'EvidenceVariable',
  'ExampleScenario',
  'ExplanationOfBenefit',
  'FamilyMemberHistory',
  'Flag',
  'Goal',
  'GraphDefinition',
  'Group',
  'GuidanceResponse',
  'HealthcareService',
  'ImagingStudy',
  'Immunization',
  'ImmunizationEvaluation',
  'ImmunizationRecommendation',
  'ImplementationGuide',
  'InsurancePlan',
  'Invoice',
  'Library',
  'Linkage',
  'List',
  'Location',
  'Measure',
  'MeasureReport',
  'Media',
  'Medication',
  'MedicationAdministration',
  'MedicationDispense',
  'MedicationKnowledge',
  'MedicationRequest',
  'MedicationStatement',
  'MedicinalProduct',
  'MedicinalProductAuthorization',
  'MedicinalProductContraindication',
  'MedicinalProductIndication',
  'MedicinalProductIngredient',
  'MedicinalProductInteraction',
  'MedicinalProductManufactured',
  'MedicinalProductPackaged',
  'MedicinalProductPharmaceutical',
  'MedicinalProductUndesirableEffect',
  'MessageDefinition',
  'MessageHeader',
  'MolecularSequence',
  'NamingSystem',
  'NutritionOrder',
  'Observation',
  'ObservationDefinition',
  'OperationDefinition',
  'OperationOutcome',
  'Organization',
  'OrganizationAffiliation',
  'Parameters',
  'Patient',
  'PaymentNotice',
  'PaymentReconciliation',
  'Person',
  'PlanDefinition',
  'Practitioner',
  'PractitionerRole',
  'Procedure',
  'Provenance',
  'Questionnaire',
  'QuestionnaireResponse',
  'RelatedPerson',
  'RequestGroup',
  'ResearchDefinition',
  'ResearchElementDefinition',
  'ResearchStudy',
  'ResearchSubject',
  'RiskAssessment',
  'RiskEvidenceSynthesis',
  'Schedule',
  'SearchParameter',
  'ServiceRequest',
  'Slot',
  'Specimen',
  'SpecimenDefinition',
  'StructureDefinition',
  'StructureMap',
  'Subscription',
  'SubscriptionStatus',
  'Substance',
  'SubstanceNucleicAcid',
  'SubstancePolymer',
  'SubstanceProtein',
  'SubstanceReferenceInformation',
  'SubstanceSourceMaterial',
  'SubstanceSpecification',
  'SupplyDelivery',
  'SupplyRequest',
  'Task',
  'TerminologyCapabilities',
  'TestReport',
  'TestScript',
  'ValueSet',
  'VerificationResult',
  'VisionPrescription',
]);

/** Every `reference` string in a resource, with its FHIRPath-like place. */
function references(value: unknown, path: string, out: [string, string][]): void {
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) references(v, `${path}[${String(i)}]`, out);
  } else if (isObject(value))
    for (const [key, v] of Object.entries(value)) {
      if (key === 'reference' && typeof v === 'string') out.push([`${path}.reference`, v]);
      else references(v, `${path}.${key}`, out);
    }
}

/**
 * The fullUrl of every entry, with the place of the first entry that has it: what a `urn:uuid:`
 * reference may point at.
 */
export function fullUrlsOf(entries: readonly unknown[]): ReadonlyMap<string, number> {
  const urls = new Map<string, number>();
  for (const [index, e] of entries.entries())
    if (isObject(e) && typeof e.fullUrl === 'string' && !urls.has(e.fullUrl))
      urls.set(e.fullUrl, index);
  return urls;
}

/** The earlier entry whose fullUrl entry `index` repeats, if any. */
export function earlierWithFullUrl(
  entry: unknown,
  index: number,
  fullUrls: ReadonlyMap<string, number>,
): number | undefined {
  if (!isObject(entry) || typeof entry.fullUrl !== 'string') return undefined;
  const first = fullUrls.get(entry.fullUrl);
  return first === index ? undefined : first;
}

/**
 * Entry `index` has a fullUrl no earlier entry has, and a resource whose type R4 has and whose
 * every `urn:uuid:` reference is in `fullUrls`; each problem goes to `problems` (the caller
 * answers them together). False when there is no resource to read further.
 *
 * Two entries with one fullUrl would leave a reference to it naming either. R4 lets them share it
 * only as versions of one resource (Bundle rule bdl-7), and a transaction may not touch one
 * resource twice (https://hl7.org/fhir/R4/http.html#trules), so the later entry is refused.
 */
export function checkTransactionEntry(
  entry: unknown,
  index: number,
  fullUrls: ReadonlyMap<string, number>,
  problems: Problems,
): boolean {
  const path = `Bundle.entry[${String(index)}]`;
  const earlier = earlierWithFullUrl(entry, index, fullUrls);
  if (earlier !== undefined)
    problems.add(
      new FhirError(
        400,
        'invalid',
        `${path}.fullUrl is the fullUrl of Bundle.entry[${String(earlier)}] too. Each entry of a Bundle needs its own fullUrl.`,
        `${path}.fullUrl`,
      ),
    );
  if (!isObject(entry) || !isObject(entry.resource)) {
    problems.add(new FhirError(400, 'invalid', 'Each entry needs a resource.', path));
    return false;
  }
  const type = entry.resource.resourceType;
  if (typeof type !== 'string' || !R4_RESOURCE_TYPES.has(type))
    problems.add(
      new FhirError(
        400,
        typeof type === 'string' ? 'not-supported' : 'required',
        typeof type === 'string'
          ? `${type} is not a FHIR R4 resource type.`
          : 'The resource needs a resourceType.',
        `${path}.resource.resourceType`,
      ),
    );
  const found: [string, string][] = [];
  references(entry.resource, `${path}.resource`, found);
  for (const [where, reference] of found)
    if (reference.startsWith('urn:uuid:') && !fullUrls.has(reference))
      problems.add(
        new FhirError(
          400,
          'invalid',
          `${where}: ${reference} is not the fullUrl of any entry in this Bundle.`,
          where,
        ),
      );
  return true;
}
