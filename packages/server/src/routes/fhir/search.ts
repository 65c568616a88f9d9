/**
 * FHIR R4 search parameters (https://hl7.org/fhir/R4/search.html) per resource type: which ones
 * KetaFlow answers, how each matches a resource, and how a query is read. Unknown parameters are
 * ignored, or refused with `Prefer: handling=strict`; a bad value is always refused, naming the
 * parameter. Dates without a time zone are read as UTC.
 */
import { FhirError, type FhirResource } from './outcome';
import { dateMatches, dateRange, parseDate } from './search-dates';
import type { SearchableType } from './resources';
import { MAX_COUNT, readCount, readOffset } from './search-paging';

type ParamType = 'token' | 'date' | 'string' | 'reference' | 'number' | 'special';

interface Coding {
  readonly system: string | undefined;
  readonly code: string | undefined;
}

/** How a filter parameter reads a resource. */
type Matcher =
  | {
      readonly kind: 'token';
      readonly codes: (r: Json) => Coding[];
      /** A plain `code` element: its system is implied, so only the code is compared. */
      readonly implicitSystem: boolean;
    }
  | { readonly kind: 'date'; readonly dates: (r: Json) => unknown[] }
  | { readonly kind: 'string'; readonly strings: (r: Json) => unknown[] };

export interface SearchParam {
  readonly name: string;
  readonly type: ParamType;
  readonly documentation: string;
  /** Filters in memory; parameters without one are read by the route (paging, patient, SQL). */
  readonly matcher?: Matcher;
}

type Json = Readonly<Record<string, unknown>>;

const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);

/** The codings of CodeableConcepts (one or a list). */
function codingsOf(value: unknown): Coding[] {
  return list(value).flatMap((concept) =>
    isObject(concept)
      ? list(concept.coding)
          .filter(isObject)
          .map((c) => ({
            system: typeof c.system === 'string' ? c.system : undefined,
            code: typeof c.code === 'string' ? c.code : undefined,
          }))
      : [],
  );
}

const plainCode = (value: unknown): Coding[] =>
  typeof value === 'string' ? [{ system: undefined, code: value }] : [];

const token = (
  name: string,
  documentation: string,
  codes: (r: Json) => Coding[],
  implicitSystem = false,
): SearchParam => ({
  name,
  type: 'token',
  documentation,
  matcher: { kind: 'token', codes, implicitSystem },
});
const code = (name: string, documentation: string, field: string): SearchParam =>
  token(name, documentation, (r) => plainCode(r[field]), true);
const date = (name: string, documentation: string, dates: (r: Json) => unknown[]): SearchParam => ({
  name,
  type: 'date',
  documentation,
  matcher: { kind: 'date', dates },
});

const COMMON: readonly SearchParam[] = [
  code('_id', 'The resource id; several separated by commas', 'id'),
  { name: '_count', type: 'number', documentation: `Page size, 0 to ${String(MAX_COUNT)}` },
  { name: '_offset', type: 'number', documentation: 'Matches to skip; the next link carries it' },
];

const PATIENT_REF: readonly SearchParam[] = [
  {
    name: 'patient',
    type: 'reference',
    documentation: 'Patient/<id> or <id>; required unless a patient account is searching',
  },
  { name: 'subject', type: 'reference', documentation: 'As patient' },
];

const status = (documentation: string) => code('status', documentation, 'status');

const humanNames = (r: Json) => list(r.name).filter(isObject);

