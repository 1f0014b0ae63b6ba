import { Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import type { Page, Team } from '../../../api/types.ts';
import { teamKeys } from '../../teams/utils/team-keys.ts';

interface Props {
  region: string;
  value?: number;
  onChange?: (id: number) => void;
  /** A team not to offer (a package's current one, when reassigning). */
  exclude?: number;
  'data-testid'?: string;
}

/** A team of the region (its kind shown), filtered by name as typed. */
export function TeamSelect({ region, value, onChange, exclude, ...rest }: Props) {
  const { t } = useTranslation();
  const teams = useQuery({
    queryKey: [...teamKeys.list, 'options', region],
    queryFn: () => api.get<Page<Team>>('/api/v1/teams', { region, limit: 500 }).then((p) => p.items.filter((x) => !x.disabled)),
    staleTime: 30_000,
  });
  return (
    <Select<number>
      data-testid={rest['data-testid']}
      value={value}
      onChange={(v) => onChange?.(v)}
      loading={teams.isFetching}
      showSearch={{ optionFilterProp: 'title' }}
      options={(teams.data ?? [])
        .filter((x) => x.id !== exclude)
        .map((x) => ({ value: x.id, title: x.name, label: `${x.name} · ${t(`teams.kinds.${x.kind}`)} · ${x.regionName}` }))}
      style={{ minWidth: 260 }}
    />
  );
}
