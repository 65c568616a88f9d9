/** True when a database error (possibly wrapped by the driver or ORM) is a unique-constraint violation. */
export function isUniqueViolation(error: unknown): boolean {
  return hasSqlState(error, '23505');
}

export function hasSqlState(error: unknown, state: string): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Object; depth++) {
    if ('code' in current && current.code === state) return true;
    current = 'cause' in current ? current.cause : undefined;
  }
  return false;
}
