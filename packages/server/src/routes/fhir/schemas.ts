/**
 * Zod schemas for /fhir: the OpenAPI document is generated from them, and every response is
 * checked against them before it leaves (see `fhirSerializerCompiler`). Resources are loose
 * objects: `resourceType` and `id` are checked, every other FHIR field passes through untouched.
 */
import type { FastifySchemaCompiler, FastifySerializerCompiler } from 'fastify';
import { ResponseSerializationError } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { FHIR_JSON } from './outcome';
import { SEARCHABLE_TYPES, type SearchableType } from './resources';
import { searchParams } from './search';

const spec = (type: string) => `https://hl7.org/fhir/R4/${type.toLowerCase()}.html`;

export const OperationOutcomeSchema = z
  .looseObject({
    resourceType: z.literal('OperationOutcome'),
    issue: z
      .array(
        z.looseObject({
          severity: z.enum(['fatal', 'error', 'warning', 'information']),
          code: z.string().describe('http://hl7.org/fhir/issue-type'),
          diagnostics: z.string().optional(),
          expression: z
            .array(z.string())
            .optional()
            .describe('The parameter or FHIRPath expression at fault'),
        }),
      )
      .min(1),
  })
  .describe(`FHIR R4 OperationOutcome (${spec('OperationOutcome')})`);

function resourceSchema<T extends SearchableType>(type: T) {
  return z
    .looseObject({
      resourceType: z.literal(type),
      id: z.string().min(1),
      meta: z.looseObject({ lastUpdated: z.string().optional() }).optional(),
    })
    .describe(`FHIR R4 ${type} (${spec(type)}); every other field as the specification defines`);
}

export const ResourceSchema = z.discriminatedUnion('resourceType', [
  resourceSchema('Patient'),
  ...SEARCHABLE_TYPES.filter((t) => t !== 'Patient').map(resourceSchema),
]);

const LinkSchema = z.object({ relation: z.string(), url: z.string() });

export const SearchsetSchema = z
  .looseObject({
    resourceType: z.literal('Bundle'),
    type: z.literal('searchset'),
    total: z.number().int().min(0).describe('Matches in all pages'),
    link: z.array(LinkSchema).describe('`self`, and `next` when there is another page'),
    entry: z.array(
      z.union([
        z.looseObject({
          fullUrl: z.string(),
          resource: ResourceSchema,
          search: z.looseObject({ mode: z.literal('match') }),
        }),
        z
          .looseObject({
            resource: OperationOutcomeSchema,
            search: z.looseObject({ mode: z.literal('outcome') }),
          })
          .describe('Warnings about the search, e.g. the parameters ignored'),
      ]),
    ),
  })
  .describe(`FHIR R4 Bundle of type searchset (${spec('Bundle')})`);

export const TransactionResponseSchema = z
  .looseObject({
    resourceType: z.literal('Bundle'),
    type: z.literal('transaction-response'),
    entry: z.array(
      z.looseObject({
        response: z.looseObject({
          status: z.string().describe('`200 OK` or `201 Created`'),
          location: z.string().optional().describe('Where the kept resource reads back'),
          outcome: OperationOutcomeSchema.optional().describe(
            'Why an entry was not kept; on the first entry, a summary of what was kept',
          ),
        }),
      }),
    ),
  })
  .describe(`FHIR R4 Bundle of type transaction-response, one entry per request entry`);

export const TransactionSchema = z
  .looseObject({
    resourceType: z.literal('Bundle'),
    type: z.literal('transaction'),
    entry: z.array(
      z.looseObject({
        fullUrl: z.string().optional(),
        resource: z.looseObject({ resourceType: z.string(), id: z.string().optional() }),
        request: z.looseObject({ method: z.string(), url: z.string() }).optional(),
      }),
    ),
  })
  .describe(
    `FHIR R4 transaction Bundle (Synthea style: POST entries, urn:uuid references). Checked by the handler, which names the failing element in an OperationOutcome.`,
  );

const SearchParamSchema = z.looseObject({
  name: z.string(),
  type: z.string(),
  documentation: z.string().optional(),
});

export const CapabilityStatementSchema = z
  .looseObject({
    resourceType: z.literal('CapabilityStatement'),
    status: z.string(),
    date: z.string(),
    kind: z.string(),
    fhirVersion: z.literal('4.0.1'),
    format: z.array(z.string()),
    rest: z.array(
      z.looseObject({
        mode: z.literal('server'),
        security: z.looseObject({}).optional(),
        interaction: z.array(z.looseObject({ code: z.string() })).optional(),
        resource: z.array(
          z.looseObject({
            type: z.string(),
            interaction: z.array(z.looseObject({ code: z.string() })),
            searchParam: z.array(SearchParamSchema),
            operation: z
              .array(z.looseObject({ name: z.string(), definition: z.string() }))
              .optional(),
          }),
        ),
      }),
    ),
  })
  .describe(`FHIR R4 CapabilityStatement (${spec('CapabilityStatement')})`);

