import { fieldError } from '../../errors/catalog';

/**
 * A date of birth after today (UTC) describes no patient: refused with the field named, so that
 * a typing slip is not stored and then read by screening as an unknown age.
 */
export function assertBirthDateNotFuture(
  birthDate: string | undefined,
  now: Date,
  path = 'body.birthDate',
): void {
  if (birthDate !== undefined && birthDate > now.toISOString().slice(0, 10))
    throw fieldError(path, 'must not be after today');
}
