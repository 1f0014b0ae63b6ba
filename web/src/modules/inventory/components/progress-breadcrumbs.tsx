import { Breadcrumb } from 'antd';
import { Link } from 'react-router-dom';
import { useSession } from '../../auth/hooks/use-session.ts';
import { useRegion } from '../../regions/hooks/use-region.ts';

/** The way back up, from the region shown to the caller's own (nothing above: it is out of scope). */
export function ProgressBreadcrumbs({ code, name }: { code: string; name: string }) {
  const session = useSession();
  const region = useRegion(code).data;
  const path = region?.path ?? [{ code, name }];
  const from = Math.max(0, path.findIndex((p) => p.code === session.regionCode));
  const shown = path.slice(from);
  return (
    <Breadcrumb
      className="block-gap"
      data-testid="progress-crumbs"
      items={shown.map((p, i) => ({
        key: p.code,
        title:
          i === shown.length - 1 ? (
            <span data-testid={`progress-crumb-${p.code}`}>{p.name}</span>
          ) : (
            <Link to={`/inventory?region=${p.code}`} data-testid={`progress-crumb-${p.code}`}>
              {p.name}
            </Link>
          ),
      }))}
    />
  );
}
