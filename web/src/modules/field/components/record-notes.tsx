import { Alert, List, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useLang } from '../../ui/hooks/use-lang.ts';
import { formatDateTime } from '../../ui/utils/format-date-time.ts';
import type { OutboxEntry, RecordView } from '../types.ts';

/** What the reviewers and the server said about this unit: rejection, remarks, refusal, conflict. */
export function RecordNotes({ record, entry }: { record: RecordView | null; entry?: OutboxEntry }) {
  const { t } = useTranslation();
  const lang = useLang();
  const remarks = record?.remarks ?? [];
  return (
    <Space orientation="vertical" style={{ width: '100%' }} className="block-gap">
      {record?.status === 'rejected' && record.rejectReason && (
        <Alert type="error" showIcon data-testid="unit-reject" title={t('field.form.rejected')} description={record.rejectReason} />
      )}
      {entry?.failed && <Alert type="error" showIcon data-testid="unit-failed" title={t('field.form.refused')} description={entry.failed.message[lang]} />}
      {entry?.conflict && (
        <Alert
          type="warning"
          showIcon
          data-testid="unit-conflict"
          title={t('field.form.conflict')}
          action={<Link to="?tab=sync">{t('field.form.toSync')}</Link>}
        />
      )}
      {entry && !entry.failed && !entry.conflict && <Alert type="info" showIcon title={t('field.form.unsent', { time: formatDateTime(entry.savedAt, lang) })} />}
      {remarks.length > 0 && (
        <List
          size="small"
          bordered
          header={t('field.form.remarksTitle')}
          data-testid="unit-remarks"
          dataSource={remarks}
          renderItem={(r) => (
            <List.Item>
              <div>
                <Tag>{t(`field.remarkKinds.${r.kind}`, { defaultValue: r.kind })}</Tag>
                {r.department && <Tag>{t(`departments.${r.department}`, { defaultValue: r.department })}</Tag>}
                <span>{r.text}</span>
                <div className="unit-row-address">{formatDateTime(r.at, lang)}</div>
              </div>
            </List.Item>
          )}
        />
      )}
    </Space>
  );
}
