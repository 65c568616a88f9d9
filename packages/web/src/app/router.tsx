import { createBrowserRouter } from 'react-router';
import type { Role } from '../api/auth-types';
import { RequireSession } from '../auth/require-session';
import { AppLayout } from '../layout/app-layout';
import { PublicLayout } from '../layout/public-layout';
import { LandingPage } from '../pages/landing-page';
import { LoginPage } from '../pages/login-page';
import { NotFoundPage } from '../pages/not-found-page';
import { RegisterPage } from '../pages/register-page';
import { ResetPasswordConfirmPage } from '../pages/reset-password-confirm-page';
import { ResetPasswordRequestPage } from '../pages/reset-password-request-page';
import { VerifyEmailPage } from '../pages/verify-email-page';

// The workspace pages load on demand, so the public pages stay small on a phone.
const staffRoles: readonly Role[] = ['nurse', 'prescriber', 'admin'];

export const router = createBrowserRouter([
  {
    element: <PublicLayout />,
    children: [
      { path: '/', element: <LandingPage /> },
      { path: '/login', element: <LoginPage /> },
      { path: '/register', element: <RegisterPage /> },
      {
        path: '/check',
        lazy: () =>
          import('../self-screening/self-screening-page').then((m) => ({
            Component: m.SelfScreeningPage,
          })),
      },
      {
        path: '/costs',
        lazy: () => import('../costs/costs-page').then((m) => ({ Component: m.CostsPage })),
      },
      {
        path: '/consult',
        lazy: () =>
          import('../portal/book-consult-page').then((m) => ({ Component: m.BookConsultPage })),
      },
      { path: '/reset-password', element: <ResetPasswordRequestPage /> },
      { path: '/reset-password/:token', element: <ResetPasswordConfirmPage /> },
      { path: '/verify-email/:token', element: <VerifyEmailPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
  {
    element: <RequireSession />,
    children: [
      {
        element: <AppLayout />,
        children: [
          {
            path: '/account',
            lazy: () => import('../pages/account-page').then((m) => ({ Component: m.AccountPage })),
          },
          {
            element: <RequireSession roles={['patient']} />,
            children: [
              {
                path: '/me',
                lazy: () =>
                  import('../pages/my-record-page').then((m) => ({ Component: m.MyRecordPage })),
              },
              {
                path: '/me/appointments',
                lazy: () =>
                  import('../portal/my-appointments-page').then((m) => ({
                    Component: m.MyAppointmentsPage,
                  })),
              },
              {
                path: '/me/book-consult',
                lazy: () =>
                  import('../portal/book-consult-page').then((m) => ({
                    Component: m.BookConsultPage,
                  })),
              },
              {
                path: '/me/scales',
                lazy: () =>
                  import('../outcomes/my-scales-page').then((m) => ({
                    Component: m.MyScalesPage,
                  })),
              },
              {
                path: '/me/scales/:instrument',
                lazy: () =>
                  import('../outcomes/fill-scale-page').then((m) => ({
                    Component: m.FillScalePage,
                  })),
              },
              {
                path: '/me/access',
                lazy: () =>
                  import('../pages/my-access-page').then((m) => ({ Component: m.MyAccessPage })),
              },
            ],
          },
          {
            element: <RequireSession roles={staffRoles} />,
            children: [
              {
                path: '/patients',
                lazy: () =>
                  import('../pages/patient-list-page').then((m) => ({
                    Component: m.PatientListPage,
                  })),
              },
              {
                path: '/patients/:id',
                lazy: () =>
                  import('../pages/patient-record-page').then((m) => ({
                    Component: m.PatientRecordPage,
                  })),
              },
              {
                path: '/dose',
                lazy: () =>
                  import('../dose/dose-calculator-page').then((m) => ({
                    Component: m.DoseCalculatorPage,
                  })),
              },
              {
                path: '/patients/:id/dose',
                lazy: () =>
                  import('../dose/dose-calculator-page').then((m) => ({
                    Component: m.DoseCalculatorPage,
                  })),
              },
              {
                path: '/patients/:id/screening',
                lazy: () =>
                  import('../screening/screening-review-page').then((m) => ({
                    Component: m.ScreeningReviewPage,
                  })),
              },
              {
                path: '/patients/:id/book',
                lazy: () =>
                  import('../schedule/book-appointment-page').then((m) => ({
                    Component: m.BookAppointmentPage,
                  })),
              },
              {
                path: '/patients/:id/courses/new',
                lazy: () =>
                  import('../courses/new-course-page').then((m) => ({
                    Component: m.NewCoursePage,
                  })),
              },
              {
                path: '/courses/:id',
                lazy: () =>
                  import('../courses/course-detail-page').then((m) => ({
                    Component: m.CourseDetailPage,
                  })),
              },
              {
                path: '/schedule/day',
                lazy: () =>
                  import('../schedule/day-board-page').then((m) => ({
                    Component: m.DayBoardPage,
                  })),
              },
              {
                path: '/schedule/week',
                lazy: () =>
                  import('../schedule/week-calendar-page').then((m) => ({
                    Component: m.WeekCalendarPage,
                  })),
              },
              {
                path: '/safety-alerts',
                lazy: () =>
                  import('../outcomes/safety-alerts-page').then((m) => ({
                    Component: m.SafetyAlertsPage,
                  })),
              },
              {
                path: '/safety-alerts/:id',
                lazy: () =>
                  import('../outcomes/safety-alert-page').then((m) => ({
                    Component: m.SafetyAlertPage,
                  })),
              },
              {
                path: '/sessions',
                lazy: () =>
                  import('../sessions/sessions-list-page').then((m) => ({
                    Component: m.SessionsListPage,
                  })),
              },
              {
                path: '/sessions/:id',
                lazy: () =>
                  import('../sessions/session-page').then((m) => ({ Component: m.SessionPage })),
              },
              {
                path: '/sessions/:id/record',
                lazy: () =>
                  import('../sessions/session-record-page').then((m) => ({
                    Component: m.SessionRecordPage,
                  })),
              },
              {
                path: '/patients/:id/dose/:calculationId',
                lazy: () =>
                  import('../dose/saved-sheet-page').then((m) => ({
                    Component: m.SavedSheetPage,
                  })),
              },
            ],
          },
          {
            element: <RequireSession roles={['prescriber', 'admin']} />,
            children: [
              {
                path: '/outcomes',
                lazy: () =>
                  import('../outcomes/clinic-outcomes-page').then((m) => ({
                    Component: m.ClinicOutcomesPage,
                  })),
              },
            ],
          },
          {
            element: <RequireSession roles={['admin']} />,
            children: [
              {
                path: '/admin/audit',
                lazy: () =>
                  import('../admin/audit-log-page').then((m) => ({ Component: m.AuditLogPage })),
              },
              {
                path: '/admin/clinic',
                lazy: () =>
                  import('../clinic-setup/clinic-setup-page').then((m) => ({
                    Component: m.ClinicSetupPage,
                  })),
              },
              {
                path: '/admin/staff',
                lazy: () =>
                  import('../clinic-setup/staff-setup-page').then((m) => ({
                    Component: m.StaffSetupPage,
                  })),
              },
              {
                path: '/admin/outbox',
                lazy: () =>
                  import('../admin/outbox-page').then((m) => ({ Component: m.OutboxPage })),
              },
              {
                path: '/admin/cds',
                lazy: () =>
                  import('../admin/cds-feedback-page').then((m) => ({
                    Component: m.CdsFeedbackPage,
                  })),
              },
            ],
          },
        ],
      },
    ],
  },
]);
