import { Card, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useSession } from '../../auth/hooks/use-session.ts';
import { RegionPicker } from '../../regions/components/region-picker.tsx';
import { useRegion } from '../../regions/hooks/use-region.ts';
import { PackagesCard } from './packages-card.tsx';
import { ZonesCard } from './zones-card.tsx';

/** /inventory/plan — an office divides its townships into census zones and hands work packages to teams. */
export function PlanPage() {
  const { t } = useTranslation();
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const region = params.get('region') || session.regionCode;
  const level = useRegion(region).data?.level;

  return (
    <div className="page">
      <Card size="small" className="block-gap" title={t('inventory.plan.title')}>
        <Space>
          <Typography.Text>{t('inventory.plan.region')}</Typography.Text>
          <RegionPicker data-testid="plan-region" value={region} onChange={(r) => setParams(r ? { region: r } : {}, { replace: true })} style={{ minWidth: 260 }} />
        </Space>
      </Card>
      <ZonesCard region={region} township={level === 'township'} />
      <PackagesCard region={region} />
    </div>
  );
}
