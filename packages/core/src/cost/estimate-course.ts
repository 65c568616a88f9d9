import { err, ok, type Problem, type Result } from '../result';
import type { KnowledgeBase } from '../knowledge/schema/knowledge-base';
import type { InfusionProtocol } from '../knowledge/schema/protocol';
import { addRanges, formatMoney, formatMoneyRange, toCents, type CentsRange } from './money';
import type { CountRange, CourseEstimate, EstimateInput, EstimateLine, UnitPrice } from './types';

const MAX_WEEKS = 52;
const ASK = 'price not set: ask the clinic';

function countText(range: CountRange, one: string, many: string): string {
  const n =
    range.min === range.max ? String(range.min) : `${String(range.min)}–${String(range.max)}`;
  return `${n} ${range.max === 1 ? one : many}`;
}

function minutesText(protocol: InfusionProtocol): string {
  const { min, max } = protocol.durationMin;
  return min === max ? `${String(min)} min` : `${String(min)}–${String(max)} min`;
}

function unitPrice(price: number | null): UnitPrice {
  return price === null ? { basis: 'ask-the-clinic' } : { basis: 'clinic', cents: toCents(price) };
}

function problem(code: string, message: string, path: string): Problem {
  return { code, message, path };
}

function checkInput(input: EstimateInput, protocol: InfusionProtocol): Problem[] {
  const problems: Problem[] = [];
  const { sessionsPerWeek: spw, weeks } = input;
  if (protocol.schedule === 'as-needed') {
    for (const [key, value] of [
      ['sessionsPerWeek', spw],
      ['weeks', weeks],
    ] as const) {
      if (value !== undefined)
        problems.push(
          problem(
            'COST.AS_NEEDED_PROTOCOL',
            'this protocol gives sessions as needed, so it is priced per session',
            key,
          ),
        );
    }
    return problems;
  }
  const range = protocol.sessionsPerWeek;
  if (
    spw !== undefined &&
    range !== null &&
    !(Number.isInteger(spw) && spw >= range.min && spw <= range.max)
  )
    problems.push(
      problem(
        'COST.SESSIONS_OUTSIDE_PROTOCOL',
        `must be a whole number from ${String(range.min)} to ${String(range.max)} (the protocol's sessions per week)`,
        'sessionsPerWeek',
      ),
    );
  if (weeks !== undefined && !(Number.isInteger(weeks) && weeks >= 1 && weeks <= MAX_WEEKS))
    problems.push(
      problem(
        'COST.INVALID_WEEKS',
        `must be a whole number of weeks from 1 to ${String(MAX_WEEKS)}`,
        'weeks',
      ),
    );
  return problems;
}

function consultLine(kb: KnowledgeBase): EstimateLine {
  const price = unitPrice(kb.costs.consultPrice);
  const currency = kb.costs.currency;
  if (price.basis === 'ask-the-clinic')
    return {
      kind: 'consult',
      code: 'KF-CONSULT',
      description: 'First consultation with a prescriber (telemedicine)',
      unitPrice: price,
      quantity: { min: 1, max: 1 },
      amount: null,
      arithmetic: `1 consult × ${ASK}`,
      note: null,
    };
  const amount = { minCents: price.cents, maxCents: price.cents };
  return {
    kind: 'consult',
    code: 'KF-CONSULT',
    description: 'First consultation with a prescriber (telemedicine)',
    unitPrice: price,
    quantity: { min: 1, max: 1 },
    amount,
    arithmetic: `1 consult × ${formatMoney(price.cents, currency)} = ${formatMoney(price.cents, currency)}`,
    note: "The clinic's price.",
  };
}

function infusionLine(
  kb: KnowledgeBase,
  protocol: InfusionProtocol,
  sessions: CountRange | null,
  note: string | null,
): EstimateLine {
  const price = unitPrice(kb.costs.infusionPriceByIndication[protocol.indicationId]);
  const currency = kb.costs.currency;
  const base = {
    kind: 'infusions' as const,
    code: 'KF-IV-KETAMINE',
    description: `Ketamine infusion sessions (IV, ${minutesText(protocol)} each, with monitoring)`,
    unitPrice: price,
    quantity: sessions,
  };
  const clinicNote = price.basis === 'clinic' ? "The clinic's price per session." : null;
  const notes = [clinicNote, note].filter((n): n is string => n !== null).join(' ') || null;
  if (price.basis === 'ask-the-clinic')
    return {
      ...base,
      amount: null,
      arithmetic:
        sessions === null
          ? 'Price per session not set: ask the clinic'
          : `${countText(sessions, 'session', 'sessions')} × ${ASK}`,
      note: notes,
    };
  const each = formatMoney(price.cents, currency);
  if (sessions === null)
    return { ...base, amount: null, arithmetic: `${each} per session`, note: notes };
  const amount: CentsRange = {
    minCents: sessions.min * price.cents,
    maxCents: sessions.max * price.cents,
  };
  return {
    ...base,
    amount,
    arithmetic: `${countText(sessions, 'session', 'sessions')} × ${each} = ${formatMoneyRange(amount, currency)}`,
    note: notes,
  };
}