export const SmartConfigurationSchema = z
  .looseObject({
    token_endpoint: z.string(),
    token_endpoint_auth_methods_supported: z.array(z.string()),
    token_endpoint_auth_signing_alg_values_supported: z.array(z.string()),
    grant_types_supported: z.array(z.string()),
    scopes_supported: z.array(z.string()),
    capabilities: z.array(z.string()),
  })
  .describe('SMART App Launch 2.x /.well-known/smart-configuration');

export const TokenRequestSchema = z
  .object({
    grant_type: z.literal('client_credentials'),
    client_assertion_type: z.literal('urn:ietf:params:oauth:client-assertion-type:jwt-bearer'),
    client_assertion: z.string().describe('A JWT signed with a registered key (RS384/ES384/ES256)'),
    scope: z.string().describe('Space-separated, e.g. `system/*.read system/Bundle.write`'),
  })
  .describe('SMART Backend Services token request (application/x-www-form-urlencoded)');

export const TokenGrantSchema = z.object({
  access_token: z.string(),
  token_type: z.literal('bearer'),
  expires_in: z.number().int(),
  scope: z.string(),
});

export const OAuthErrorSchema = z
  .object({
    error: z.enum([
      'invalid_request',
      'invalid_client',
      'invalid_scope',
      'unsupported_grant_type',
      'temporarily_unavailable',
    ]),
    error_description: z.string(),
  })
  .describe('OAuth 2.0 error (RFC 6749 section 5.2)');

/** A response schema served as application/fhir+json. */
export const fhirJson = <T extends z.ZodType>(schema: T) => ({
  content: { [FHIR_JSON]: { schema } },
});

/** The error statuses a FHIR route can answer, each an OperationOutcome. */
export function outcomes(...statuses: number[]) {
  return Object.fromEntries(statuses.map((s) => [s, fhirJson(OperationOutcomeSchema)]));
}

export const TypeParams = z.object({
  type: z.string().describe(`One of ${SEARCHABLE_TYPES.join(', ')}`),
});
export const TypeIdParams = TypeParams.extend({ id: z.string().min(1) });

/**
 * Checks a response against its schema, then writes the value as it is. (The zod type provider's
 * serializer writes the parsed copy, which reorders keys; FHIR responses keep their order.)
 */
export const fhirSerializerCompiler: FastifySerializerCompiler<z.ZodType> = ({
  schema,
  method,
  url,
}) => {
  return (data: unknown) => {
    const result = schema.safeParse(data);
    if (!result.success) throw new ResponseSerializationError(method, url, { cause: result.error });
    return JSON.stringify(data);
  };
};

/**
 * Route parameters are checked by zod. Bodies and query strings are described here for the
 * OpenAPI document but checked by the handlers, which answer in the protocol's own words (an
 * OperationOutcome naming the element or parameter, an OAuth error) and only after the caller is
 * authenticated.
 */
export const fhirValidatorCompiler: FastifySchemaCompiler<z.ZodType> = ({ schema, httpPart }) => {
  if (httpPart === 'body' || httpPart === 'querystring' || httpPart === 'headers')
    return (data: unknown) => ({ value: data });
  return (data: unknown) => {
    const result = schema.safeParse(data);
    return result.success
      ? { value: result.data }
      : { error: new Error(result.error.issues.map((i) => i.message).join('; ')) };
  };
};

/** Every search parameter of any type, for the OpenAPI document (the handler reads them). */
export const SearchQuerySchema = z
  .looseObject(
    Object.fromEntries(
      [...new Set(SEARCHABLE_TYPES.flatMap((t) => searchParams(t).map((p) => p.name)))].map(
        (name) => {
          const types = SEARCHABLE_TYPES.filter((t) =>
            searchParams(t).some((p) => p.name === name),
          );
          const doc = searchParams(types[0] ?? 'Patient').find((p) => p.name === name);
          const where = types.length === SEARCHABLE_TYPES.length ? 'All types' : types.join(', ');
          return [
            name,
            z
              .string()
              .optional()
              .describe(`${where}: ${doc?.documentation ?? ''}`),
          ];
        },
      ),
    ),
  )
  .describe(
    'FHIR search parameters (the CapabilityStatement lists them per type). Unknown ones are ignored unless Prefer: handling=strict.',
  );
