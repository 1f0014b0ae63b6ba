import { Breadcrumb } from 'antd';
import { Link } from 'react-router-dom';
import { useSession } from '../../auth/hooks/use-session.ts';
import { useRegion } from '../../regions/hooks/use-region.ts';

/** The way back up, from the region shown to the caller's own (what is above is out of scope). */
export function EmissionsBreadcrumbs({ code, name }: { code: string; name: string }) {
  const session = useSession();
  const path = useRegion(code).data?.path ?? [{ code, name }];
  const shown = path.slice(Math.max(0, path.findIndex((p) => p.code === session.regionCode)));
  return (
    <Breadcrumb
      className="block-gap"
      data-testid="emissions-crumbs"
      items={shown.map((p, i) => ({
        key: p.code,
        title:
          i === shown.length - 1 ? (
            <span data-testid={`emissions-crumb-${p.code}`}>{p.name}</span>
          ) : (
            <Link to={`/emissions?region=${p.code}`} data-testid={`emissions-crumb-${p.code}`}>
              {p.name}
            </Link>
          ),
      }))}
    />
  );
}
