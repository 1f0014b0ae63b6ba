import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { STATE_COLOURS, type OutfallState } from '../utils/outfalls-api.ts';

export function OutfallStateTag({ state }: { state: OutfallState }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATE_COLOURS[state]} data-testid="outfall-state" data-state={state}>
      {t(`outfalls.states.${state}`)}
    </Tag>
  );
}
