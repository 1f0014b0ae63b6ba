import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLang } from '../hooks/use-lang.ts';
import { errorText } from '../utils/error-text.ts';

interface Props {
  error: unknown;
  onRetry?: () => unknown;
}

/** A failed read, said in the user's language, with a retry. */
export function QueryErrorAlert({ error, onRetry }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  if (!error) return null;
  return (
    <Alert
      type="error"
      showIcon
      className="block-gap"
      title={errorText(error, lang)}
      action={onRetry && <Button size="small" onClick={() => void onRetry()}>{t('common.refresh')}</Button>}
    />
  );
}
