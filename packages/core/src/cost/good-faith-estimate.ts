import { err, ok, type Problem, type Result } from '../result';
import type { ClinicContact } from '../knowledge/schema/branding';
import type { KnowledgeBase } from '../knowledge/schema/knowledge-base';
import { estimateCourse } from './estimate-course';
import { formatMoney, formatMoneyRange, type CentsRange } from './money';
import type { CourseEstimate, EstimateInput, EstimateLine } from './types';

/** The No Surprises Act lets a self-pay patient dispute a bill this far above the estimate. */
export const DISPUTE_THRESHOLD_CENTS = 40_000;
const DEFAULT_VALID_DAYS = 90;
const DAY_MS = 86_400_000;

export interface GoodFaithEstimateInput {
  readonly estimate: EstimateInput;
  /** Date the estimate is given, `YYYY-MM-DD` (the caller's clock, in the clinic's zone). */
  readonly issuedOn: string;
  /** Days the prices hold from `issuedOn`; 90 unless the clinic says otherwise. */
  readonly validDays?: number;
  readonly patientName?: string;
  /** Used when the knowledge base has no clinic name yet. */
  readonly fallbackProviderName: string;
}

export interface GoodFaithEstimateItem {
  readonly code: string;
  readonly description: string;
  readonly quantity: string;
  readonly unitPrice: string;
  readonly amount: string;
  readonly amountCents: CentsRange | null;
  readonly arithmetic: string;
}

/** What a Good Faith Estimate shows, ready for a page or a PDF. */
export interface GoodFaithEstimate {
  readonly provider: { readonly name: string; readonly contact: ClinicContact | null };
  readonly patientName: string | null;
  readonly issuedOn: string;
  readonly validThrough: string;
  readonly indicationName: string;
  readonly currency: string;
  readonly items: readonly GoodFaithEstimateItem[];
  readonly expectedTotal: CentsRange | null;
  readonly expectedTotalText: string;
  /** A bill at or above this (the upper total + $400) may be disputed; `null` with no total. */
  readonly disputeFromCents: number | null;
  readonly disclaimer: readonly string[];
  readonly estimate: CourseEstimate;
}

function addDays(isoDate: string, days: number): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) return null;
  const start = Date.parse(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(start) || new Date(start).toISOString().slice(0, 10) !== isoDate) return null;
  return new Date(start + days * DAY_MS).toISOString().slice(0, 10);
}

function itemOf(line: EstimateLine, currency: string): GoodFaithEstimateItem {
  const q = line.quantity;
  return {
    code: line.code,
    description: line.description,
    quantity:
      q === null
        ? 'per session'
        : q.min === q.max
          ? String(q.min)
          : `${String(q.min)}–${String(q.max)}`,
    unitPrice:
      line.unitPrice.basis === 'clinic'
        ? formatMoney(line.unitPrice.cents, currency)
        : 'ask the clinic',
    amount: line.amount === null ? 'no amount' : formatMoneyRange(line.amount, currency),
    amountCents: line.amount,
    arithmetic: line.arithmetic,
  };
}

function disclaimerFor(estimate: CourseEstimate, disputeFromCents: number | null): string[] {
  const usd = (cents: number) => formatMoney(cents, 'USD');
  const range = estimate.total !== null && estimate.total.minCents !== estimate.total.maxCents;
  const paragraphs = [
    'You are receiving this Good Faith Estimate because you do not have health insurance for this care or you are choosing to pay for it yourself (self-pay).',
    'Under the US No Surprises Act, a health care provider must give a self-pay patient an estimate of the expected charges for care that is scheduled or asked about, before the care is given. This estimate lists the items and services we expect to provide and what we expect to charge for each.',
    'It is an estimate, not a bill or a contract, and it does not oblige you to receive this care. If your care changes (for example more or fewer sessions, or other services), the charges change with it. Items not listed here are not included.',
    `If a bill from us is ${usd(DISPUTE_THRESHOLD_CENTS)} or more above the expected total on this estimate${range ? ' (the upper end of the range)' : ''}, you have the right to dispute it through the federal patient-provider dispute resolution process. You must start the dispute within 120 calendar days of the date on the bill.${disputeFromCents === null ? '' : ` For this estimate, that is a bill of ${usd(disputeFromCents)} or more.`}`,
    'Keep a copy of this estimate. For questions, or to start a dispute, see www.cms.gov/nosurprises or call 1-800-985-3059.',
  ];
  if (estimate.lines.some((l) => l.unitPrice.basis === 'ask-the-clinic'))
    paragraphs.push(
      'Items marked "ask the clinic" have no price set yet. Ask the clinic for a written price before treatment starts.',
    );
  return paragraphs;
}

/**
 * The content of a Good Faith Estimate for a self-pay patient (US No Surprises Act, 45 CFR
 * 149.610): provider, patient, items with codes and expected charges, the expected total (the
 * same figures as `estimateCourse`), the dates it holds, and the right to dispute a bill $400 or
 * more above it. The wording is KetaFlow's own.
 */
export function goodFaithEstimate(
  kb: KnowledgeBase,
  input: GoodFaithEstimateInput,
): Result<GoodFaithEstimate, Problem[]> {
  const problems: Problem[] = [];
  const validDays = input.validDays ?? DEFAULT_VALID_DAYS;
  if (!Number.isInteger(validDays) || validDays < 1 || validDays > 366)
    problems.push({
      code: 'COST.INVALID_VALIDITY',
      message: 'must be a whole number of days from 1 to 366',
      path: 'validDays',
    });
  const validThrough = addDays(input.issuedOn, validDays);
  if (validThrough === null)
    problems.push({
      code: 'COST.INVALID_DATE',
      message: 'must be a date such as 2026-03-02',
      path: 'issuedOn',
    });
  const estimated = estimateCourse(kb, input.estimate);
  if (!estimated.ok) problems.push(...estimated.error);
  if (!estimated.ok || validThrough === null || problems.length > 0) return err(problems);

  const estimate = estimated.value;
  const total = estimate.total;
  const disputeFromCents = total === null ? null : total.maxCents + DISPUTE_THRESHOLD_CENTS;
  const name = input.patientName?.trim();
  return ok({
    provider: {
      name: kb.clinic.name ?? input.fallbackProviderName,
      contact: kb.clinic.branding?.contact ?? null,
    },
    patientName: name === undefined || name === '' ? null : name,
    issuedOn: input.issuedOn,
    validThrough,
    indicationName: estimate.indicationName,
    currency: estimate.currency,
    items: estimate.lines.map((l) => itemOf(l, estimate.currency)),
    expectedTotal: total,
    expectedTotalText:
      total === null
        ? (estimate.totalNote ?? 'No total')
        : formatMoneyRange(total, estimate.currency),
    disputeFromCents,
    disclaimer: disclaimerFor(estimate, disputeFromCents),
    estimate,
  });
}
