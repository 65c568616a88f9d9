import { NEW_YORK_CLINIC, type Scenario } from './scenario';

/** Course planning: protocol ranges, closures, spacing and daylight-saving changes. */
export const courseScenarios: readonly Scenario[] = [
  {
    name: 'a twice-weekly course keeps 09:00 local across the spring change',
    why: 'Depression: 1-2 a week for 4-6 weeks. Mon/Thu 09:00 from 2026-03-02: EST (-05:00) until the change on Sun 03-08, then EDT (-04:00).',
    script: `${NEW_YORK_CLINIC}
course depression 2/week 4 weeks from 2026-03-02 on Mon,Thu at 09:00 115m
expect count 8
expect sessions 2026-03-02T09:00-05:00,2026-03-05T09:00-05:00,2026-03-09T09:00-04:00,2026-03-12T09:00-04:00,2026-03-16T09:00-04:00`,
  },
  {
    name: 'a weekly course keeps 08:00 local across the autumn change',
    why: 'Mondays from 2026-10-19: EDT until Sun 11-01, EST after.',
    script: `${NEW_YORK_CLINIC}
course depression 1/week 4 weeks from 2026-10-19 on Mon at 08:00 115m
expect sessions 2026-10-19T08:00-04:00,2026-10-26T08:00-04:00,2026-11-02T08:00-05:00,2026-11-09T08:00-05:00`,
  },
  {
    name: 'a weekly London course across the UK spring change',
    why: 'Fridays 10:00: GMT (+00:00) until Sun 2026-03-29, BST (+01:00) after.',
    script: `
location london tz Europe/London
open Mon-Fri 08:00-18:00
course ptsd 1/week 4 weeks from 2026-03-16 on Fri at 10:00 at-location london 115m
expect sessions 2026-03-20T10:00+00:00,2026-03-27T10:00+00:00,2026-04-03T10:00+01:00,2026-04-10T10:00+01:00`,
  },
  {
    name: 'closures move a session to the next day that keeps the spacing',
    why: 'Closed Thu-Fri 12-24..25 and Thu-Fri 12-31..01-01. Week 1: Mon 21; Thu closed; Tue 22 is only 24 h after Mon, so Wed 23 (48 h). Week 2 likewise Mon 28, Wed 30. Weeks 3-4: Mon/Thu.',
    script: `${NEW_YORK_CLINIC}
closed 2026-12-24..2026-12-25 Christmas
closed 2026-12-31..2027-01-01 New Year
course depression 2/week 4 weeks from 2026-12-21 on Mon,Thu at 09:00 115m
expect sessions 2026-12-21T09:00-05:00,2026-12-23T09:00-05:00,2026-12-28T09:00-05:00,2026-12-30T09:00-05:00,2027-01-04T09:00-05:00,2027-01-07T09:00-05:00,2027-01-11T09:00-05:00,2027-01-14T09:00-05:00`,
  },
  {
    name: 'without preferred days or time, sessions take the earliest opening that keeps the spacing',
    why: 'Mon 2026-03-02 08:00, then Wed 03-04 08:00 (48 h); next week Mon 03-09 08:00 EDT.',
    script: `${NEW_YORK_CLINIC}
course depression 2/week 4 weeks from 2026-03-02 115m
expect sessions 2026-03-02T08:00-05:00,2026-03-04T08:00-05:00,2026-03-09T08:00-04:00`,
  },
  {
    name: 'a session the patient already has counts for the spacing',
    why: 'alice already has b0 on Tue 2026-03-03 09:00. In week 1, Mon 03-02 and Wed 03-04 are 24 h from it, Thu 03-05 fits (48 h), Fri 03-06 would be 24 h after Thu, and the weekend is closed: only one session fits, and the error names the week.',
    script: `${NEW_YORK_CLINIC}
booked b0 infusion 2026-03-03 09:00 115m chair A nurse N1 prescriber P1 patient alice
course depression 2/week 4 weeks from 2026-03-02 on Mon,Thu at 09:00 115m
expect error COURSE.NO_ROOM weeks`,
  },
  {
    name: 'three sessions a week is outside the protocol',
    why: 'Depression allows 1-2 sessions a week (knowledge base, seed).',
    script: `${NEW_YORK_CLINIC}
course depression 3/week 4 weeks from 2026-03-02 115m
expect error COURSE.OUTSIDE_PROTOCOL sessionsPerWeek`,
  },
  {
    name: 'eight weeks is outside the protocol',
    why: 'Depression courses run 4-6 weeks.',
    script: `${NEW_YORK_CLINIC}
course depression 2/week 8 weeks from 2026-03-02 115m
expect error COURSE.OUTSIDE_PROTOCOL weeks`,
  },
  {
    name: 'spacing that cannot fit in a week',
    why: 'Two sessions 96 h apart need 192 h, more than a week (168 h).',
    script: `${NEW_YORK_CLINIC}
spacing 96h
course depression 2/week 4 weeks from 2026-03-02 115m
expect error COURSE.IMPOSSIBLE sessionsPerWeek`,
  },
  {
    name: 'an as-needed course proposes no dates',
    why: 'Chronic pain is given as needed (no sessions per week in the knowledge base).',
    script: `${NEW_YORK_CLINIC}
course chronic-pain as-needed from 2026-03-02
expect count 0`,
  },
];
