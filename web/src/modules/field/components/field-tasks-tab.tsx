import { InboxOutlined } from '@ant-design/icons';
import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** Work packages come with the inventory module; until then this tab says so plainly. */
export function FieldTasksTab() {
  const { t } = useTranslation();
  return (
    <Card title={t('field.tasksTitle')} size="small">
      <div className="field-empty" data-testid="field-tasks-empty">
        <InboxOutlined className="field-empty-icon" />
        <Typography.Paragraph>{t('field.tasksEmpty')}</Typography.Paragraph>
      </div>
    </Card>
  );
}
