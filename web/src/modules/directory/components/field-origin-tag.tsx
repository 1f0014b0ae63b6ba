import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FieldOrigin, SourceRegisterRow } from '../../../api/types.ts';
import { useLang } from '../../ui/hooks/use-lang.ts';
import { formatDateTime } from '../../ui/utils/format-date-time.ts';

interface Props {
  origin: FieldOrigin | null;
  /** The source's register rows, to name the file the value came from. */
  rows: SourceRegisterRow[];
  supplemented: boolean;
  field: string;
}

/** Where a field's value came from: the department and row of a register, 增补, or edited by hand. */
export function FieldOriginTag({ origin, rows, supplemented, field }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  if (!origin) {
    return supplemented ? (
      <Tag color="magenta" className="origin-tag" data-testid="field-origin" data-field={field} data-origin="supplement">
        {t('directory.supplementTag')}
      </Tag>
    ) : null;
  }
  if (origin.manual) {
    return (
      <Tooltip title={t('directory.edit.manualHint', { by: origin.by, at: formatDateTime(origin.at, lang) })}>
        <Tag color="gold" className="origin-tag" data-testid="field-origin" data-field={field} data-origin="manual">
          {t('directory.edit.manualTag', { by: origin.by })}
        </Tag>
      </Tooltip>
    );
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
