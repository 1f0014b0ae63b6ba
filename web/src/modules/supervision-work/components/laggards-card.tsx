import { Button, Card, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../ui/hooks/use-lang.ts';
import { showMetric, type Laggard } from '../utils/supervision-api.ts';
import { laggardReasons } from '../utils/reason-text.ts';

interface Props {
  laggards: Laggard[];
  praised: Array<{ code: string; name: string }>;
  /** Offered to offices that may open cases: a letter to the laggard, filled in. */
  onCase?: (l: Laggard) => void;
}

/** 点名 and 表扬 of a dispatch. */
export function LaggardsCard({ laggards, praised, onCase }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <>
      <Card size="small" className="block-gap" title={t('supervisionWork.dispatch.laggards')} data-testid="dispatch-laggards">
        <List
          size="small"
          dataSource={laggards}
          locale={{ emptyText: t('supervisionWork.dispatch.noLaggards') }}
          renderItem={(l) => (
            <List.Item
              data-testid={`laggard-${l.code}`}
              actions={onCase ? [<Button key="case" size="small" danger data-testid={`laggard-case-${l.code}`} onClick={() => onCase(l)}>{t('supervisionWork.dispatch.openCase')}</Button>] : []}
            >
              <Space wrap>
                <Typography.Text strong>{l.name}</Typography.Text>
                <Tag className="inline-tag" color="error">{t('supervisionWork.metrics.lagScore')} {showMetric('lagScore', l.lagScore)}</Tag>
                {laggardReasons(l, lang, t).map((r) => <span key={r} className="muted" data-testid="laggard-reason">{r}</span>)}
              </Space>
            </List.Item>
          )}
        />
      </Card>
      <Card size="small" className="block-gap" title={t('supervisionWork.dispatch.praised')} data-testid="dispatch-praised">
        {praised.length ? (
          <Space wrap>{praised.map((p) => <Tag key={p.code} color="success" data-testid={`praised-${p.code}`}>{p.name}</Tag>)}</Space>
        ) : (
          <Typography.Text type="secondary">{t('supervisionWork.dispatch.noPraised')}</Typography.Text>
        )}
      </Card>
    </>
  );
}
