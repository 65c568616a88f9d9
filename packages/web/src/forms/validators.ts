/** Client-side checks that mirror the API's rules, so most mistakes are caught before a request. */

export const minimumPasswordLength = 12;

export function requireText(label: string) {
  return (value: string): string | null => (value.trim() === '' ? `${label} is required` : null);
}

export function validateEmail(value: string): string | null {
  if (value.trim() === '') return 'Email is required';
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim()) ? null : 'Enter a valid email address';
}

export function validatePassword(value: string): string | null {
  return value.length >= minimumPasswordLength
    ? null
    : `Password must be at least ${minimumPasswordLength} characters`;
}

function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** A required `YYYY-MM-DD` date. */
export function requireDate(label: string) {
  return (value: string): string | null => {
    if (value === '') return `${label} is required`;
    return isIsoDate(value) ? null : `${label} must be a valid date`;
  };
}

/** An optional `YYYY-MM-DD` date. */
export function optionalDate(label: string) {
  return (value: string): string | null =>
    value === '' || isIsoDate(value) ? null : `${label} must be a valid date`;
}

/** A required positive number from a Mantine `NumberInput` (which gives `''` when empty). */
export function requirePositive(label: string) {
  return (value: number | string): string | null => {
    if (value === '') return `${label} is required`;
    return typeof value === 'number' && value > 0 ? null : `${label} must be greater than 0`;
  };
}
