import { NEW_YORK_CLINIC, type Scenario } from './scenario';

/** Chairs, nurse capacity, prescribers, opening hours and closures. */
export const resourceScenarios: readonly Scenario[] = [
  {
    name: 'a nurse at capacity cannot take a third chair',
    why: 'Capacity 2 (default). N1 watches chair A 09:00-10:55 and chair B 09:30-11:25; a third chair at 10:00 would make 3 at once.',
    script: `${NEW_YORK_CLINIC}
chair C at main
booked b1 infusion 2026-03-09 09:00 115m chair A nurse N1 prescriber P1
booked b2 infusion 2026-03-09 09:30 115m chair B nurse N1 prescriber P1
request infusion 2026-03-09 10:00 115m chair C
expect conflict nurse-capacity
request infusion 2026-03-09 11:30 115m chair C
expect slot 11:30 chair C nurse N1`,
  },
  {
    name: 'with capacity 3 the same nurse takes the third chair',
    why: 'Only two chairs are watched 09:30-10:55, below a capacity of 3.',
    script: `${NEW_YORK_CLINIC}
chair C at main
capacity 3
booked b1 infusion 2026-03-09 09:00 115m chair A nurse N1 prescriber P1
booked b2 infusion 2026-03-09 09:30 115m chair B nurse N1 prescriber P1
request infusion 2026-03-09 10:00 115m chair C
expect slot 10:00 chair C nurse N1 prescriber P1`,
  },
  {
    name: 'a second nurse takes over when the first is at capacity',
    why: 'N1 is at capacity 09:30-10:55; N2 is on duty and free, so the search assigns N2 (first free by id).',
    script: `${NEW_YORK_CLINIC}
chair C at main
nurse N2 Mon-Fri 08:00-16:00 at main
booked b1 infusion 2026-03-09 09:00 115m chair A nurse N1 prescriber P1
booked b2 infusion 2026-03-09 09:30 115m chair B nurse N1 prescriber P1
request infusion 2026-03-09 10:00 115m
expect slot 10:00 chair C nurse N2 prescriber P1`,
  },
  {
    name: 'a nurse with a personal capacity of 1 is not offered for a second overlapping infusion',
    why: 'Clinic default 2, but N1’s own capacity is 1. b1 holds N1 09:00-10:55, so chair B at 10:00 has no nurse; the search offers nothing that overlaps b1: 08:00 would end 09:55, so the first start is 11:00 (15-min grid from 08:00), the last 14:00 (recovery ends by 16:00 when N1 leaves): 13 starts.',
    script: `${NEW_YORK_CLINIC}
capacity 2
capacity N1 1
booked b1 infusion 2026-03-09 09:00 115m chair A nurse N1 prescriber P1
request infusion 2026-03-09 10:00 115m chair B
expect conflict nurse-capacity
request infusion 2026-03-09 08:00 115m chair B nurse N1
expect conflict nurse-capacity
search infusion 2026-03-09 115m
expect first 11:00 chair A nurse N1
expect count 13`,
  },
  {
    name: 'per-nurse capacities: the nurse with capacity 3 takes a third chair, the one with 1 none',
    why: 'Default 2; N1 has 1, N2 has 3. N1 watches b1 from 09:00 (full); N2 watches b2 and b3 (two of three). At 10:00 chair D goes to N2; N1 asked for by name is at capacity. At 08:00 (until 09:55) N1 is full from 09:00, N2 has room: the first slot is N2’s. A fourth chair on N2 fills her too.',
    script: `${NEW_YORK_CLINIC}
chair C,D,E at main
nurse N2 Mon-Fri 08:00-16:00 at main
capacity N1 1
capacity N2 3
booked b1 infusion 2026-03-09 09:00 115m chair A nurse N1 prescriber P1
booked b2 infusion 2026-03-09 09:00 115m chair B nurse N2 prescriber P1
booked b3 infusion 2026-03-09 09:30 115m chair C nurse N2 prescriber P1
request infusion 2026-03-09 10:00 115m chair D
expect slot 10:00 chair D nurse N2 prescriber P1
request infusion 2026-03-09 10:00 115m chair D nurse N1
expect conflict nurse-capacity
search infusion 2026-03-09 115m
expect first 08:00 chair D nurse N2
booked b4 infusion 2026-03-09 09:45 115m chair D nurse N2 prescriber P1
request infusion 2026-03-09 10:00 115m chair E
expect conflict nurse-capacity`,
  },
  {
    name: 'a booked chair is busy until the recovery ends, and free right after',
    why: 'b1 holds chair A 09:00-10:55 (half-open): 10:00 clashes, 10:55 does not.',
    script: `${NEW_YORK_CLINIC}
booked b1 infusion 2026-03-09 09:00 115m chair A nurse N1 prescriber P1
request infusion 2026-03-09 10:00 115m chair A
expect conflict chair-busy
request infusion 2026-03-09 10:55 115m chair A
expect slot 10:55 chair A`,
  },
  {
    name: 'no chair free',
    why: 'Both chairs are booked 09:00-10:55. Start times step every 15 min from opening (08:00), so the first free start is 11:00, not 10:55; nothing fits before 09:00 (it would have to start by 07:05).',
    script: `${NEW_YORK_CLINIC}
capacity 4
booked b1 infusion 2026-03-09 09:00 115m chair A nurse N1 prescriber P1
booked b2 infusion 2026-03-09 09:00 115m chair B nurse N1 prescriber P1
request infusion 2026-03-09 09:30 115m
expect conflict no-chair-free
search infusion 2026-03-09 115m
expect starts 11:00
expect first 11:00 chair A`,
  },
  {
    name: 'recovery must end before the nurse leaves',
    why: 'N1 works until 16:00; 15:00 + 115 min = 16:55.',
    script: `${NEW_YORK_CLINIC}
request infusion 2026-03-09 15:00 115m
expect conflict nurse-absent`,
  },
  {
    name: 'recovery must end before closing time',
    why: 'The clinic closes at 18:00; 17:00 + 115 min = 18:55. The nurse has left too.',
    script: `${NEW_YORK_CLINIC}
request infusion 2026-03-09 17:00 115m
expect conflict outside-hours nurse-absent`,
  },
  {
    name: 'a prescriber away is named with the reason, and the day has no slots',
    why: 'P1 is the only prescriber and is absent on Tue 2026-03-10; infusions need a prescriber on site.',
    script: `${NEW_YORK_CLINIC}
absent P1 2026-03-10 conference
request infusion 2026-03-10 09:00 115m
expect conflict prescriber-absent
search infusion 2026-03-10 115m
expect no slots`,
  },
  {
    name: 'a prescriber away for the afternoon',
    why: 'P1 is absent 13:00-18:00 on 2026-03-10: the last infusion start is 11:05, so 11:00 on the 15-min grid.',
    script: `${NEW_YORK_CLINIC}
absent P1 2026-03-10 13:00-18:00 dentist
search infusion 2026-03-10 115m
expect count 13
request infusion 2026-03-10 11:15 115m
expect conflict prescriber-absent`,
  },
  {
    name: 'closed on a holiday, with the reason',
    why: 'Fri 2026-12-25 is a closure; the request lists it as SCHEDULE.CLOSED.',
    script: `${NEW_YORK_CLINIC}
closed 2026-12-25 Christmas Day
request infusion 2026-12-25 09:00 115m
expect conflict closed
search infusion 2026-12-25 115m
expect no slots`,
  },
  {
    name: 'a closure range covers each day',
    why: 'Closed 2026-12-28..2026-12-30 (Mon-Wed); Thursday 2026-12-31 is open again.',
    script: `${NEW_YORK_CLINIC}
closed 2026-12-28..2026-12-30 Year-end
search infusion 2026-12-29 115m
expect no slots
search infusion 2026-12-31 115m
expect first 08:00`,
  },
  {
    name: 'a consult needs the prescriber’s own time; supervising infusions does not block it',
    why: 'c1 holds P1 09:00-09:45: 09:30 clashes. b1 (infusion 10:00) only needs P1 on site, so a consult at 10:00 is fine. Starts: 08:00 and 08:15 end by 09:00; next free 09:45.',
    script: `${NEW_YORK_CLINIC}
booked c1 consult-telemedicine 2026-03-09 09:00 45m prescriber P1
booked b1 infusion 2026-03-09 10:00 115m chair A nurse N1 prescriber P1
request consult-telemedicine 2026-03-09 09:30 45m
expect conflict prescriber-busy
request consult-telemedicine 2026-03-09 10:00 45m
expect slot 10:00 prescriber P1
search consult-telemedicine 2026-03-09 45m
expect starts 08:00,08:15,09:45,10:00`,
  },
  {
    name: 'every reason is listed at once',
    why: 'On a closure day, with the prescriber absent and the chair booked, all three reasons show.',
    script: `${NEW_YORK_CLINIC}
closed 2026-12-24 Christmas Eve
absent P1 2026-12-24 holiday
booked b1 infusion 2026-12-24 09:00 115m chair A nurse N1 prescriber P1
request infusion 2026-12-24 09:00 115m chair A
expect conflict closed chair-busy prescriber-absent`,
  },
];
