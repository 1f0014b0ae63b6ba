import { Button, Result, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { isApiError } from '../../../api/client.ts';
import { useLang } from '../../ui/hooks/use-lang.ts';
import { errorText } from '../../ui/utils/error-text.ts';
import { SessionContext } from '../contexts/session-context.ts';
import { useOfflineFieldSession } from '../hooks/use-offline-field-session.ts';
import { useSessionQuery } from '../hooks/use-session-query.ts';

/**
 * Guards every page but the login: no session, no console. One exception: the field
 * app, when the server cannot be reached, opens with the last session its user had on
 * this device (without a CSRF token; it re-reads the real one before it syncs).
 */
export function RequireSession() {
  const { t } = useTranslation();
  const lang = useLang();
  const location = useLocation();
  const session = useSessionQuery();
  const unreachable = session.isError && isApiError(session.error, 'NETWORK');
  const offline = useOfflineFieldSession(unreachable, location.pathname);

  if (session.isPending || offline.isLoading) {
    return (
      <div className="full-center">
        <Spin size="large" description={t('common.loading')} />
      </div>
    );
  }
  if (session.isError && offline.data) {
    return (
      <SessionContext.Provider value={offline.data}>
        <Outlet />
      </SessionContext.Provider>
    );
  }
  if (session.isError) {
    return (
      <Result
        status="warning"
        title={errorText(session.error, lang)}
        extra={<Button type="primary" onClick={() => void session.refetch()}>{t('common.refresh')}</Button>}
      />
    );
  }
  if (!session.data) {
    return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  }
  return (
    <SessionContext.Provider value={session.data}>
      <Outlet />
    </SessionContext.Provider>
  );
}
