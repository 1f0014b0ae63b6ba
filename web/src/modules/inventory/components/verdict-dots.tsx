import { Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Verdict } from '../../../api/inventory-types.ts';
import { useLang } from '../../ui/hooks/use-lang.ts';
import { useInventoryDepartments } from '../hooks/use-inventory-config.ts';
import { nameIn } from '../utils/state-label.ts';

const COLOUR = { agree: '#52c41a', disagree: '#ff4d4f', none: '#d9d9d9' } as const;

/** One small dot per department of the joint review: green agrees, red disagrees, grey not yet. */
export function VerdictDots({ verdicts }: { verdicts: Verdict[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { departments } = useInventoryDepartments();
  const of = new Map(verdicts.map((v) => [v.department, v]));
  return (
    <span className="verdict-dots" data-testid="verdict-dots">
      {departments.map((d) => {
        const v = of.get(d.code);
        const kind = v?.verdict ?? 'none';
        const title = `${nameIn(d, lang)}${d.required ? ` (${t('inventory.required')})` : ''}: ${t(`inventory.verdicts.${kind}`)}${v?.reason ? ` · ${v.reason}` : ''}`;
        return (
          <Tooltip key={d.code} title={title}>
            <span
              className={`verdict-dot${d.required ? ' verdict-dot-required' : ''}`}
              data-department={d.code}
              data-verdict={kind}
              style={{ background: COLOUR[kind] }}
            />
          </Tooltip>
        );
      })}
    </span>
  );
}
