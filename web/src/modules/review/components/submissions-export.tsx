import { DownloadOutlined } from '@ant-design/icons';
import { Button, Dropdown, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { withQuery } from '../../../api/client.ts';

const STATUSES = ['draft', 'submitted', 'returned', 'approved', 'locked'] as const;

/** The submissions export's URL (streamed by the server; the browser sends the session cookie). */
export const submissionsExportUrl = (format: 'csv' | 'xlsx', f: { form?: string; region?: string; status?: string }) =>
  withQuery(`/api/v1/submissions/export.${format}`, f);

/**
 * 导出填报数据: every submission in the user's scope — not only what waits here — with the queue's
 * form and township filters and a status chosen beside the button, as CSV or XLSX.
 */
export function SubmissionsExport({ form, region }: { form?: string; region?: string }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<string>();
  const link = (format: 'csv' | 'xlsx', label: string) => (
    <a href={submissionsExportUrl(format, { form, region, status })} download data-testid={`submissions-export-${format}`}>
      {label}
    </a>
  );
  return (
    <Space.Compact>
      <Select<string>
        data-testid="submissions-export-status"
        allowClear
        placeholder={t('review.export.anyStatus')}
        value={status}
        onChange={setStatus}
        options={STATUSES.map((s) => ({ value: s, label: t(`review.statuses.${s}`) }))}
        style={{ width: 120 }}
      />
      <Dropdown trigger={['click']} menu={{ items: [{ key: 'csv', label: link('csv', t('review.export.csv')) }, { key: 'xlsx', label: link('xlsx', t('review.export.xlsx')) }] }}>
        <Button icon={<DownloadOutlined />} data-testid="submissions-export" title={t('review.export.hint')}>
          {t('review.export.button')}
        </Button>
      </Dropdown>
    </Space.Compact>
  );
}
