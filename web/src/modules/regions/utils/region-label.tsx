import { Typography } from 'antd';
import type { Region } from '../../../api/types.ts';

/** A region as an option label: name first (what people search by), code after. */
export function regionLabel(r: Pick<Region, 'code' | 'name'>) {
  return (
    <span>
      {r.name} <Typography.Text type="secondary" className="option-code">{r.code}</Typography.Text>
    </span>
  );
}
