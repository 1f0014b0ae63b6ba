import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Permission } from '../../../api/types.ts';
import { useCan } from '../hooks/use-can.ts';

/** A page the role may not open says so instead of failing request by request. */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { t } = useTranslation();
  const can = useCan();
  if (can(permission)) return <>{children}</>;
  return (
    <Result
      status="403"
      title="403"
      subTitle={t('errors.forbidden')}
      extra={<Link to="/"><Button type="primary">{t('errors.goHome')}</Button></Link>}
    />
  );
}
