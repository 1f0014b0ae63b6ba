import { PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Source } from '../../../api/types.ts';
import { SourceSupplementModal } from './source-supplement-modal.tsx';

/** 增补: opens the form; it is mounted only while open, so it always starts empty. */
export function SourceSupplementButton({ onCreated }: { onCreated: (s: Source) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button type="primary" icon={<PlusOutlined />} data-testid="source-supplement" onClick={() => setOpen(true)}>
        {t('directory.supplement')}
      </Button>
      {open && (
        <SourceSupplementModal
          onClose={() => setOpen(false)}
          onCreated={(s) => {
            setOpen(false);
            onCreated(s);
          }}
        />
      )}
    </>
  );
}
