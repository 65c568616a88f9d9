/** A span of amounts in integer cents; `minCents === maxCents` for a single figure. */
export interface CentsRange {
  readonly minCents: number;
  readonly maxCents: number;
}

const SYMBOLS: Readonly<Record<string, string>> = { USD: '$', CAD: 'CA$', EUR: '€', GBP: '£' };

/**
 * A price as entered (`449.995`) in integer cents, rounded once, half away from zero. The
 * `toFixed(6)` step removes binary noise first (`1.005 * 100` is `100.49999999999999`), so a
 * price that is exactly half a cent in decimal rounds up as a person would expect.
 */
export function toCents(amount: number): number {
  const cents = Number((Math.abs(amount) * 100).toFixed(6));
  return Math.sign(amount) * Math.round(cents);
}

function groupThousands(whole: number): string {
  return String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** `360000` USD as `$3,600`, `360050` as `$3,600.50`; unknown currencies as `CHF 3,600`. */
export function formatMoney(cents: number, currency: string): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const whole = Math.floor(abs / 100);
  const rest = abs % 100;
  const digits = groupThousands(whole) + (rest === 0 ? '' : `.${String(rest).padStart(2, '0')}`);
  const symbol = SYMBOLS[currency];
  return symbol === undefined ? `${sign}${currency} ${digits}` : `${sign}${symbol}${digits}`;
}

/** One figure, or `min–max` (an en dash) when the range is wide. */
export function formatMoneyRange(range: CentsRange, currency: string): string {
  const min = formatMoney(range.minCents, currency);
  return range.minCents === range.maxCents
    ? min
    : `${min}–${formatMoney(range.maxCents, currency)}`;
}

export function addRanges(a: CentsRange, b: CentsRange): CentsRange {
  return { minCents: a.minCents + b.minCents, maxCents: a.maxCents + b.maxCents };
}
