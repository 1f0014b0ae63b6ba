import { StopOutlined } from '@ant-design/icons';
import type { Blocker } from '../../../api/review-types.ts';
import { useLang } from '../../ui/hooks/use-lang.ts';

/** What holds an acceptance back, each in the server's own words. */
export function BlockerList({ blockers, testId = 'blocker' }: { blockers: Blocker[] | undefined; testId?: string }) {
  const lang = useLang();
  if (!blockers?.length) return null;
  return (
    <ul className="plain-list rv-blockers">
      {blockers.map((b, i) => (
        <li key={`${b.code}-${i}`} data-testid={testId} data-code={b.code}>
          <StopOutlined /> {lang === 'en' ? b.en : b.zh}
        </li>
      ))}
    </ul>
  );
}
