/**
 * The OpenAPI document's error answers in the media type the server sends: KetaFlow's own routes
 * answer errors as `application/problem+json` (RFC 9457), which the route schemas (one zod schema
 * per status) would otherwise list as `application/json`. FHIR routes keep theirs (OperationOutcome
 * as `application/fhir+json`, OAuth errors as `application/json`).
 */
interface Operation {
  responses?: Record<string, { content?: Record<string, unknown> }>;
}

const PROBLEM_JSON = 'application/problem+json';

export function problemJsonErrors<T extends { paths?: Record<string, unknown> }>(document: T): T {
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    if (path === '/fhir' || path.startsWith('/fhir/')) continue;
    for (const operation of Object.values(item as Record<string, Operation>)) {
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        const content = response.content;
        if (Number(status) < 400 || content === undefined) continue;
        const json = content['application/json'];
        if (json === undefined || content[PROBLEM_JSON] !== undefined) continue;
        response.content = { [PROBLEM_JSON]: json };
      }
    }
  }
  return document;
}
