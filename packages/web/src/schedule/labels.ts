import type {
  AppointmentStatus,
  AppointmentType,
  CourseStatus,
  Weekday,
} from '../api/scheduling-types';

export const appointmentTypeLabels: Record<AppointmentType, string> = {
  'consult-telemedicine': 'Video consult',
  infusion: 'Infusion',
  'esketamine-session': 'Esketamine session',
  'follow-up': 'Follow-up',
};

export const appointmentStatusLabels: Record<AppointmentStatus, string> = {
  held: 'Held',
  booked: 'Booked',
  cancelled: 'Cancelled',
  completed: 'Completed',
  'no-show': 'No-show',
};

export const appointmentStatusColors: Record<AppointmentStatus, string> = {
  held: 'yellow',
  booked: 'blue',
  cancelled: 'gray',
  completed: 'teal',
  'no-show': 'red',
};

export const typeColors: Record<AppointmentType, string> = {
  'consult-telemedicine': 'grape',
  infusion: 'blue',
  'esketamine-session': 'cyan',
  'follow-up': 'indigo',
};

export const courseStatusLabels: Record<CourseStatus, string> = {
  planned: 'Planned',
  active: 'Active',
  paused: 'Paused',
  completed: 'Completed',
  stopped: 'Stopped',
};

export const courseStatusColors: Record<CourseStatus, string> = {
  planned: 'blue',
  active: 'teal',
  paused: 'yellow',
  completed: 'gray',
  stopped: 'red',
};

/** Monday first, as the clinic's week reads. */
export const weekdayOrder: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

export const weekdayLabels: Record<Weekday, string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};
