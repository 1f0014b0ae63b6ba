import { Button, Card } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useCan } from '../../auth/hooks/use-can.ts';
import { useLang } from '../../ui/hooks/use-lang.ts';
import { useNotify } from '../../ui/hooks/use-notify.ts';
import { formatDateTime } from '../../ui/utils/format-date-time.ts';
import { useBriefings, useCreateBriefing } from '../hooks/use-briefings.ts';
import { todayInChina, type Briefing } from '../utils/supervision-api.ts';
import { LinkTable } from './link-table.tsx';
import { StatusTag } from './status-tag.tsx';

/** /supervision/briefings — 简报 of the scope; a new one starts as a titled draft with one paragraph and opens in the editor. */
export function BriefingsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const notify = useNotify();
  const navigate = useNavigate();
  const list = useBriefings();
  const create = useCreateBriefing();
  const start = () => create.mutate(
    { title: t('supervisionWork.briefings.untitled'), asOf: todayInChina(), blocks: [{ kind: 'text', text: '' }] },
    { onSuccess: (b) => navigate(`/supervision/briefings/${b.id}?edit=1`), onError: notify.error },
  );
  const columns: ColumnsType<Briefing> = [
    { title: t('supervisionWork.briefing.titleField'), dataIndex: 'title', ellipsis: true },
    { title: t('supervisionWork.briefings.asOf'), dataIndex: 'asOf', width: 120 },
    { title: t('supervisionWork.briefings.status'), dataIndex: 'status', width: 100, render: (s: string) => <StatusTag status={s} /> },
    { title: t('supervisionWork.dispatches.publishedAt'), dataIndex: 'publishedAt', width: 170, render: (v: string | null | undefined) => formatDateTime(v, lang) },
  ];
  return (
    <div className="page">
      <Card size="small" title={t('supervisionWork.briefings.title')}
        extra={can('supervision.dispatch') && <Button type="primary" data-testid="briefing-new" loading={create.isPending} onClick={start}>{t('supervisionWork.briefings.new')}</Button>}>
        <LinkTable<Briefing> query={list} columns={columns} testId="briefing-list" rowTestId="briefing-row" empty={t('supervisionWork.briefings.empty')}
          href={(b) => `/supervision/briefings/${b.id}`} />
      </Card>
    </div>
  );
}
