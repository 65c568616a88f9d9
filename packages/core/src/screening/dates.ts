const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;

/** Days from the calendar day of `from` to that of `to` (ISO dates or date-times), or NaN. */
export function daysBetween(from: string, to: string): number {
  return (Date.parse(from.slice(0, 10)) - Date.parse(to.slice(0, 10))) / -DAY_MS;
}

/** True when `value` starts with a valid ISO calendar date. */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  return m !== null && !Number.isNaN(Date.parse(value.slice(0, 10)));
}

/** Whole years from `birthDate` to `asOf`, or undefined when either is not a date. */
export function ageInYears(birthDate: string, asOf: string): number | undefined {
  const b = ISO_DATE.exec(birthDate);
  const a = ISO_DATE.exec(asOf);
  if (b === null || a === null) return undefined;
  const [by, bm, bd] = [Number(b[1]), Number(b[2]), Number(b[3])];
  const [ay, am, ad] = [Number(a[1]), Number(a[2]), Number(a[3])];
  const before = am < bm || (am === bm && ad < bd);
  return ay - by - (before ? 1 : 0);
}
