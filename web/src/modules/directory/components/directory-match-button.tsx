import { NodeIndexOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Job } from '../../../api/types.ts';
import { useNotify } from '../../ui/hooks/use-notify.ts';
import { useRunMatch } from '../hooks/use-run-match.ts';
import { DirectoryMatchModal } from './directory-match-modal.tsx';

/** 运行匹配: starts the matching job of the user's region and follows it in a dialog. */
export function DirectoryMatchButton() {
  const { t } = useTranslation();
  const notify = useNotify();
  const run = useRunMatch();
  const [job, setJob] = useState<Job | null>(null);
  return (
    <>
      <Button
        icon={<NodeIndexOutlined />}
        data-testid="directory-match"
        loading={run.isPending}
        onClick={() => run.mutate(undefined, { onSuccess: (r) => setJob(r.job), onError: notify.error })}
      >
        {t('directory.match')}
      </Button>
      {job && <DirectoryMatchModal started={job} onClose={() => setJob(null)} />}
    </>
  );
}
