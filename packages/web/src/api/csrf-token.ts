// The CSRF token comes with the session (login, register, me) and must accompany every mutating
// request. It is kept in memory only: a reload fetches it again from `/api/auth/me`.
let currentToken: string | null = null;
/** Whether the token is known: from a session answer, or known absent (logged out). */
let known = false;

export function setCsrfToken(token: string | null): void {
  currentToken = token;
  known = true;
}

/** The token, or `undefined` while no session answer has said whether there is one. */
export function knownCsrfToken(): string | null | undefined {
  return known ? currentToken : undefined;
}
