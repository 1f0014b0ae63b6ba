import { CheckCircleOutlined } from '@ant-design/icons';
import { Button, Descriptions, Drawer, Form, Input, Popconfirm, Table, Tag, Typography, type ButtonProps } from 'antd';
import type { HTMLAttributes } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DirectorySignOff } from '../../../api/types.ts';
import { useCan } from '../../auth/hooks/use-can.ts';
import { useSession } from '../../auth/hooks/use-session.ts';
import { QueryErrorAlert } from '../../ui/components/query-error-alert.tsx';
import { useLang } from '../../ui/hooks/use-lang.ts';
import { useNotify } from '../../ui/hooks/use-notify.ts';
import { formatDateTime } from '../../ui/utils/format-date-time.ts';
import { useSignOff, useSignOffs } from '../hooks/use-sign-offs.ts';

/** 增补完成确认: opens the drawer; it is mounted only while open, so the note always starts empty. */
export function DirectorySignOffButton() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button icon={<CheckCircleOutlined />} data-testid="directory-signoff" onClick={() => setOpen(true)}>
        {t('directory.signoff.open')}
      </Button>
      {open && <SignOffDrawer onClose={() => setOpen(false)} />}
    </>
  );
}

/** The sign-offs of the scope, whether the own region has signed, and (with directory.write) the sign-off form. */
function SignOffDrawer({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const notify = useNotify();
  const can = useCan();
  const session = useSession();
  const query = useSignOffs();
  const signOff = useSignOff();
  const [note, setNote] = useState('');
  const items = query.data?.items ?? [];
  const own = items.find((s) => s.regionCode === session.regionCode);

  const submit = () =>
    signOff.mutate(note.trim() || undefined, {
      onSuccess: () => {
        setNote('');
        notify.success(t('directory.signoff.done'));
      },
      onError: notify.error,
    });

  return (
    <Drawer open onClose={onClose} size={Math.min(760, window.innerWidth - 40)} title={t('directory.signoff.title')} data-testid="signoff-drawer">
      <QueryErrorAlert error={query.error} onRetry={query.refetch} />
      <Descriptions size="small" column={1} className="block-gap">
        <Descriptions.Item label={t('directory.signoff.ownRegion', { region: session.regionName })}>
          {query.isPending ? null : own ? (
            <span>
              <Tag color="green" data-testid="signoff-own-status" data-signed="true">
                {t('directory.signoff.signed')}
              </Tag>
              <Typography.Text type="secondary">
                {t('directory.signoff.signedAtBy', { by: own.signedBy ?? t('common.none'), at: formatDateTime(own.signedAt, lang) })}
              </Typography.Text>
            </span>
          ) : (
            <Tag color="orange" data-testid="signoff-own-status" data-signed="false">
              {t('directory.signoff.unsigned')}
            </Tag>
          )}
        </Descriptions.Item>
      </Descriptions>
      {can('directory.write') && (
        <Form layout="vertical" className="block-gap">
          <Form.Item label={t('directory.signoff.note')}>
            <Input.TextArea
              value={note}
              onChange={(e) => setNote(e.target.value)}
              maxLength={500}
              autoSize={{ minRows: 2, maxRows: 5 }}
              placeholder={t('directory.signoff.notePlaceholder')}
              data-testid="signoff-note"
            />
          </Form.Item>
          <Popconfirm
            title={t('directory.signoff.confirm')}
            okText={t('common.yes')}
            cancelText={t('common.no')}
            okButtonProps={{ 'data-testid': 'signoff-confirm' } as ButtonProps}
            onConfirm={submit}
          >
            <Button type="primary" icon={<CheckCircleOutlined />} loading={signOff.isPending} data-testid="signoff-submit">
              {t(own ? 'directory.signoff.resubmit' : 'directory.signoff.submit')}
            </Button>
          </Popconfirm>
        </Form>
      )}
      <Table<DirectorySignOff>
        data-testid="signoff-table"
        size="small"
        rowKey="regionCode"
        loading={query.isPending || query.isFetching}
        dataSource={items}
        pagination={false}
        locale={{ emptyText: t('directory.signoff.empty') }}
        onRow={(r) => ({ 'data-testid': `signoff-row-${r.regionCode}` }) as HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('directory.signoff.region'),
            dataIndex: 'regionName',
            render: (name: string, r) => (
              <span>
                {name} <Typography.Text type="secondary" className="option-code">{r.regionCode}</Typography.Text>
              </span>
            ),
          },
          { title: t('directory.signoff.signedAt'), dataIndex: 'signedAt', width: 170, render: (v: string) => formatDateTime(v, lang) },
          { title: t('directory.signoff.signedBy'), dataIndex: 'signedBy', width: 110, render: (v: string | null) => v ?? t('common.none') },
          { title: t('directory.signoff.note'), dataIndex: 'note', ellipsis: { showTitle: true }, render: (v: string | null) => v ?? '' },
        ]}
      />
    </Drawer>
  );
}
