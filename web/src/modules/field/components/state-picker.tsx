import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useStateName } from '../hooks/use-state-name.ts';
import type { InventoryState } from '../types.ts';

interface Props {
  states: InventoryState[];
  value?: string;
  onChange?: (code: string) => void;
}

/** The six states as big coloured buttons: the taker's main decision at each unit. */
export function StatePicker({ states, value, onChange }: Props) {
  const name = useStateName();
  return (
    <div className="state-options" role="radiogroup" data-testid="state-picker">
      {states.map((s) => (
        <button
          key={s.code}
          type="button"
          role="radio"
          aria-checked={value === s.code}
          className="state-option"
          style={{ background: s.colour }}
          data-testid={`state-${s.code}`}
          onClick={() => onChange?.(s.code)}
        >
          {name(s)}
        </button>
      ))}
    </div>
  );
}

/** The reasons a state asks for (删除: duplicate, out of scope, not found). */
export function ReasonSelect({ state, value, onChange }: { state?: InventoryState; value?: string; onChange?: (v: string) => void }) {
  const { t } = useTranslation();
  return (
    <Select
      size="large"
      value={value}
      onChange={onChange}
      data-testid="state-reason"
      placeholder={t('field.form.reasonPlaceholder')}
      options={(state?.reasons ?? []).map((r) => ({ value: r, label: t(`field.reasons.${r}`, { defaultValue: r }) }))}
    />
  );
}
