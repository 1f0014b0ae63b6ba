import type { Role, User } from '../../../api/types.ts';
import { useCursorList } from '../../ui/hooks/use-cursor-list.ts';
import { userKeys } from '../utils/user-keys.ts';

export interface UserFilters {
  q?: string;
  role?: Role;
  region?: string;
  disabled?: 'true' | 'false';
}

export function useUserList(filters: UserFilters) {
  return useCursorList<User>(userKeys.list, '/api/v1/users', { ...filters, limit: 50 });
}
