import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { User, UserCreate } from '../../../api/types.ts';
import { userKeys } from '../utils/user-keys.ts';

export function useCreateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: UserCreate) => api.post<User>('/api/v1/users', body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: userKeys.all }),
  });
}
