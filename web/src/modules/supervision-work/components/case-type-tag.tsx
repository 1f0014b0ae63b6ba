import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseType } from '../utils/supervision-api.ts';

const COLOUR: Record<CaseType, string> = { reminder: 'blue', letter: 'orange', circular: 'volcano', summons: 'red', inspection: 'magenta', praise: 'green' };

export function CaseTypeTag({ type }: { type: CaseType }) {
  const { t } = useTranslation();
  return <Tag className="inline-tag" color={COLOUR[type]} data-testid="case-type-tag" data-type={type}>{t(`supervisionWork.caseTypes.${type}`, { defaultValue: type })}</Tag>;
}
