import { useSearchParams } from 'react-router-dom';
import { FoundOutfall } from './found-outfall.tsx';
import { OutfallList } from './outfall-list.tsx';
import { OutfallView } from './outfall-view.tsx';

const FOUND = 'found';

/**
 * Outfalls (排污口核查): the near list → one outfall and its check, or an outfall found on foot; each a
 * URL. Online only (the inventory's offline store does not hold outfalls): each view says so when
 * the network goes, and a form being filled stays on screen.
 */
export function OutfallsTab() {
  const [params, setParams] = useSearchParams();
  const asked = params.get('outfall');
  const go = (outfall?: string, replace = false) => setParams(outfall ? { tab: 'outfalls', outfall } : { tab: 'outfalls' }, { replace });
  const back = () => go(undefined, true);

  if (asked === FOUND) return <FoundOutfall onDone={back} />;
  const id = Number(asked);
  if (asked && Number.isInteger(id) && id > 0) return <OutfallView key={id} id={id} onBack={back} />;
  return <OutfallList onOpen={(oid) => go(String(oid))} onFound={() => go(FOUND)} />;
}
