import { FlagFilled } from '@ant-design/icons';
import { Card, List, Progress, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../auth/hooks/use-can.ts';
import { usePilots } from '../hooks/use-progress.ts';
import { PilotDatesButton } from './pilot-dates-button.tsx';
import { percent } from '../utils/percent.ts';

/** Pilot counties (试点) in the caller's scope: they run ahead, so their survey dates matter here. */
export function PilotList() {
  const { t } = useTranslation();
  const pilots = usePilots().data ?? [];
  const can = useCan();
  if (pilots.length === 0) return null;
  return (
    <Card size="small" title={t('inventory.pilots.title')} className="block-gap" data-testid="pilot-list">
      <List
        size="small"
        dataSource={pilots}
        renderItem={(p) => (
          <List.Item data-testid={`pilot-${p.code}`}>
            <Space wrap>
              <FlagFilled style={{ color: '#cf1322' }} />
              <strong>{p.name}</strong>
              <Typography.Text type="secondary">{p.parentName}</Typography.Text>
              <Tag color="red">{t('inventory.pilots.flag')}</Tag>
              <span data-testid="pilot-survey">
                {t('inventory.pilots.survey')}: {p.surveyStartsOn ?? '—'} ~ {p.surveyEndsOn ?? '—'}
              </span>
              {can('inventory.config') && <PilotDatesButton pilot={p} />}
            </Space>
            <Progress percent={percent(p.inventoryCompletion)} size="small" style={{ width: 180 }} />
          </List.Item>
        )}
      />
    </Card>
  );
}
