import { Button, Input, Modal, Space, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { canVerify } from '../../../../../src/domains/outfalls/rules/outfall.ts';
import { isApiError } from '../../../api/client.ts';
import { useLang } from '../../ui/hooks/use-lang.ts';
import { useNotify } from '../../ui/hooks/use-notify.ts';
import { errorText } from '../../ui/utils/error-text.ts';
import { useVerify } from '../hooks/use-outfalls.ts';
import type { Outfall } from '../utils/outfalls-api.ts';

type Verdict = 'verified' | 'rejected';

/**
 * Level 3, the experts: verify or reject a confirmed or hard outfall, with a note, against the
 * version on screen. A 409 (someone moved it meanwhile) is said plainly; the drawer re-reads.
 */
export function VerifyActions({ outfall, onConflict }: { outfall: Outfall; onConflict: (text: string | null) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const notify = useNotify();
  const verify = useVerify();
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const [note, setNote] = useState('');
  if (!canVerify(outfall.state)) return null;

  const submit = () => {
    if (!verdict || !note.trim()) return;
    verify.mutate({ id: outfall.id, body: { version: outfall.version, verdict, note: note.trim() } }, {
      onSuccess: () => {
        setVerdict(null);
        setNote('');
        onConflict(null);
        notify.success(t(verdict === 'verified' ? 'outfalls.verify.verifiedDone' : 'outfalls.verify.rejectedDone'));
      },
      onError: (e) => {
        if (isApiError(e) && e.status === 409) {
          setVerdict(null);
          onConflict(`${t('outfalls.verify.conflict')} ${errorText(e, lang)}`);
        } else notify.error(e);
      },
    });
  };

  return (
    <>
      <Space>
        <Button type="primary" onClick={() => setVerdict('verified')} data-testid="outfall-verify">{t('outfalls.verify.verify')}</Button>
        <Button danger onClick={() => setVerdict('rejected')} data-testid="outfall-reject">{t('outfalls.verify.reject')}</Button>
      </Space>
      <Modal
        open={!!verdict}
        title={t(verdict === 'rejected' ? 'outfalls.verify.rejectTitle' : 'outfalls.verify.verifyTitle', { code: outfall.code })}
        onCancel={() => setVerdict(null)}
        onOk={submit}
        okText={t('outfalls.verify.submit')}
        okButtonProps={{ disabled: !note.trim(), loading: verify.isPending, danger: verdict === 'rejected', 'data-testid': 'outfall-verify-submit' } as ButtonProps}
        destroyOnHidden
      >
        <Input.TextArea
          data-testid="outfall-verify-note"
          value={note}
          onChange={(e) => setNote(e.target.value)}
          placeholder={t('outfalls.verify.notePlaceholder')}
          autoSize={{ minRows: 3 }}
          maxLength={1000}
        />
      </Modal>
    </>
  );
}
