import { csrfTokenForWrite } from './csrf-token';
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
