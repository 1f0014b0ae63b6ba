import { Button, Checkbox, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

interface Props {
  shown: number;
  selected: number;
  onSelectAll: (on: boolean) => void;
  /** The bulk decisions this tab allows. */
  apart: boolean;
  later: boolean;
  busy: 'apart' | 'later' | null;
  onBulk: (d: 'apart' | 'later') => void;
}

/** Select pairs and keep them all apart, or put them all off. */
export function QueueBulkBar({ shown, selected, onSelectAll, apart, later, busy, onBulk }: Props) {
  const { t } = useTranslation();
  return (
    <Space wrap className="queue-bulk" data-testid="queue-bulk">
      <Checkbox
        data-testid="queue-select-all"
        checked={shown > 0 && selected === shown}
        indeterminate={selected > 0 && selected < shown}
        disabled={shown === 0}
        onChange={(e) => onSelectAll(e.target.checked)}
      >
        {t('queue.selectAll')}
      </Checkbox>
      <Typography.Text type="secondary" data-testid="queue-selected">
        {t('queue.selected', { count: selected })}
      </Typography.Text>
      {apart && (
        <Button size="small" data-testid="queue-bulk-apart" disabled={selected === 0 || (busy !== null && busy !== 'apart')} loading={busy === 'apart'} onClick={() => onBulk('apart')}>
          {t('queue.bulkApart')}
        </Button>
      )}
      {later && (
        <Button size="small" data-testid="queue-bulk-later" disabled={selected === 0 || (busy !== null && busy !== 'later')} loading={busy === 'later'} onClick={() => onBulk('later')}>
          {t('queue.bulkLater')}
        </Button>
      )}
    </Space>
  );
}
