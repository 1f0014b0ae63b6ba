import { Breadcrumb, Descriptions, Empty, Spin, Switch, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../auth/hooks/use-can.ts';
import { QueryErrorAlert } from '../../ui/components/query-error-alert.tsx';
import { useNotify } from '../../ui/hooks/use-notify.ts';
import { useRegion } from '../hooks/use-region.ts';
import { useSetPilot } from '../hooks/use-set-pilot.ts';

interface Props {
  code?: string;
  /** The user's own region: ancestors above it are shown but not opened. */
  scopeCode: string;
  onOpen: (code: string) => void;
}

export function RegionDetails({ code, scopeCode, onOpen }: Props) {
  const { t } = useTranslation();
  const can = useCan();
  const notify = useNotify();
  const region = useRegion(code);
  const setPilot = useSetPilot();

  if (!code) return <Empty description={t('regions.selectHint')} />;
  if (region.isPending) return <Spin />;
  if (region.isError) return <QueryErrorAlert error={region.error} onRetry={region.refetch} />;

  const r = region.data;
  const scopeAt = r.path.findIndex((p) => p.code === scopeCode);
  const parent = r.path.length > 1 ? r.path[r.path.length - 2] : undefined;
  const isCounty = r.level === 'county';
  const mayEdit = can('regions.write') && isCounty;

  const pilotSwitch = (
    <Switch
      data-testid="region-pilot"
      checked={r.pilot}
      disabled={!mayEdit}
      loading={setPilot.isPending}
      checkedChildren={t('common.yes')}
      unCheckedChildren={t('common.no')}
      onChange={(pilot) =>
        setPilot.mutate({ code: r.code, pilot }, { onSuccess: () => notify.success(t('regions.pilotSaved')), onError: notify.error })
      }
    />
  );

  return (
    <div data-testid="region-details" data-code={r.code}>
      <Breadcrumb
        className="block-gap"
        data-testid="region-breadcrumb"
        items={r.path.map((p, i) => ({
          key: p.code,
          title:
            i >= scopeAt && scopeAt >= 0 && p.code !== r.code ? (
              <a onClick={() => onOpen(p.code)} data-code={p.code}>{p.name}</a>
            ) : (
              <span data-code={p.code}>{p.name}</span>
            ),
        }))}
      />
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {r.name}
      </Typography.Title>
      <Descriptions
        bordered
        size="small"
        column={1}
        items={[
          { key: 'code', label: t('regions.code'), children: <span data-testid="region-code">{r.code}</span> },
          { key: 'name', label: t('regions.name'), children: r.name },
          { key: 'level', label: t('regions.level'), children: <Tag>{t(`levels.${r.level}`)}</Tag> },
          {
            key: 'parent',
            label: t('regions.parent'),
            children: parent ? (
              <span>
                {parent.name} <Typography.Text type="secondary">{parent.code}</Typography.Text>
              </span>
            ) : (
              t('common.none')
            ),
          },
          {
            key: 'pilot',
            label: t('regions.pilotCounty'),
            children: isCounty ? (
              pilotSwitch
            ) : (
              <Tooltip title={t('regions.pilotOnlyCounty')}>
                <Typography.Text type="secondary">{r.pilot ? t('common.yes') : t('common.no')}</Typography.Text>
              </Tooltip>
            ),
          },
        ]}
      />
    </div>
  );
}
