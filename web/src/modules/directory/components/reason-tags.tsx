import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

/** Reasons that speak against a match, shown in a warning colour. */
const AGAINST = /DIFFERENT|FAR_APART|BRANCH/;

/** The matching's reasons for queueing a pair, in words; a code the console does not know is shown as it is. */
export function ReasonTags({ reasons }: { reasons: readonly string[] }) {
  const { t } = useTranslation();
  return (
    <span className="reason-tags">
      {reasons.map((code) => (
        <Tag key={code} color={AGAINST.test(code) ? 'orange' : 'blue'} data-testid="candidate-reason" data-code={code} title={code}>
          {t(`queue.reasons.${code}`, { defaultValue: code })}
        </Tag>
      ))}
    </span>
  );
}
