/** Treatment courses: proposed session dates within a protocol's ranges, status, replanning. */
export {
  planCourse,
  type PlanCourseRequest,
  type PlanConstraints,
  type ProposedSession,
  type CoursePlan,
  type ExistingAppointment,
} from './plan-course';
export {
  COURSE_STATUSES,
  COURSE_TRANSITIONS,
  canChangeCourseStatus,
  changeCourseStatus,
  newCourseState,
  type CourseStatus,
  type CourseState,
  type CourseStatusChange,
  type StatusChangeRequest,
} from './course-status';
export {
  replanFutureSessions,
  type PlannedCourse,
  type CourseChanges,
  type Replan,
} from './replan';
export { checkCourseDose, type CourseDoseRequest, type CourseDoseCheck } from './course-dose';
