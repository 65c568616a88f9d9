import type { SelfScreeningAnswers } from '../api/screening-types';

/**
 * Self-screening answers wait in this tab's sessionStorage until the person registers, so the
 * registration can carry them as the new patient's intake. Closing the tab forgets them.
 */
const storageKey = 'ketaflow.self-screening.answers';

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/** A light shape check: the server validates the intake fully when the registration arrives. */
function isAnswers(value: unknown): value is SelfScreeningAnswers {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    typeof record.indication === 'string' &&
    typeof record.ageYears === 'number' &&
    typeof record.sex === 'string' &&
    isStringArray(record.conditions) &&
    isStringArray(record.otherConditions) &&
    isStringArray(record.medications)
  );
}

export function keepAnswersForRegistration(answers: SelfScreeningAnswers): void {
  try {
    sessionStorage.setItem(storageKey, JSON.stringify(answers));
  } catch {
    // Storage can be full or switched off; registering then simply starts without an intake.
  }
}

/** The answers kept by the self-screening page, or `null` when there are none (or unreadable). */
export function readAnswersForRegistration(): SelfScreeningAnswers | null {
  try {
    const text = sessionStorage.getItem(storageKey);
    if (text === null) return null;
    const value: unknown = JSON.parse(text);
    return isAnswers(value) ? value : null;
  } catch {
    return null;
  }
}

export function forgetAnswersForRegistration(): void {
  try {
    sessionStorage.removeItem(storageKey);
  } catch {
    // Nothing to forget when storage is unavailable.
  }
}
