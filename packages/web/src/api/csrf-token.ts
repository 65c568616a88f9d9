// The CSRF token comes with the session (login, register, me) and must accompany every mutating
// request. It is kept in memory only: a reload fetches it again from `/api/auth/me`.
let currentToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  currentToken = token;
}

export function getCsrfToken(): string | null {
  return currentToken;
}
