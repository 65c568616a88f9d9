import { Box, Paper, ScrollArea, Text, UnstyledButton } from '@mantine/core';
import type { Appointment, Location } from '../api/scheduling-types';
import type { SessionSummary } from '../api/session-types';
import { formatZonedTimeInList, minutesSinceDayStart } from '../format/zoned-time';
import { chairLanes, dayFrame, PX_PER_MINUTE } from './board-geometry';
import classes from './day-board.module.css';
import { decisionColors, sessionStatusLabel, unclearedPreCheck } from '../sessions/labels';
import { appointmentStatusLabels, appointmentTypeLabels, typeColors } from './labels';

interface DayBoardProps {
  location: Location;
  date: string;
  appointments: readonly Appointment[];
  /** The day's sessions by appointment: a checked-in patient shows where their session stands. */
  sessions?: ReadonlyMap<string, SessionSummary>;
  onOpen: (appointment: Appointment) => void;
}

/** What the block says of where the visit stands: the session's state once checked in. */
function standing(a: Appointment, session: SessionSummary | undefined): string {
  if (session === undefined) return appointmentStatusLabels[a.status];
  const alerts =
    session.openAlertCount > 0
      ? ` · ${String(session.openAlertCount)} open alert${session.openAlertCount === 1 ? '' : 's'}`
      : '';
  return `${sessionStatusLabel(session)}${alerts}`;
}

/** The block's name: everything it shows, so a screen reader hears what a sighted nurse reads. */
function blockLabel(a: Appointment, time: string, session: SessionSummary | undefined): string {
  return [
    `${time} ${a.patient.name}`,
    appointmentTypeLabels[a.type],
    standing(a, session).replaceAll(' · ', ', '),
    ...(a.nurse === null ? [] : [`Nurse ${a.nurse.name}`]),
    ...(a.prescriber === null ? [] : [`Prescriber ${a.prescriber.name}`]),
  ].join(', ');
}

/**
 * Chairs as columns, the location's local time running down; appointments as blocks. The time
 * runs as it passes (see `dayFrame`), so on a clock-change day the hours are labelled with zones.
 */
export function DayBoard({ location, date, appointments, sessions, onOpen }: DayBoardProps) {
  const zone = location.timeZone;
  const frame = dayFrame(location, date, appointments);
  const lanes = chairLanes(location, appointments);
  const heightPx = (frame.endMinutes - frame.startMinutes) * PX_PER_MINUTE;
  const y = (minutes: number) => (minutes - frame.startMinutes) * PX_PER_MINUTE;
  // `01:00 EDT` needs more room than `01:00`; ordinary days keep the narrow axis.
  const axisPx = frame.zoned ? 84 : 56;

  return (
    <ScrollArea type="auto" offsetScrollbars>
      <Box
        className={classes.board}
        style={{
          gridTemplateColumns: `${String(axisPx)}px repeat(${String(lanes.length)}, minmax(150px, 1fr))`,
        }}
        role="group"
        aria-label={`Day board ${location.name} ${date}`}
      >
        <div className={classes.corner} />
        {lanes.map((lane) => (
          <Text key={lane.id} className={classes.laneHead} fw={600} size="sm">
            {lane.name}
          </Text>
        ))}
        <div className={classes.axis} style={{ height: heightPx }} aria-hidden data-board-axis>
          {frame.hours.map((h) => (
            <span key={h.minutes} className={classes.hour} style={{ top: y(h.minutes) }}>
              {h.label}
            </span>
          ))}
        </div>
        {lanes.map((lane) => (
          <section
            key={lane.id}
            className={classes.lane}
            style={{ height: heightPx }}
            aria-label={lane.name}
          >
            {frame.open.length === 0 || frame.closure !== null ? (
              <div className={classes.closed} style={{ top: 0, height: heightPx }} />
            ) : (
              frame.open.map((o) => (
                <div
                  key={o.from}
                  className={classes.open}
                  style={{ top: y(o.from), height: (o.to - o.from) * PX_PER_MINUTE }}
                />
              ))
            )}
            {frame.hours.map((h) => (
              <div key={h.minutes} className={classes.rule} style={{ top: y(h.minutes) }} />
            ))}
            {frame.changes.map((c) => (
              <div
                key={c.minutes}
                className={classes.change}
                style={{ top: y(c.minutes) }}
                title={c.label}
              />
            ))}
            {lane.appointments.map((a) => {
              const top = y(
                Math.max(frame.startMinutes, minutesSinceDayStart(a.startsAt, date, zone)),
              );
              const bottom = y(
                Math.min(frame.endMinutes, minutesSinceDayStart(a.endsAt, date, zone)),
              );
              const time = `${formatZonedTimeInList(a.startsAt, zone)}–${formatZonedTimeInList(a.endsAt, zone)}`;
              const session = sessions?.get(a.id);
              // A pre-check that has not cleared the patient stands out in its decision's colour.
              const uncleared = session === undefined ? null : unclearedPreCheck(session);
              return (
                <UnstyledButton
                  key={a.id}
                  className={classes.block}
                  data-status={session?.state ?? a.status}
                  style={{
                    top,
                    height: Math.max(bottom - top, 28),
                    borderLeftColor: `var(--mantine-color-${typeColors[a.type]}-6)`,
                  }}
                  aria-label={blockLabel(a, time, session)}
                  onClick={() => {
                    onOpen(a);
                  }}
                >
                  {/* Spaces between the lines, so that their text reads as the words of the
                      button's name (axe: label-content-name-mismatch). */}
                  <Text size="xs" fw={700}>
                    {time}
                  </Text>{' '}
                  <Text size="sm" fw={600} lineClamp={2}>
                    {a.patient.name}
                  </Text>{' '}
                  <Text size="xs" lineClamp={1}>
                    {appointmentTypeLabels[a.type]} ·{' '}
                    {uncleared === null ? (
                      standing(a, session)
                    ) : (
                      <Text span inherit fw={700} c={decisionColors[uncleared]}>
                        {standing(a, session)}
                      </Text>
                    )}
                  </Text>{' '}
                  {a.nurse !== null && (
                    <Text size="xs" lineClamp={1}>
                      Nurse {a.nurse.name}
                    </Text>
                  )}{' '}
                  {a.prescriber !== null && (
                    <Text size="xs" lineClamp={1}>
                      Prescriber {a.prescriber.name}
                    </Text>
                  )}
                </UnstyledButton>
              );
            })}
          </section>
        ))}
      </Box>
      {lanes.length === 0 && (
        <Paper p="md" withBorder>
          <Text c="dimmed">This location has no chairs yet.</Text>
        </Paper>
      )}
    </ScrollArea>
  );
}
