/** `{ [key]: trimmed }` when `value` has text, else `{}`: optional API fields are left out, not sent empty. */
export function ifFilled<K extends string>(key: K, value: string): Partial<Record<K, string>> {
  const trimmed = value.trim();
  const result: Partial<Record<K, string>> = {};
  if (trimmed !== '') result[key] = trimmed;
  return result;
}

/** `{ [key]: value }` for a chosen option, `{}` for the empty "not recorded" option. */
export function ifChosen<K extends string, V extends string>(
  key: K,
  value: V | '',
): Partial<Record<K, V>> {
  const result: Partial<Record<K, V>> = {};
  if (value !== '') result[key] = value;
  return result;
}

/** Today's date in the browser's time zone, as `YYYY-MM-DD`. */
export function todayIsoDate(): string {
  const now = new Date();
  const month = String(now.getMonth() + 1).padStart(2, '0');
  const day = String(now.getDate()).padStart(2, '0');
  return `${now.getFullYear()}-${month}-${day}`;
}
