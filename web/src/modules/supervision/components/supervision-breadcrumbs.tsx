import { Breadcrumb } from 'antd';
import { Link } from 'react-router-dom';
import { useSession } from '../../auth/hooks/use-session.ts';
import { useRegion } from '../../regions/hooks/use-region.ts';

/** The region chain from the caller's own region down to the one shown (what is above is out of scope). */
export function SupervisionBreadcrumbs({ code, name, base }: { code: string; name: string; base: string }) {
  const session = useSession();
  const path = useRegion(code).data?.path ?? [{ code, name }];
  const shown = path.slice(Math.max(0, path.findIndex((p) => p.code === session.regionCode)));
  return (
    <Breadcrumb
      className="block-gap"
      data-testid="supervision-crumbs"
      items={shown.map((p, i) => ({
        key: p.code,
        title: i === shown.length - 1
          ? <span data-testid={`supervision-crumb-${p.code}`}>{p.name}</span>
          : <Link to={`${base}?region=${p.code}`} data-testid={`supervision-crumb-${p.code}`}>{p.name}</Link>,
      }))}
    />
  );
}
