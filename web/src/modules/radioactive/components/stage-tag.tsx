import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EnterpriseStage } from '../../../../../src/domains/radioactive/rules/screening.ts';

const COLOUR: Record<EnterpriseStage, string> = { listed: 'default', measured: 'green', 'detailed-required': 'red', 'detailed-done': 'blue' };

export function StageTag({ stage, testId }: { stage: EnterpriseStage; testId?: string }) {
  const { t } = useTranslation();
  return <Tag color={COLOUR[stage]} data-testid={testId} data-stage={stage}>{t(`radioactive.stages.${stage}`)}</Tag>;
}
