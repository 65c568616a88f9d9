import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import {
  AppError,
  ERROR_CATALOG,
  fieldErrors,
  type ErrorCode,
  type FieldError,
  type ProblemLimit,
} from './catalog';

const CONTEXT_PREFIX: Record<string, string> = {
  body: 'body',
  querystring: 'query',
  params: 'params',
  headers: 'headers',
};

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  instance?: string;
  errors?: FieldError[];
  limits?: ProblemLimit[];
}

export function problemFor(
  code: ErrorCode,
  detail: string,
  errors?: readonly FieldError[],
  limits?: readonly ProblemLimit[],
): ProblemDetails {
  const entry = ERROR_CATALOG[code];
  return {
    type: `/api/problems#${code}`,
    title: entry.title,
    status: entry.status,
    detail,
    code,
    ...(errors && errors.length > 0 ? { errors: [...errors] } : {}),
    ...(limits && limits.length > 0 ? { limits: [...limits] } : {}),
  };
}

function sendProblem(
  reply: FastifyReply,
  request: FastifyRequest,
  problem: ProblemDetails,
): FastifyReply {
  return reply
    .status(problem.status)
    .type('application/problem+json')
    .send({ ...problem, instance: request.url.split('?')[0] });
}

/** Maps every error to problem+json; a 5xx never shows internals. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      return sendProblem(
        reply,
        request,
        problemFor(error.code, error.message, error.errors, error.limits),
      );
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const prefix = CONTEXT_PREFIX[error.validationContext ?? 'body'] ?? 'body';
      const errors = error.validation.map((v) => {
        const pointer = v.instancePath.split('/').filter(Boolean).join('.');
        return {
          path: pointer ? `${prefix}.${pointer}` : prefix,
          message: v.message ?? 'is invalid',
        };
      });
      const failed = fieldErrors(errors);
      return sendProblem(reply, request, problemFor(failed.code, failed.message, failed.errors));
    }
    const status = error.statusCode ?? 500;
    if (status === 429) {
      return sendProblem(
        reply,
        request,
        problemFor('RATE_LIMITED', 'Too many requests: wait and try again.'),
      );
    }
    if (status >= 400 && status < 500) {
      // Fastify's own client errors: unparseable JSON, wrong content type, body too large.
      const problem = problemFor('REQUEST.MALFORMED', error.message);
      return sendProblem(reply, request, { ...problem, status });
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(
      reply,
      request,
      problemFor('SERVER.INTERNAL', `Something went wrong on our side (request ${request.id}).`),
    );
  });

  app.setNotFoundHandler((request, reply) =>
    sendProblem(
      reply,
      request,
      problemFor('RESOURCE.NOT_FOUND', `No route ${request.method} ${request.url.split('?')[0]}`),
    ),
  );
}
