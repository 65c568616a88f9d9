import { useMutation } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { logOut } from '../api/auth-api';
import { useApplySession } from './use-session';

/** Logs out on the server, forgets the session locally, and returns to the log-in page. */
export function useLogOut() {
  const applySession = useApplySession();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: logOut,
    // Even if the server call fails, this browser must stop acting as the person.
    onSettled: () => {
      applySession(null);
      void navigate('/login', { replace: true });
    },
  });
}
