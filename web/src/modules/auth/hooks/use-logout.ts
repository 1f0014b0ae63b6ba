import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { api, setCsrfToken } from '../../../api/client.ts';
import { forgetFieldSession } from '../../field/utils/session-cache.ts';
import { SESSION_KEY } from './use-session-query.ts';

export function useLogout() {
  const qc = useQueryClient();
  const navigate = useNavigate();
  const done = () => {
    setCsrfToken('');
    void forgetFieldSession(); // work not yet synced stays in the user's own field database
    qc.clear();
    qc.setQueryData(SESSION_KEY, null);
    navigate('/login', { replace: true });
  };
  // Even if the server cannot be reached, leave the console locally.
  return useMutation({ mutationFn: () => api.delete('/api/v1/session'), onSettled: done });
}
