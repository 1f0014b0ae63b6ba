import { Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../ui/hooks/use-lang.ts';
import { useInventoryStates } from '../hooks/use-inventory-config.ts';
import { nameIn } from '../utils/state-label.ts';

interface Props {
  byState: Record<string, number>;
  /** Sources to visit: what is not in any state yet shows as the empty rest of the bar. */
  sources: number;
}

/** One stacked bar per row: a segment per state in its colour, widths by count out of all sources. */
export function StateBar({ byState, sources }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const { states } = useInventoryStates();
  const whole = Math.max(sources, Object.values(byState).reduce((a, b) => a + b, 0), 1);
  return (
    <div className="state-bar" data-testid="state-bar">
      {states
        .filter((s) => (byState[s.code] ?? 0) > 0)
        .map((s) => (
          <Tooltip key={s.code} title={`${nameIn(s, lang)}: ${byState[s.code]}`}>
            <span
              className="state-bar-part"
              data-state={s.code}
              style={{ width: `${((byState[s.code] ?? 0) / whole) * 100}%`, background: s.colour }}
              aria-label={`${nameIn(s, lang)} ${byState[s.code]}`}
            />
          </Tooltip>
        ))}
      <span className="state-bar-rest" title={t('inventory.notVisited')} />
    </div>
  );
}
