// The CSRF token comes with the session (login, register, me) and must accompany every mutating
// request. It is kept in memory only: a reload fetches it again from `/api/auth/me`.
let currentToken: string | null = null;
/** Whether the token is known: from a session answer, or known absent (logged out). */
let known = false;
let asking: Promise<void> | undefined;

export function setCsrfToken(token: string | null): void {
  currentToken = token;
  known = true;
}

/**
 * The token for a mutating request. A page opened directly (a public page such as /costs) can
 * send one before anything has asked for the session, and a request that carries the session
 * cookie without the token is refused. So the session is asked for first, once per page load.
 */
export async function csrfTokenForWrite(): Promise<string | null> {
  if (!known) {
    asking ??= fetch('/api/auth/me', {
      headers: { accept: 'application/json' },
      credentials: 'same-origin',
    })
      .then(async (response) => {
        if (known) return;
        if (!response.ok) {
          // 401: logged out, no token to send. Anything else leaves it unknown, to ask again.
          if (response.status === 401) setCsrfToken(null);
          return;
        }
        const session = (await response.json()) as { csrfToken?: unknown };
        setCsrfToken(typeof session.csrfToken === 'string' ? session.csrfToken : null);
      })
      // Unreachable server: the request goes without the token, and its own answer says why.
      .catch(() => undefined)
      .finally(() => {
        asking = undefined;
      });
    await asking;
  }
  return currentToken;
}
