import { Button, Popconfirm, Tag } from 'antd';
import { useTranslation } from 'react-i18next';

interface EnableToggleProps {
  disabled: boolean;
  /** The question asked before the switch, already translated. */
  confirm: string;
  onToggle: () => void;
  testId: string;
}

/** Disable / enable a row, after a confirmation: users and teams share it. */
export function EnableToggle({ disabled, confirm, onToggle, testId }: EnableToggleProps) {
  const { t } = useTranslation();
  return (
    <Popconfirm title={confirm} okText={t('common.yes')} cancelText={t('common.no')} onConfirm={onToggle}>
      <Button type="link" size="small" danger={!disabled} data-testid={testId}>
        {disabled ? t('common.enable') : t('common.disable')}
      </Button>
    </Popconfirm>
  );
}

/** The status column of a row that can be disabled. */
export function EnabledTag({ disabled }: { disabled: boolean }) {
  const { t } = useTranslation();
  return disabled ? <Tag color="red">{t('common.disabled')}</Tag> : <Tag color="green">{t('common.enabled')}</Tag>;
}
