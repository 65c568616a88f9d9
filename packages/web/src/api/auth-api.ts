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
}

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

export function register(registration: Registration): Promise<Session> {
  return requestJson<Session>('POST', '/api/auth/register', registration);
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
