import type { FastifyInstance } from 'fastify';

/**
 * Pages: scripts only from this server (the built app and Swagger UI have no inline script),
 * inline styles (Mantine and the pre-rendered pages use them), images also as data: URLs and over
 * https (a clinic's logo may be either), never framed by another site (clickjacking).
 */
export const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: https:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Everything else (JSON, FHIR, PDF, calendar files) is data: nothing in it may run or be framed. */
export const DATA_CSP = "default-src 'none'; frame-ancestors 'none'";

/**
 * Security headers on every answer, pages and API alike. `Referrer-Policy: no-referrer` keeps a
 * password-reset token (in the page's path) and record ids out of the Referer header sent to
 * other sites.
 */
export function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', (_request, reply, payload, done) => {
    const type = String(reply.getHeader('content-type') ?? '');
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('x-frame-options', 'DENY');
    reply.header('content-security-policy', type.startsWith('text/html') ? PAGE_CSP : DATA_CSP);
    done(null, payload);
  });
}
