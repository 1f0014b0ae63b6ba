import { useQuery } from '@tanstack/react-query';
import { Select, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../../api/client.ts';
import type { Page, Role, User } from '../../../api/types.ts';
import { useDebouncedValue } from '../../ui/hooks/use-debounced-value.ts';
import { userKeys } from '../utils/user-keys.ts';

export interface UserOption {
  id: number;
  username: string;
  displayName: string;
}

interface BaseProps {
  id?: string;
  role?: Role;
  region?: string;
  placeholder?: string;
  /** Users already chosen (e.g. a team's members), so their labels show before any search. */
  known?: UserOption[];
  'data-testid'?: string;
}

type Props = BaseProps &
  (
    | { mode?: undefined; value?: number | null; onChange?: (v: number | undefined) => void }
    | { mode: 'multiple'; value?: number[]; onChange?: (v: number[]) => void }
  );

const label = (u: UserOption) => (
  <span>
    {u.displayName} <Typography.Text type="secondary" className="option-code">{u.username}</Typography.Text>
  </span>
);

/** Chooses users by remote search on GET /api/v1/users?q=. */
export function UserSelect(props: Props) {
  const { id, role, region, placeholder, known = [] } = props;
  const [text, setText] = useState('');
  const q = useDebouncedValue(text, 250);
  const found = useQuery({
    queryKey: [...userKeys.options, q, role ?? '', region ?? ''],
    queryFn: () => api.get<Page<User>>('/api/v1/users', { q, role, region, disabled: 'false', limit: 20 }).then((p) => p.items),
    staleTime: 30_000,
  });

  const byId = new Map<number, UserOption>();
  for (const u of known) byId.set(u.id, u);
  for (const u of found.data ?? []) byId.set(u.id, u);
  const chosen = props.mode === 'multiple' ? props.value ?? [] : props.value ? [props.value] : [];
  const options = [...byId.values()]
    .filter((u) => chosen.includes(u.id) || found.data?.some((f) => f.id === u.id))
    .map((u) => ({ value: u.id, label: label(u) }));
  for (const v of chosen) if (!byId.has(v)) options.push({ value: v, label: <span>#{v}</span> });

  const common = {
    id,
    'data-testid': props['data-testid'],
    options,
    showSearch: { filterOption: false as const, onSearch: setText, searchValue: text },
    loading: found.isFetching,
    placeholder,
    allowClear: true,
    style: { minWidth: 220 },
  };

  if (props.mode === 'multiple') {
    const { onChange } = props;
    return <Select<number[]> {...common} mode="multiple" value={props.value} onChange={(v) => (setText(''), onChange?.(v ?? []))} />;
  }
  const { onChange } = props;
  return <Select<number> {...common} value={props.value ?? undefined} onChange={(v) => (setText(''), onChange?.(v ?? undefined))} />;
}
