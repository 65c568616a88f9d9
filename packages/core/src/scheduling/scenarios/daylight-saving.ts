import { NEW_YORK_CLINIC, type Scenario } from './scenario';

/** US changes on 2026-03-08 and 2026-11-01; the UK on 2026-03-29 and 2026-10-25. */
export const daylightSavingScenarios: readonly Scenario[] = [
  {
    name: '09:00 stays 09:00 local across the spring change in New York',
    why: 'Fri 2026-03-06 is EST (UTC-5): 09:00 = 14:00Z. Mon 2026-03-09 is EDT (UTC-4): 09:00 = 13:00Z.',
    script: `${NEW_YORK_CLINIC}
request infusion 2026-03-06 09:00 115m
expect slot 09:00 chair A nurse N1 prescriber P1
expect utc 2026-03-06T14:00:00.000Z
request infusion 2026-03-09 09:00 115m
expect slot 09:00 chair A nurse N1 prescriber P1
expect utc 2026-03-09T13:00:00.000Z`,
  },
  {
    name: '09:00 stays 09:00 local across the autumn change in New York',
    why: 'Fri 2026-10-30 is EDT: 09:00 = 13:00Z. Mon 2026-11-02 is EST: 09:00 = 14:00Z.',
    script: `${NEW_YORK_CLINIC}
request infusion 2026-10-30 09:00 115m
expect utc 2026-10-30T13:00:00.000Z
request infusion 2026-11-02 09:00 115m
expect slot 09:00
expect utc 2026-11-02T14:00:00.000Z`,
  },
  {
    name: 'the day after the spring change opens at 08:00 local',
    why: 'Mon 2026-03-09 08:00 EDT = 12:00Z; the last start is 14:00 so recovery ends when the nurse leaves at 16:00 (14:00 + 115 min = 15:55; 14:15 would end 16:10).',
    script: `${NEW_YORK_CLINIC}
search infusion 2026-03-09 115m
expect first 08:00 chair A nurse N1 prescriber P1
expect utc 2026-03-09T12:00:00.000Z
expect count 25`,
  },
  {
    name: 'a night clinic loses an hour on the spring-forward night',
    why: 'Sun 2026-03-08 01:00-05:00 local is only 3 real hours (06:00Z-09:00Z): 115-min starts at 01:00, 01:15, 01:30, 01:45, then 03:00 EDT (07:00Z; 02:xx does not exist). A normal Sunday has 9 (01:00-03:00).',
    script: `
clinic tz America/New_York
open Sun 01:00-05:00
chair A at main
nurse N1 Sun 01:00-05:00 at main
prescriber P1 Sun 01:00-05:00 at main
search infusion 2026-03-08 115m
expect starts 01:00,01:15,01:30,01:45,03:00
expect count 5
search infusion 2026-03-15 115m
expect count 9`,
  },
  {
    name: 'a night clinic gains an hour on the fall-back night, and 01:xx comes twice',
    why: 'Sun 2026-11-01 01:00 EDT (05:00Z) to 05:00 EST (10:00Z) is 5 real hours: starts 05:00Z-08:00Z every 15 min = 13; after 01:45 EDT the clock shows 01:00 again (EST).',
    script: `
clinic tz America/New_York
open Sun 01:00-05:00
chair A at main
nurse N1 Sun 01:00-05:00 at main
prescriber P1 Sun 01:00-05:00 at main
search infusion 2026-11-01 115m
expect starts 01:00,01:15,01:30,01:45,01:00,01:15
expect count 13
expect utc 2026-11-01T05:00:00.000Z`,
  },
  {
    name: 'a time in the spring gap is moved forward by the gap',
    why: '02:30 on 2026-03-08 does not exist in New York; it is read as 03:30 EDT = 07:30Z (documented in resolveLocalTime).',
    script: `
clinic tz America/New_York
open Sun 00:00-24:00
chair A at main
nurse N1 Sun 00:00-24:00 at main
prescriber P1 Sun 00:00-24:00 at main
request infusion 2026-03-08 02:30 60m
expect utc 2026-03-08T07:30:00.000Z`,
  },
  {
    name: '09:00 stays 09:00 local across the UK spring change',
    why: 'Fri 2026-03-27 is GMT: 09:00 = 09:00Z. Mon 2026-03-30 is BST (UTC+1): 09:00 = 08:00Z.',
    script: `
location london tz Europe/London
open Mon-Fri 08:00-18:00
chair L1 at london
nurse N9 Mon-Fri 08:00-18:00 at london
prescriber P9 Mon-Fri 08:00-18:00 at london
request infusion 2026-03-27 09:00 115m
expect slot 09:00 chair L1 nurse N9 prescriber P9
expect utc 2026-03-27T09:00:00.000Z
request infusion 2026-03-30 09:00 115m
expect utc 2026-03-30T08:00:00.000Z
search infusion 2026-10-26 115m
expect utc 2026-10-26T08:00:00.000Z`,
  },
  {
    name: 'a London prescriber seen from New York between the two spring changes',
    why: 'P2 works 09:00-17:00 London time, remote. On 2026-03-02 (EST, GMT) that is 04:00 New York; on 2026-03-16 (EDT, still GMT) 05:00; on 2026-04-06 (EDT, BST) 04:00 again.',
    script: `
clinic tz America/New_York
open Mon-Fri 08:00-18:00
location london tz Europe/London
prescriber P2 Mon-Fri 09:00-17:00 remote
search consult-telemedicine 2026-03-02 45m
expect first 04:00 prescriber P2
search consult-telemedicine 2026-03-16 45m
expect first 05:00 prescriber P2
expect utc 2026-03-16T09:00:00.000Z
search consult-telemedicine 2026-04-06 45m
expect first 04:00 prescriber P2`,
  },
];
