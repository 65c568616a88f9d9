import { Navigate, Outlet, useLocation } from 'react-router';
import type { Role } from '../api/auth-types';
import { PageLoader } from '../components/page-loader';
import { QueryErrorAlert } from '../components/query-error-alert';
import { homePathFor } from './home-path';
import { useSession } from './use-session';

interface RequireSessionProps {
  /** Roles allowed below this route; any logged-in person when left out. */
  roles?: readonly Role[];
}

/** Route guard: sends anonymous visitors to log in, and others' roles to their own home. */
export function RequireSession({ roles }: RequireSessionProps) {
  const location = useLocation();
  const session = useSession();

  if (session.isPending) return <PageLoader />;
  if (session.isError) return <QueryErrorAlert error={session.error} />;
  if (session.data === null) {
    return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  }
  const { user } = session.data;
  if (roles !== undefined && !roles.includes(user.role)) {
    return <Navigate to={homePathFor(user)} replace />;
  }
  return <Outlet />;
}
