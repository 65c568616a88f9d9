/**
 * The part of a CDS service call that needs no database: the body read and checked, the client's
 * JWT verified, and, for an order hook that screens only the prefetch it carries, the cards and
 * the JSON answer. It runs in a worker thread (screen-pool.ts) so that a burst of EHR calls does
 * not hold up the event loop, or in the request's own thread on a one-core machine.
 *
 * What it never does: consume the jti, read KetaFlow's records, or fetch from a fhirServer. A call
 * that needs any of those (patient-view, or an order call with a fhirServer) comes back as
 * `continue` with the verified client and the checked body, and the route does the rest.
 */
import type { KnowledgeBase } from '@ketaflow/core';
import secureJsonParse from 'secure-json-parse';
import { z } from 'zod';
import { AppError, fieldError, type ErrorCode, type FieldError } from '../../errors/catalog';
import type { Card } from './card-types';
import { orderCards } from './cards';
import { ketamineDraftOrders } from './draft-orders';
import type { CardRecord } from './call-log';
import type { CdsClient } from './clients';
import {
  gatherResources,
  ORDER_PREFETCH,
  ORDER_PREFETCH_OPTIONAL,
  PrefetchUnavailable,
} from './fhir-data';
import { CdsAuthError, createJwtVerifier, type VerifiedClient } from './jwt';
import { otherPatientResource } from './patient-match';
import { CdsRequestSchema, CdsResponseSchema } from './schemas';
import { CDS_SERVICES } from './services';

export type CdsRequest = z.infer<typeof CdsRequestSchema>;
export type CdsService = (typeof CDS_SERVICES)[number];

/** What every screener needs (plain data, so a worker thread can be given it). */
export interface ScreenSetup {
  readonly kb: KnowledgeBase;
  readonly publicUrl: string;
  readonly clients: readonly CdsClient[];
}

export interface ScreenTask {
  readonly serviceId: string;
  /** The request body as received (JSON text). */
  readonly rawBody: string;
  readonly authorization: string | undefined;
  /** The clinic clock's now (ISO 8601): token expiry and the screening date. */
  readonly now: string;
}

export type ScreenResult =
  /** The body is not JSON (or carries a prototype-poisoning key): 400 REQUEST.MALFORMED. */
  | { readonly kind: 'malformed'; readonly message: string }
  /** The body breaks the request schema: 400 VALIDATION.FAILED naming each field. */
  | { readonly kind: 'invalid'; readonly errors: readonly FieldError[] }
  /** The JWT was refused (the reason is logged, never shown): 401. */
  | { readonly kind: 'refused'; readonly reason: string }
  /** Verified; the route reads KetaFlow's records or fetches from the fhirServer itself. */
  | { readonly kind: 'continue'; readonly client: VerifiedClient; readonly body: CdsRequest }
  /** Verified, and the call fails (its jti is still consumed): the AppError to answer with. */
  | {
      readonly kind: 'failed';
      readonly client: VerifiedClient;
      readonly code: ErrorCode;
      readonly message: string;
      readonly errors?: readonly FieldError[] | undefined;
    }
  /** Verified and answered: the response JSON and the cards to store with the jti. */
  | {
      readonly kind: 'cards';
      readonly client: VerifiedClient;
      readonly json: string;
      readonly cards: readonly CardRecord[];
    };

/** Fastify's own words for an empty JSON body, so both paths answer alike. */
const EMPTY_BODY = "Body cannot be empty when content-type is set to 'application/json'";