const BY_TYPE: Readonly<Record<SearchableType, readonly SearchParam[]>> = {
  Patient: [
    {
      name: 'identifier',
      type: 'token',
      documentation: 'system|value or value (the KetaFlow MRN, or an imported identifier)',
    },
    {
      name: 'name',
      type: 'string',
      documentation: 'Start of a family or given name part, ignoring case',
    },
    {
      name: 'family',
      type: 'string',
      documentation: 'The family name starts with this (case and accents ignored)',
      matcher: { kind: 'string', strings: (r) => humanNames(r).map((n) => n.family) },
    },
    {
      name: 'given',
      type: 'string',
      documentation: 'A given name starts with this (case and accents ignored)',
      matcher: { kind: 'string', strings: (r) => humanNames(r).flatMap((n) => list(n.given)) },
    },
    date('birthdate', 'Date of birth, with a prefix: eq, ne, gt, lt, ge, le, sa, eb', (r) => [
      r.birthDate,
    ]),
    code('gender', 'male, female, other or unknown', 'gender'),
    date('_lastUpdated', 'When the record last changed, with a prefix as for dates', (r) => [
      isObject(r.meta) ? r.meta.lastUpdated : undefined,
    ]),
  ],
  Condition: [
    token('clinical-status', 'active, recurrence, relapse, inactive, remission, resolved', (r) =>
      codingsOf(r.clinicalStatus),
    ),
    token('code', 'system|code or code (SNOMED CT, ICD-10-CM)', (r) => codingsOf(r.code)),
  ],
  MedicationStatement: [status('active, completed, stopped, on-hold, ...')],
  AllergyIntolerance: [
    token('clinical-status', 'active, inactive, resolved', (r) => codingsOf(r.clinicalStatus)),
  ],
  Observation: [
    token('code', 'system|code or code, e.g. http://loinc.org|29463-7', (r) => codingsOf(r.code)),
    token('category', 'vital-signs or survey (system|code or code)', (r) => codingsOf(r.category)),
    date('date', 'effective[x], with a prefix: eq, ne, gt, lt, ge, le, sa, eb', (r) => [
      r.effectiveDateTime,
    ]),
  ],
  QuestionnaireResponse: [],
  Appointment: [
    date('date', 'Appointment start, with a prefix: eq, ne, gt, lt, ge, le, sa, eb', (r) => [
      r.start,
    ]),
    status('proposed, pending, booked, fulfilled, cancelled, noshow'),
  ],
  CarePlan: [status('draft, active, on-hold, completed, revoked')],
  MedicationAdministration: [status('in-progress, completed, stopped')],
  MedicationRequest: [status('draft, active, on-hold, completed, stopped')],
};

const SORT: SearchParam = {
  name: '_sort',
  type: 'special',
  documentation: 'A date parameter of this type, - first for newest first (e.g. -date)',
};
const FORMAT: SearchParam = {
  name: '_format',
  type: 'special',
  documentation: 'Accepted and not listed: answers are always application/fhir+json',
};

/** The parameters a type answers, as the CapabilityStatement lists them. */
export function searchParams(type: SearchableType): readonly SearchParam[] {
  const own = BY_TYPE[type];
  const sortable = own.some((p) => p.type === 'date');
  return [
    ...COMMON,
    ...(type === 'Patient' ? [] : PATIENT_REF),
    ...own,
    ...(sortable ? [SORT] : []),
  ];
}

// ---- Tokens and strings ----------------------------------------------------------------------

function parseToken(raw: string): Coding {
  const bar = raw.indexOf('|');
  if (bar < 0) return { system: undefined, code: raw };
  return {
    system: raw.slice(0, bar),
    code: raw.slice(bar + 1) === '' ? undefined : raw.slice(bar + 1),
  };
}