/** Sessions per week and weeks as asked, else the protocol's own ranges. */
function courseShape(
  input: EstimateInput,
  protocol: InfusionProtocol,
): { spw: CountRange | null; weeks: CountRange | null; note: string | null } {
  if (protocol.schedule === 'as-needed')
    return {
      spw: null,
      weeks: null,
      note: `Given as needed (${protocol.seedWording.frequency}), so it is priced per session.`,
    };
  const spw =
    input.sessionsPerWeek === undefined
      ? protocol.sessionsPerWeek
      : { min: input.sessionsPerWeek, max: input.sessionsPerWeek };
  const length = protocol.courseLength;
  if (input.weeks !== undefined) {
    const outside =
      length !== null && (input.weeks < length.minWeeks || input.weeks > length.maxWeeks);
    return {
      spw,
      weeks: { min: input.weeks, max: input.weeks },
      note: outside
        ? `The protocol's course is ${String(length.minWeeks)}–${String(length.maxWeeks)} weeks; this estimate uses ${String(input.weeks)}.`
        : null,
    };
  }
  if (length === null)
    return {
      spw,
      weeks: null,
      note: 'The course length varies with response, so it is priced per session; choose a number of weeks for a course total.',
    };
  return { spw, weeks: { min: length.minWeeks, max: length.maxWeeks }, note: null };
}

function totalOf(
  lines: readonly EstimateLine[],
  currency: string,
): Pick<CourseEstimate, 'total' | 'totalArithmetic' | 'totalNote'> {
  const missing = lines.filter((l) => l.amount === null);
  if (missing.length > 0) {
    const askClinic = missing.some((l) => l.unitPrice.basis === 'ask-the-clinic');
    return {
      total: null,
      totalArithmetic: 'No total',
      totalNote: askClinic
        ? 'No total: the clinic has not set every price. Ask the clinic.'
        : 'No total: the number of sessions is not fixed. The price per session is shown.',
    };
  }
  const amounts = lines.map((l) => l.amount).filter((a): a is CentsRange => a !== null);
  const total = amounts.reduce(addRanges, { minCents: 0, maxCents: 0 });
  const parts = amounts.map((a) => formatMoneyRange(a, currency));
  return {
    total,
    totalArithmetic:
      parts.length === 1
        ? formatMoneyRange(total, currency)
        : `${parts.join(' + ')} = ${formatMoneyRange(total, currency)}`,
    totalNote:
      total.minCents === total.maxCents
        ? null
        : 'A range: the protocol gives a range of sessions per week or of weeks.',
  };
}

/**
 * Estimates a consult plus a course of IV ketamine for one indication from the clinic's prices:
 * infusions = sessions × price per session, sessions = sessions per week × weeks (a min–max range
 * when the protocol gives ranges, e.g. 1–2 a week for 4–6 weeks = 4–12 sessions). As-needed
 * protocols, and courses whose length varies, are priced per session. Arithmetic is in integer
 * cents: each price is rounded to the cent once (`toCents`) and never again.
 */
export function estimateCourse(
  kb: KnowledgeBase,
  input: EstimateInput,
): Result<CourseEstimate, Problem[]> {
  const protocol = kb.protocols[input.indication];
  const problems = checkInput(input, protocol);
  if (problems.length > 0) return err(problems);
  const { spw, weeks, note } = courseShape(input, protocol);
  const sessions =
    spw === null || weeks === null ? null : { min: spw.min * weeks.min, max: spw.max * weeks.max };
  const lines = [
    ...(input.includeConsult ? [consultLine(kb)] : []),
    infusionLine(kb, protocol, sessions, note),
  ];
  const indication = kb.indications.find((i) => i.id === input.indication);
  return ok({
    indication: input.indication,
    indicationName: indication?.displayName ?? input.indication,
    currency: kb.costs.currency,
    schedule: protocol.schedule,
    sessionsPerWeek: spw,
    weeks,
    sessions,
    lines,
    ...totalOf(lines, kb.costs.currency),
    knowledgeVersion: kb.knowledgeVersion,
  });
}
