import { requestJson } from './http';
import type { Course, CourseStatus, NewCourse, Weekday } from './scheduling-types';

export async function fetchCourses(patientId: string): Promise<Course[]> {
  const list = await requestJson<{ items: Course[] }>(
    'GET',
    `/api/patients/${encodeURIComponent(patientId)}/courses`,
  );
  return list.items;
}

export function fetchCourse(id: string): Promise<Course> {
  return requestJson('GET', `/api/courses/${encodeURIComponent(id)}`);
}

/** Creates the course and books all its sessions, or none (409 with every session's reason). */
export function createCourse(patientId: string, course: NewCourse): Promise<Course> {
  return requestJson('POST', `/api/patients/${encodeURIComponent(patientId)}/courses`, course);
}

export function changeCourseStatus(id: string, to: CourseStatus, reason: string): Promise<Course> {
  return requestJson('POST', `/api/courses/${encodeURIComponent(id)}/status`, { to, reason });
}

/** What a course change may restate; a preference sent as null is cleared, one left out kept. */
export interface CourseChange {
  sessionsPerWeek?: number;
  weeks?: number;
  preferredWeekdays?: Weekday[] | null;
  preferredTime?: string | null;
  reason: string;
}

/** Changes the course and re-books its future sessions (all or none). */
export function changeCoursePlan(id: string, change: CourseChange): Promise<Course> {
  return requestJson('PATCH', `/api/courses/${encodeURIComponent(id)}`, change);
}
