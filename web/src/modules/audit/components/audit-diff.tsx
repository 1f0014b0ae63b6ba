import { Col, Row, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../api/types.ts';
import { JsonView } from '../../ui/components/json-view.tsx';
import { changedKeys } from '../utils/changed-keys.ts';

/** Before and after of one audited change, side by side, with the changed fields named. */
export function AuditDiff({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const changed = changedKeys(entry.before, entry.after);
  return (
    <div className="audit-diff" data-testid="audit-diff">
      {changed.length > 0 && (
        <Space size={[4, 4]} wrap className="block-gap">
          {changed.map((k) => (
            <Tag key={k} color="gold">{k}</Tag>
          ))}
        </Space>
      )}
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Typography.Text strong>{t('audit.before')}</Typography.Text>
          <JsonView value={entry.before} empty={t('audit.noData')} testId="audit-before" />
        </Col>
        <Col xs={24} md={12}>
          <Typography.Text strong>{t('audit.after')}</Typography.Text>
          <JsonView value={entry.after} empty={t('audit.noData')} testId="audit-after" />
        </Col>
      </Row>
    </div>
  );
}
