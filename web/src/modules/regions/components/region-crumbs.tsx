import { Breadcrumb } from 'antd';
import { Link } from 'react-router-dom';
import { useSession } from '../../auth/hooks/use-session.ts';
import { useRegion } from '../hooks/use-region.ts';

/**
 * The way back up a drill-down, from the caller's own region to the one shown (what is above is
 * out of scope); each level links to `${base}?region=<code>`. Test ids: `${testId}-crumbs`, `${testId}-crumb-<code>`.
 */
export function RegionCrumbs({ code, name, base, testId }: { code: string; name: string; base: string; testId: string }) {
  const session = useSession();
  const path = useRegion(code).data?.path ?? [{ code, name }];
  const shown = path.slice(Math.max(0, path.findIndex((p) => p.code === session.regionCode)));
  return (
    <Breadcrumb
      className="block-gap"
      data-testid={`${testId}-crumbs`}
      items={shown.map((p, i) => ({
        key: p.code,
        title: i === shown.length - 1
          ? <span data-testid={`${testId}-crumb-${p.code}`}>{p.name}</span>
          : <Link to={`${base}?region=${p.code}`} data-testid={`${testId}-crumb-${p.code}`}>{p.name}</Link>,
      }))}
    />
  );
}
