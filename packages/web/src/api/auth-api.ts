import type { Meta, Session } from './auth-types';
import { requestJson } from './http';
import { ApiProblemError } from './problem';
import type { SelfScreeningAnswers } from './screening-types';

export interface Credentials {
  email: string;
  password: string;
}

export interface Registration {
  email: string;
  password: string;
  givenName: string;
  familyName: string;
  /** `YYYY-MM-DD` */
  birthDate: string;
  phone?: string;
  /** Self-screening answers, which become the new patient's intake. */
  intake?: SelfScreeningAnswers;
  /** The in-app path to continue at once the e-mail is confirmed; the server puts it in the link. */
  next?: string;
}

/** The answer to a registration or a resend: the same whether or not the address has an account. */
export interface CheckEmail {
  status: 'check-email';
}

/** How long a confirmation link works (the server's `VERIFICATION_TTL_HOURS`). */
export const verificationLinkHours = 24;

export function logIn(credentials: Credentials): Promise<Session> {
  return requestJson<Session>('POST', '/api/auth/login', credentials);
}

export function logOut(): Promise<void> {
  return requestJson<undefined>('POST', '/api/auth/logout');
}

/** The current session, or `null` when nobody is logged in. */
export async function fetchSession(): Promise<Session | null> {
  try {
    return await requestJson<Session>('GET', '/api/auth/me');
  } catch (error) {
    if (error instanceof ApiProblemError && error.status === 401) return null;
    throw error;
  }
}

/** Registers; the account can log in once the link mailed to the address is opened. */
export function register(registration: Registration): Promise<CheckEmail> {
  return requestJson<CheckEmail>('POST', '/api/auth/register', registration);
}

/** Opens a confirmation link: confirms the address and logs the new patient in. */
export function verifyEmail(token: string): Promise<Session> {
  return requestJson<Session>('POST', '/api/auth/verify-email', { token });
}

/** Asks for a new confirmation link (only the newest one works). */
export function resendVerification(email: string, next?: string): Promise<CheckEmail> {
  return requestJson<CheckEmail>('POST', '/api/auth/verify-email/resend', {
    email,
    ...(next === undefined ? {} : { next }),
  });
}

export function requestPasswordReset(email: string): Promise<unknown> {
  return requestJson<unknown>('POST', '/api/auth/password-reset/request', { email });
}

export function confirmPasswordReset(token: string, password: string): Promise<void> {
  return requestJson<undefined>('POST', '/api/auth/password-reset/confirm', { token, password });
}

/** Changes the logged-in user's password; the server ends their other sessions. */
export function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  return requestJson<undefined>('POST', '/api/auth/password', { currentPassword, newPassword });
}

export function fetchMeta(): Promise<Meta> {
  return requestJson<Meta>('GET', '/api/meta');
}
