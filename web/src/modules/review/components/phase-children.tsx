import { Button, Input, Modal, Table, Tag, Typography, type ButtonProps } from 'antd';
import type { HTMLAttributes } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PhaseChild } from '../../../api/review-types.ts';
import { BlockerList } from './blocker-list.tsx';

interface Props {
  items: PhaseChild[];
  canRevoke: boolean;
  busy: boolean;
  onOpen: (code: string) => void;
  onRevoke: (code: string, reason: string) => Promise<unknown>;
}

/** The children of the region: accepted, or what holds each back; a parent may reopen an accepted child. */
export function PhaseChildren({ items, canRevoke, busy, onOpen, onRevoke }: Props) {
  const { t } = useTranslation();
  const [revoking, setRevoking] = useState<PhaseChild | null>(null);
  const [reason, setReason] = useState('');
  return (
    <>
      <Table<PhaseChild>
        data-testid="phase-children"
        size="small"
        rowKey="code"
        dataSource={items}
        pagination={false}
        onRow={(r) => ({ 'data-testid': `phase-child-${r.code}`, 'data-accepted': r.accepted }) as HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('review.phases.child'), key: 'name', width: 220, render: (_, r) => <Typography.Link onClick={() => onOpen(r.code)}>{r.name} <span className="option-code">{r.code}</span></Typography.Link> },
          { title: t('review.phases.state'), key: 'accepted', width: 100, render: (_, r) => <Tag color={r.accepted ? 'success' : 'default'}>{r.accepted ? t('review.phases.accepted') : t('review.phases.notAccepted')}</Tag> },
          { title: t('review.phases.childBlockers'), key: 'blockers', render: (_, r) => <BlockerList blockers={r.blockers} testId="child-blocker" /> },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 110,
            render: (_, r) =>
              canRevoke && r.accepted ? (
                <Button size="small" type="link" danger data-testid={`phase-revoke-${r.code}`} onClick={() => (setReason(''), setRevoking(r))}>
                  {t('review.phases.revoke')}
                </Button>
              ) : null,
          },
        ]}
      />
      <Modal
        open={!!revoking}
        title={revoking ? t('review.phases.revokeTitle', { name: revoking.name }) : ''}
        okButtonProps={{ danger: true, disabled: !reason.trim(), loading: busy, 'data-testid': 'revoke-ok' } as ButtonProps}
        onOk={() => revoking && void onRevoke(revoking.code, reason.trim()).then(() => setRevoking(null), () => undefined)}
        onCancel={() => setRevoking(null)}
        destroyOnHidden
      >
        <Input.TextArea data-testid="revoke-reason" placeholder={t('review.phases.revokeReason')} maxLength={500} autoSize={{ minRows: 2 }} value={reason} onChange={(e) => setReason(e.target.value)} />
      </Modal>
    </>
  );
}
