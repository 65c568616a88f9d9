import { NEW_YORK_CLINIC, type Scenario } from './scenario';

/** A patient's spacing between sessions, and moving a booking. */
export const spacingScenarios: readonly Scenario[] = [
  {
    name: 'the next session must be 48 h after the last',
    why: 'Default spacing 48 h between session starts. Mon 09:00 → Tue 09:00 is 24 h; Wed 09:00 is exactly 48 h (allowed).',
    script: `${NEW_YORK_CLINIC}
booked b1 infusion 2026-03-09 09:00 115m chair A nurse N1 prescriber P1 patient alice
request infusion 2026-03-10 09:00 115m patient alice
expect conflict spacing-too-short
request infusion 2026-03-11 09:00 115m patient alice
expect slot 09:00
search infusion 2026-03-10 115m patient alice
expect no slots
search infusion 2026-03-11 115m patient alice
expect first 09:00`,
  },
  {
    name: 'spacing is real elapsed time across the spring change',
    why: 'Spacing 72 h. Fri 2026-03-06 09:00 EST to Mon 2026-03-09 09:00 EDT is 71 h (the clock skipped an hour); 10:00 EDT is 72 h.',
    script: `${NEW_YORK_CLINIC}
spacing 72h
booked b1 infusion 2026-03-06 09:00 115m chair A nurse N1 prescriber P1 patient alice
request infusion 2026-03-09 09:00 115m patient alice
expect conflict spacing-too-short
request infusion 2026-03-09 10:00 115m patient alice
expect slot 10:00
search infusion 2026-03-09 115m patient alice
expect first 10:00`,
  },
  {
    name: 'another patient is not affected by alice’s spacing',
    why: 'Spacing is per patient.',
    script: `${NEW_YORK_CLINIC}
booked b1 infusion 2026-03-09 09:00 115m chair A nurse N1 prescriber P1 patient alice
request infusion 2026-03-10 09:00 115m patient bob
expect slot 09:00`,
  },
  {
    name: 'a patient cannot be in two places at once',
    why: 'alice has a consult 11:00-11:45; an infusion 10:00-11:55 overlaps it. Consults do not count for spacing.',
    script: `${NEW_YORK_CLINIC}
booked c1 consult-telemedicine 2026-03-09 11:00 45m prescriber P1 patient alice
request infusion 2026-03-09 10:00 115m patient alice
expect conflict patient-busy
request infusion 2026-03-09 12:00 115m patient alice
expect slot 12:00`,
  },
  {
    name: 'rescheduling within the day frees the old time',
    why: 'Moving b1 from 09:00 to 10:00 on chair A: b1 itself is left out, so its own chair, nurse load and spacing do not block the move.',
    script: `${NEW_YORK_CLINIC}
booked b1 infusion 2026-03-09 09:00 115m chair A nurse N1 prescriber P1 patient alice
request infusion 2026-03-09 10:00 115m chair A patient alice
expect conflict chair-busy patient-busy spacing-too-short
request infusion 2026-03-09 10:00 115m chair A patient alice excluding b1
expect slot 10:00 chair A nurse N1`,
  },
  {
    name: 'rescheduling next to another session is refused with the reason',
    why: 'alice has b0 on Thu 2026-03-05 09:00; moving b1 (Mon 03-09) to Fri 03-06 09:00 is 24 h after b0.',
    script: `${NEW_YORK_CLINIC}
booked b0 infusion 2026-03-05 09:00 115m chair A nurse N1 prescriber P1 patient alice
booked b1 infusion 2026-03-09 09:00 115m chair A nurse N1 prescriber P1 patient alice
request infusion 2026-03-06 09:00 115m patient alice excluding b1
expect conflict spacing-too-short
request infusion 2026-03-10 09:00 115m patient alice excluding b1
expect slot 09:00`,
  },
  {
    name: 'rescheduling into a full nurse',
    why: 'N1 is watching b2 and b3 at 13:00 (capacity 2); moving b1 to 13:00 on chair C needs a third.',
    script: `${NEW_YORK_CLINIC}
chair C at main
booked b1 infusion 2026-03-09 09:00 115m chair C nurse N1 prescriber P1 patient alice
booked b2 infusion 2026-03-09 12:30 115m chair A nurse N1 prescriber P1 patient bob
booked b3 infusion 2026-03-09 12:45 115m chair B nurse N1 prescriber P1 patient carol
request infusion 2026-03-09 13:00 115m chair C patient alice excluding b1
expect conflict nurse-capacity`,
  },
];
