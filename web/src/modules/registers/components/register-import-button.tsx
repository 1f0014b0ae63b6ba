import { UploadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Register } from '../../../api/types.ts';
import { RegisterImportWizard } from './register-import-wizard.tsx';

/** Opens the import wizard; it is mounted only while open, so every import starts from a clean form. */
export function RegisterImportButton({ onViewRows }: { onViewRows: (r: Register) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button type="primary" icon={<UploadOutlined />} data-testid="register-import" onClick={() => setOpen(true)}>
        {t('registers.import')}
      </Button>
      {open && <RegisterImportWizard onClose={() => setOpen(false)} onViewRows={onViewRows} />}
    </>
  );
}