/** `code` any system; `system|code`; `|code` no system; `system|` any code in the system. */
function tokenMatches(want: Coding, have: Coding, implicitSystem: boolean): boolean {
  if (want.code !== undefined && have.code !== want.code) return false;
  if (want.system === undefined || implicitSystem) return true;
  return want.system === '' ? have.system === undefined : have.system === want.system;
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

// ---- Reading a query -------------------------------------------------------------------------

/** Parameters the route reads itself; given twice they are refused. */
const SINGLE = new Set([
  '_count',
  '_offset',
  '_sort',
  '_format',
  'patient',
  'subject',
  'identifier',
  'name',
]);

export interface SearchPlan {
  readonly count: number;
  readonly offset: number;
  /** patient, subject, identifier, name: the route reads these. */
  readonly single: Readonly<Record<string, string>>;
  /** Whether a resource matches every filter parameter. */
  readonly matches: (resource: FhirResource) => boolean;
  readonly sort: ((a: FhirResource, b: FhirResource) => number) | undefined;
  /** Parameters ignored (unknown to this type), in the order given. */
  readonly ignored: readonly string[];
  /** The query without the ignored parameters, each value once per repetition. */
  readonly used: readonly (readonly [string, string])[];
}

/** Whether `Prefer` asks for strict handling (RFC 7240; FHIR R4 search 3.1.1.1). */
export function preferStrict(prefer: string | string[] | undefined): boolean {
  return list(prefer)
    .flatMap((h) => String(h).split(','))
    .some((p) => /^\s*handling\s*=\s*"?strict"?\s*$/i.test(p));
}

export function planSearch(
  type: SearchableType,
  query: Readonly<Record<string, string | string[] | undefined>>,
  strict: boolean,
): SearchPlan {
  const known = new Map([...searchParams(type), FORMAT].map((p) => [p.name, p]));
  const ignored: string[] = [];
  const used: [string, string][] = [];
  const single: Record<string, string> = {};
  const tests: ((r: Json) => boolean)[] = [];
  let sort: SearchPlan['sort'];

  for (const [key, raw] of Object.entries(query)) {
    if (raw === undefined) continue;
    const values = list(raw).map(String);
    const colon = key.indexOf(':');
    const name = colon < 0 ? key : key.slice(0, colon);
    const param = known.get(name);
    if (param === undefined) {
      if (strict)
        throw new FhirError(
          400,
          'not-supported',
          `Unknown search parameter ${key} for ${type}. Supported: ${[...known.keys()].join(', ')}.`,
          key,
        );
      ignored.push(key);
      continue;
    }
    if (colon >= 0)
      throw new FhirError(
        400,
        'not-supported',
        `The modifier :${key.slice(colon + 1)} is not supported on ${name}.`,
        key,
      );
    for (const v of values) used.push([key, v]);
    if (SINGLE.has(name)) {
      if (values.length > 1) throw new FhirError(400, 'not-supported', `Give ${key} once.`, key);
      // An empty value is no criterion (FHIR search 3.1.1.2).
      if (values[0] !== undefined && values[0] !== '') single[name] = values[0];
      continue;
    }
    const matcher = param.matcher;
    if (matcher === undefined) continue;
    // Repetitions AND, commas OR; an empty value is no criterion (FHIR search 3.1.1.2).
    for (const value of values) {
      if (value === '') continue;
      const alternatives = value.split(',');
      if (matcher.kind === 'token') {
        const wants = alternatives.map(parseToken);
        tests.push((r) =>
          matcher
            .codes(r)
            .some((have) => wants.some((want) => tokenMatches(want, have, matcher.implicitSystem))),
        );
      } else if (matcher.kind === 'date') {
        const criteria = alternatives.map((a) => parseDate(key, a));
        tests.push((r) =>
          matcher.dates(r).some((d) => {
            const range = typeof d === 'string' ? dateRange(d) : undefined;
            return range !== undefined && criteria.some((c) => dateMatches(c, range));
          }),
        );
      } else {
        const prefixes = alternatives.map(fold);
        tests.push((r) =>
          matcher
            .strings(r)
            .some((s) => typeof s === 'string' && prefixes.some((p) => fold(s).startsWith(p))),
        );
      }
    }
  }

  const count = readCount(single._count, 0) ?? MAX_COUNT;
  const offset = readOffset(single._offset);
  if (single._sort !== undefined) {
    const keys = single._sort.split(',').map((k) => {
      const desc = k.startsWith('-');
      const param = known.get(desc ? k.slice(1) : k);
      if (param?.matcher?.kind !== 'date')
        throw new FhirError(
          400,
          'not-supported',
          `_sort: ${type} sorts by ${
            [...known.values()]
              .filter((p) => p.type === 'date')
              .map((p) => p.name)
              .join(', ') || 'nothing'
          } (- first for descending).`,
          '_sort',
        );
      const dates = param.matcher.dates;
      const at = (r: Json) => {
        const d = dates(r).find((v): v is string => typeof v === 'string');
        return d === undefined ? undefined : dateRange(d)?.start;
      };
      return { desc, at };
    });
    sort = (a, b) => {
      for (const { desc, at } of keys) {
        const x = at(a);
        const y = at(b);
        if (x === y) continue;
        // Resources without the date go last either way.
        if (x === undefined) return 1;
        if (y === undefined) return -1;
        return desc ? y - x : x - y;
      }
      return 0;
    };
  }
  return {
    count,
    offset,
    single,
    matches: (r) => tests.every((test) => test(r)),
    sort,
    ignored,
    used,
  };
}
