/** One scheduling scenario: a script in the scenario language and the reasoning behind it. */
export interface Scenario {
  readonly name: string;
  /** Why the expected outcome is right: the arithmetic or the rule. */
  readonly why: string;
  readonly script: string;
}

/**
 * The standard clinic: New York, Mon-Fri 08:00-18:00, two chairs, one nurse until 16:00, one
 * prescriber on site all day. Infusions in these scenarios last 115 min (15 pre-check + 40
 * depression protocol + 60 recovery, the knowledge-base defaults).
 */
export const NEW_YORK_CLINIC = `
clinic tz America/New_York
open Mon-Fri 08:00-18:00
chair A,B at main
nurse N1 Mon-Fri 08:00-16:00 at main
prescriber P1 Mon-Fri 08:00-18:00 at main
`;
