import type { Session } from './auth-types';
import { knownCsrfToken, setCsrfToken } from './csrf-token';
import { ApiProblemError, toProblem } from './problem';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** Query-string values; `undefined` and empty strings are left out. */
export type QueryParams = Record<string, string | number | undefined>;

/** Appends the non-empty `params` to `path`. */
export function withQuery(path: string, params: QueryParams): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(name, String(value));
  }
  const text = search.toString();
  return text === '' ? path : `${path}?${text}`;
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

let askingForSession: Promise<void> | undefined;

/**
 * The CSRF token for a mutating request. A page opened directly (a public page such as /costs)
 * can send one before anything has asked for the session, and a request that carries the session
 * cookie without the token is refused. So the session is asked for first, once per page load.
 */
async function csrfTokenForWrite(): Promise<string | null> {
  const token = knownCsrfToken();
  if (token !== undefined) return token;
  askingForSession ??= requestJson<Session>('GET', '/api/auth/me')
    // A log-in or log-out that answered meanwhile knows better than this answer.
    .then((session) => {
      if (knownCsrfToken() === undefined) setCsrfToken(session.csrfToken);
    })
    .catch((error: unknown) => {
      // 401: logged out, no token to send. Anything else leaves it unknown, to ask again; the
      // request goes without the token, and its own answer says why.
      const loggedOut = error instanceof ApiProblemError && error.status === 401;
      if (loggedOut && knownCsrfToken() === undefined) setCsrfToken(null);
    })
    .finally(() => {
      askingForSession = undefined;
    });
  await askingForSession;
  return knownCsrfToken() ?? null;
}

/**
 * Calls the KetaFlow API on the same origin. Mutations carry the session's CSRF token; a non-2xx
 * answer throws `ApiProblemError` with the server's problem details.
 */
export async function requestJson<T>(
  method: HttpMethod,
  path: string,
  body?: unknown,
  extraHeaders: Readonly<Record<string, string>> = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...extraHeaders };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') {
    const csrfToken = await csrfTokenForWrite();
    if (csrfToken !== null) headers['x-csrf-token'] = csrfToken;
  }

  const response = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const payload = await readBody(response);
  if (!response.ok)
    throw new ApiProblemError(toProblem(response.status, response.statusText, payload), payload);
  // The caller names the contract's response type; the server validates responses by schema.
  return payload as T;
}