/** The service's URL as its `aud` (CDS Hooks: the exact URL called). */
export function serviceUrl(publicUrl: string, id: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/cds-services/${id}`;
}

/** A body whose `hook` is not the service's is refused with the field named. */
export function checkHook(service: CdsService, body: CdsRequest): void {
  if (body.hook !== service.hook)
    throw fieldError('hook', `service ${service.id} answers ${service.hook}`);
}

/**
 * The cards of an order-select or order-sign call: the draft ketamine and esketamine orders
 * screened against the prefetch, or against what the fhirServer answers when a key is missing.
 * Throws AppError 412 when the data cannot be had.
 */
export async function orderHookCards(
  body: CdsRequest,
  kb: KnowledgeBase,
  now: Date,
  publicUrl: string,
): Promise<Card[]> {
  const orders = ketamineDraftOrders(body.context);
  if (orders.length === 0) return [];
  const patientId = body.context.patientId;
  if (typeof patientId !== 'string' || patientId === '')
    throw fieldError('context.patientId', 'is required');
  const access = {
    fhirServer: body.fhirServer,
    ...(body.fhirAuthorization ? { fhirAuthorization: body.fhirAuthorization } : {}),
  };
  const resources = await gatherResources(
    ORDER_PREFETCH,
    body.prefetch ?? undefined,
    body.context,
    access,
    ORDER_PREFETCH_OPTIONAL,
  ).catch((error: unknown) => {
    if (error instanceof PrefetchUnavailable)
      throw new AppError('CDS.PREFETCH_UNAVAILABLE', error.message);
    throw error;
  });
  // Data of another patient is refused with 412 (why: patient-match.ts).
  const other = otherPatientResource([...resources, ...orders.map((o) => o.resource)], patientId);
  if (other !== undefined)
    throw new AppError(
      'CDS.PREFETCH_UNAVAILABLE',
      `a ${String(other.resourceType)} in the data is not of context.patientId`,
    );
  const hook = body.hook === 'order-select' ? 'order-select' : 'order-sign';
  const result = orderCards(orders, resources, kb, now.toISOString(), publicUrl, hook);
  if (!result.ok) throw new AppError('CDS.PREFETCH_UNAVAILABLE', result.message);
  return result.cards;
}

/** What the call log keeps of each card. */
export function cardRecords(
  service: CdsService,
  hookInstance: string,
  cards: readonly Card[],
): CardRecord[] {
  return cards.map((c) => ({
    uuid: c.uuid,
    serviceId: service.id,
    hookInstance,
    ruleCode: c.source.topic.code,
    indicator: c.indicator,
  }));
}

/** Field errors as the request validator names them (`body.context.patientId`). */
function bodyErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => {
    const pointer = issue.path.map(String).filter(Boolean).join('.');
    return { path: pointer ? `body.${pointer}` : 'body', message: issue.message };
  });
}

/** A screener over `setup`: one call's checks and cards, in the order the route would make them. */
export function createScreener(setup: ScreenSetup): (task: ScreenTask) => Promise<ScreenResult> {
  const verify = createJwtVerifier({ clients: setup.clients });
  return async (task) => {
    const service = CDS_SERVICES.find((s) => s.id === task.serviceId);
    if (service === undefined) throw new Error(`no CDS service ${task.serviceId}`);
    if (task.rawBody === '') return { kind: 'malformed', message: EMPTY_BODY };
    let parsed: unknown;
    try {
      // As Fastify parses JSON bodies: `__proto__` and `constructor.prototype` keys are refused.
      parsed = secureJsonParse.parse(task.rawBody, undefined, {
        protoAction: 'error',
        constructorAction: 'error',
      });
    } catch (error) {
      return { kind: 'malformed', message: error instanceof Error ? error.message : String(error) };
    }
    const checked = CdsRequestSchema.safeParse(parsed);
    if (!checked.success) return { kind: 'invalid', errors: bodyErrors(checked.error) };
    const body = checked.data;
    const now = new Date(task.now);
    let client: VerifiedClient;
    try {
      client = await verify(task.authorization, [serviceUrl(setup.publicUrl, service.id)], now);
    } catch (error) {
      if (error instanceof CdsAuthError) return { kind: 'refused', reason: error.message };
      throw error;
    }
    if (service.hook === 'patient-view' || body.fhirServer !== undefined)
      return { kind: 'continue', client, body };
    try {
      checkHook(service, body);
      const cards = await orderHookCards(body, setup.kb, now, setup.publicUrl);
      // The answer exactly as the route's response schema would serialise it.
      const json = JSON.stringify(z.encode(CdsResponseSchema, { cards }));
      return { kind: 'cards', client, json, cards: cardRecords(service, body.hookInstance, cards) };
    } catch (error) {
      if (error instanceof AppError)
        return {
          kind: 'failed',
          client,
          code: error.code,
          message: error.message,
          errors: error.errors,
        };
      throw error;
    }
  };
}
