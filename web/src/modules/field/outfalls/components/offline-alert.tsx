import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';

/** The outfall check works online only: said plainly wherever it would fail. */
export function OfflineAlert() {
  const { t } = useTranslation();
  return <Alert type="warning" showIcon className="block-gap" data-testid="outfalls-offline" title={t('field.outfalls.offline')} />;
}
