import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { setAuthLostHandler, setCsrfRejectedHandler } from '../../../api/client.ts';
import { SESSION_KEY } from '../../auth/hooks/use-session-query.ts';

/**
 * Connects the API client to the session cache: an expired session (401) sends
 * the user to the login page, a rejected CSRF token re-reads the session.
 */
export function AuthBridge() {
  const qc = useQueryClient();
  useEffect(() => {
    setAuthLostHandler(() => qc.setQueryData(SESSION_KEY, null));
    setCsrfRejectedHandler(() => void qc.invalidateQueries({ queryKey: SESSION_KEY }));
    return () => {
      setAuthLostHandler(null);
      setCsrfRejectedHandler(null);
    };
  }, [qc]);
  return null;
}
