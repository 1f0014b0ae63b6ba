import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../ui/hooks/use-lang.ts';
import { useInventoryStates } from '../hooks/use-inventory-config.ts';
import { reasonLabel } from '../utils/reason-label.ts';
import { nameIn, UNKNOWN_COLOUR } from '../utils/state-label.ts';

/** A record's 清查状态 in its configured colour (with the reason, e.g. 删除 · 重复). */
export function StateTag({ state, reason }: { state: string | null; reason?: string | null }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { byCode } = useInventoryStates();
  if (!state) return <Tag data-testid="state-tag" data-state="">{t('inventory.noState')}</Tag>;
  const s = byCode.get(state);
  return (
    <Tag color={s?.colour ?? UNKNOWN_COLOUR} data-testid="state-tag" data-state={state} data-colour={s?.colour}>
      {s ? nameIn(s, lang) : state}
      {reason ? ` · ${reasonLabel(t, reason)}` : ''}
    </Tag>
  );
}
