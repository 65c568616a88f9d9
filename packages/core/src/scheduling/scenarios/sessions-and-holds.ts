import { NEW_YORK_CLINIC, type Scenario } from './scenario';

/** Esketamine observation, holds, extra shifts, several locations and remote follow-ups. */
export const sessionScenarios: readonly Scenario[] = [
  {
    name: 'an esketamine session holds the chair and nurse through its 2-hour observation',
    why: '15 min pre-check + 15 min dosing + 120 min observation (monitoring.esketamineSession) = 150 min: e1 at 09:00 holds chair A until 11:30.',
    script: `${NEW_YORK_CLINIC}
booked e1 esketamine-session 2026-03-09 09:00 150m chair A nurse N1 prescriber P1
request esketamine-session 2026-03-09 11:00 150m chair A
expect conflict chair-busy
request esketamine-session 2026-03-09 11:30 150m chair A
expect slot 11:30 chair A nurse N1 prescriber P1`,
  },
  {
    name: 'observation must end while a nurse is still on duty',
    why: 'N1 leaves at 16:00; 13:45 + 150 min = 16:15. With N2 on until 18:00 the same time works, with N2.',
    script: `${NEW_YORK_CLINIC}
request esketamine-session 2026-03-09 13:45 150m
expect conflict nurse-absent
nurse N2 Mon-Fri 10:00-18:00 at main
request esketamine-session 2026-03-09 13:45 150m
expect slot 13:45 nurse N2`,
  },
  {
    name: 'a live hold blocks its chair until it expires',
    why: 'h1 holds chair A 09:00-10:55 and expires at 12:00Z (08:00 EDT). At 11:55Z it still counts; from 12:00Z it is ignored.',
    script: `${NEW_YORK_CLINIC}
held h1 infusion 2026-03-09 09:00 115m chair A nurse N1 prescriber P1 expires 2026-03-09T12:00Z
asof 2026-03-09T11:55Z
request infusion 2026-03-09 09:00 115m chair A
expect conflict chair-busy
asof 2026-03-09T12:00Z
request infusion 2026-03-09 09:00 115m chair A
expect slot 09:00 chair A`,
  },
  {
    name: 'a hold counts towards the nurse’s capacity',
    why: 'b1 and the live hold h1 already give N1 two chairs at 09:30 (capacity 2).',
    script: `${NEW_YORK_CLINIC}
chair C at main
booked b1 infusion 2026-03-09 09:00 115m chair A nurse N1 prescriber P1
held h1 infusion 2026-03-09 09:15 115m chair B nurse N1 prescriber P1 expires 2026-03-09T14:00Z
asof 2026-03-09T13:00Z
request infusion 2026-03-09 09:30 115m chair C
expect conflict nurse-capacity`,
  },
  {
    name: 'an extra shift extends a nurse’s day',
    why: 'N1 normally leaves at 16:00, so 15:00 (ending 16:55) is refused; with an extra 16:00-18:00 on that date it fits.',
    script: `${NEW_YORK_CLINIC}
request infusion 2026-03-09 15:00 115m
expect conflict nurse-absent
extra N1 2026-03-09 16:00-18:00 at main overtime
request infusion 2026-03-09 15:00 115m
expect slot 15:00 nurse N1`,
  },
  {
    name: 'each location uses its own chairs, nurses and prescribers',
    why: 'Chair C is at north; at main it is refused. The search lists both locations at 08:00, main before north.',
    script: `${NEW_YORK_CLINIC}
location north tz America/New_York
open Mon-Fri 08:00-18:00
chair C at north
nurse N2 Mon-Fri 08:00-18:00 at north
prescriber P2 Mon-Fri 08:00-18:00 at north
request infusion 2026-03-09 09:00 115m at main chair C
expect conflict chair-elsewhere
request infusion 2026-03-09 09:00 115m at north
expect slot 09:00 chair C nurse N2 prescriber P2
search infusion 2026-03-09 115m at north
expect first 08:00 chair C nurse N2 prescriber P2`,
  },
  {
    name: 'a remote prescriber takes follow-ups but cannot supervise infusions',
    why: 'P2 works 12:00-14:00 remotely: follow-ups (20 min) fit from 12:00, but an infusion needs a prescriber on site, and P1 is absent.',
    script: `${NEW_YORK_CLINIC}
prescriber P2 Mon-Fri 12:00-14:00 remote
absent P1 2026-03-09 leave
search follow-up 2026-03-09 20m
expect starts 12:00,12:15,12:30
expect first 12:00 prescriber P2
request infusion 2026-03-09 12:00 115m
expect conflict prescriber-absent`,
  },
];
