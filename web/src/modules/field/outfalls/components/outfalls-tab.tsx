import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useOnlineStatus } from '../../hooks/use-online-status.ts';
import { FoundOutfall } from './found-outfall.tsx';
import { OutfallList } from './outfall-list.tsx';
import { OutfallView } from './outfall-view.tsx';

const FOUND = 'found';

/** Outfalls (排污口核查): the near list → one outfall and its check, or an outfall found on foot; each a URL. */
export function OutfallsTab() {
  const { t } = useTranslation();
  const online = useOnlineStatus();
  const [params, setParams] = useSearchParams();
  const asked = params.get('outfall');
  const go = (outfall?: string, replace = false) => setParams(outfall ? { tab: 'outfalls', outfall } : { tab: 'outfalls' }, { replace });
  const back = () => go(undefined, true);

  // Online only: the inventory's offline store does not hold outfalls.
  if (!online) return <Alert type="warning" showIcon data-testid="outfalls-offline" title={t('field.outfalls.offline')} />;
  if (asked === FOUND) return <FoundOutfall onDone={back} />;
  const id = Number(asked);
  if (asked && Number.isInteger(id) && id > 0) return <OutfallView key={id} id={id} onBack={back} />;
  return <OutfallList onOpen={(oid) => go(String(oid))} onFound={() => go(FOUND)} />;
}
