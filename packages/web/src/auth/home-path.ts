import type { User } from '../api/auth-types';

/** Where a person lands after logging in. */
export function homePathFor(user: User): string {
  return user.role === 'patient' ? '/me' : '/patients';
}
