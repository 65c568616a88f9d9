/**
 * FHIR R4 date search (https://hl7.org/fhir/R4/search.html#date): a date, dateTime or instant as
 * the range of time it covers, a `date` parameter's prefix and value, and how the two compare.
 * Dates without a time zone are read as UTC.
 */
import { FhirError } from './outcome';

export interface Range {
  readonly start: number;
  /** Exclusive. */
  readonly end: number;
}

const DATE =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/;

/** A FHIR date, dateTime or instant as the range of time it covers; undefined when invalid. */
export function dateRange(value: string): Range | undefined {
  const m = DATE.exec(value);
  if (m === null) return undefined;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const year = Number(y);
  const month = mo === undefined ? 1 : Number(mo);
  const day = d === undefined ? 1 : Number(d);
  const hour = h === undefined ? 0 : Number(h);
  const minute = mi === undefined ? 0 : Number(mi);
  const second = s === undefined ? 0 : Number(s);
  const ms = frac === undefined ? 0 : Number(frac.slice(0, 3).padEnd(3, '0'));
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59)
    return undefined;
  const local = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  const check = new Date(local);
  if (check.getUTCDate() !== day || check.getUTCMonth() !== month - 1) return undefined;
  let offset = 0;
  if (zone !== undefined && zone !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const [oh, om] = zone.slice(1).split(':').map(Number) as [number, number];
    if (oh > 14 || om > 59) return undefined;
    offset = sign * (oh * 60 + om) * 60_000;
  }
  const start = local - offset;
  let end: number;
  if (mo === undefined) end = Date.UTC(year + 1, 0, 1);
  else if (d === undefined) end = Date.UTC(year, month, 1);
  else if (h === undefined) end = Date.UTC(year, month - 1, day + 1);
  else if (s === undefined) end = start + 60_000;
  else if (frac === undefined) end = start + 1000;
  else end = start + 1;
  return { start, end };
}

const DATE_PREFIXES = ['eq', 'ne', 'gt', 'lt', 'ge', 'le', 'sa', 'eb'] as const;
type DatePrefix = (typeof DATE_PREFIXES)[number];

export interface DateCriterion {
  readonly prefix: DatePrefix;
  readonly range: Range;
}

export function parseDate(name: string, raw: string): DateCriterion {
  // A `+` in a time zone arrives as a space when the caller did not encode it.
  const value = raw.replace(/ /g, '+');
  // A prefix is two letters before the date's first digit (`ge2026-01-01`); other letters are
  // simply not a date (`notadate`), reported as such below.
  const prefixed = /^[a-z]{2}\d/.test(value);
  const prefix = prefixed ? value.slice(0, 2) : 'eq';
  const rest = prefixed ? value.slice(2) : value;
  if (!(DATE_PREFIXES as readonly string[]).includes(prefix))
    throw new FhirError(
      400,
      prefix === 'ap' ? 'not-supported' : 'value',
      `${name}: the prefix ${prefix} is not supported; use one of ${DATE_PREFIXES.join(', ')}.`,
      name,
    );
  const range = dateRange(rest);
  if (range === undefined)
    throw new FhirError(
      400,
      'value',
      `${name}: ${raw} is not a date (YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm:ss with a time zone).`,
      name,
    );
  return { prefix: prefix as DatePrefix, range };
}

/** FHIR R4 search 3.1.1.4.1: the search range S against the target range T. */
export function dateMatches(c: DateCriterion, t: Range): boolean {
  const s = c.range;
  const within = s.start <= t.start && t.end <= s.end;
  switch (c.prefix) {
    case 'eq':
      return within;
    case 'ne':
      return !within;
    case 'gt':
      return t.end > s.end;
    case 'lt':
      return t.start < s.start;
    case 'ge':
      return t.end > s.end || within;
    case 'le':
      return t.start < s.start || within;
    case 'sa':
      return t.start >= s.end;
    case 'eb':
      return t.end <= s.start;
  }
}
