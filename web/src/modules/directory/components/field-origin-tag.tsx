import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FieldOrigin, SourceRegisterRow } from '../../../api/types.ts';

interface Props {
  origin: FieldOrigin | null;
  /** The source's register rows, to name the file the value came from. */
  rows: SourceRegisterRow[];
  supplemented: boolean;
  field: string;
}

/** Where a field's value came from: the department and row of a register, or 增补 by hand. */
export function FieldOriginTag({ origin, rows, supplemented, field }: Props) {
  const { t } = useTranslation();
  if (!origin) {
    return supplemented ? (
      <Tag color="magenta" className="origin-tag" data-testid="field-origin" data-field={field} data-origin="supplement">
        {t('directory.supplementTag')}
      </Tag>
    ) : null;
  }
  const file = rows.find((r) => r.registerId === origin.registerId)?.fileName ?? `#${origin.registerId}`;
  return (
    <Tooltip title={t('directory.originHint', { file, row: origin.rowNumber })}>
      <Tag
        className="origin-tag"
        data-testid="field-origin"
        data-field={field}
        data-register={origin.registerId}
        data-row={origin.rowNumber}
      >
        {t('directory.originTag', { department: t(`departments.${origin.department}`, { defaultValue: origin.department }), row: origin.rowNumber })}
      </Tag>
    </Tooltip>
  );
}
