import { Button, Empty, Input, Space, Timeline } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Remark } from '../../../api/inventory-types.ts';
import { useLang } from '../../ui/hooks/use-lang.ts';
import { useNotify } from '../../ui/hooks/use-notify.ts';
import { formatDateTime } from '../../ui/utils/format-date-time.ts';
import { useInventoryDepartments } from '../hooks/use-inventory-config.ts';
import { useRecordAction } from '../hooks/use-record-action.ts';
import { nameIn } from '../utils/state-label.ts';

const COLOUR: Record<Remark['kind'], string> = { reject: 'orange', comment: 'blue', disagree: 'red', settle: 'purple', approve: 'green' };

/** What reviewers, departments and the office said about the record, oldest first; reviewers may add a remark. */
export function RecordRemarks({ id, remarks, canRemark }: { id: number; remarks: Remark[]; canRemark: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const notify = useNotify();
  const { byCode } = useInventoryDepartments();
  const action = useRecordAction();
  const [text, setText] = useState('');

  const add = () =>
    action.mutate(
      { kind: 'remark', id, text: text.trim() },
      { onSuccess: () => (setText(''), notify.success(t('inventory.drawer.remarkAdded'))), onError: notify.error },
    );

  return (
    <div data-testid="record-remarks">
      {remarks.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('inventory.drawer.noRemarks')} />
      ) : (
        <Timeline
          items={remarks.map((r) => {
            const dept = r.department ? byCode.get(r.department) : undefined;
            return {
              key: r.id,
              color: COLOUR[r.kind],
              content: (
                <div data-testid={`remark-${r.id}`} data-kind={r.kind}>
                  <strong>{t(`inventory.remarkKinds.${r.kind}`)}</strong>
                  {r.department && ` · ${dept ? nameIn(dept, lang) : r.department}`}
                  {r.author && ` · ${r.author}`}
                  <span className="progress-count"> · {formatDateTime(r.at, lang)}</span>
                  <div>{r.text}</div>
                </div>
              ),
            };
          })}
        />
      )}
      {canRemark && (
        <Space.Compact style={{ width: '100%' }}>
          <Input
            data-testid="remark-text"
            value={text}
            maxLength={1000}
            placeholder={t('inventory.drawer.remarkPlaceholder')}
            onChange={(e) => setText(e.target.value)}
            onPressEnter={() => text.trim() && add()}
          />
          <Button type="primary" data-testid="remark-add" disabled={!text.trim()} loading={action.isPending} onClick={add}>
            {t('inventory.drawer.addRemark')}
          </Button>
        </Space.Compact>
      )}
    </div>
  );
}
