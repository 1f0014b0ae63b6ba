import { EditOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Source } from '../../../api/types.ts';
import { SourceEditModal } from './source-edit-modal.tsx';

/** 修改 an active source's details. */
export function SourceEditButton({ source }: { source: Source }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  if (source.state !== 'active') return null;
  return (
    <>
      <Button icon={<EditOutlined />} data-testid="source-edit" onClick={() => setOpen(true)}>
        {t('directory.edit.open')}
      </Button>
      {open && <SourceEditModal source={source} onClose={() => setOpen(false)} />}
    </>
  );
}
