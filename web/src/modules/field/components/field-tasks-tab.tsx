import { useSearchParams } from 'react-router-dom';
import { useSession } from '../../auth/hooks/use-session.ts';
import { PackageList } from './package-list.tsx';
import { NEW_UNIT, UnitForm } from './unit-form.tsx';
import { UnitList } from './unit-list.tsx';

// The package last opened, per user: the app reopens on its unit list (one tap less
// for a taker who works one package for days).
const lastKey = (user: string) => `pucha.field.package:${user}`;
const ALL = 'all';

function remembered(user: string): string | null {
  try {
    return localStorage.getItem(lastKey(user));
  } catch {
    return null;
  }
}

function remember(user: string, pkg: string | null) {
  try {
    if (pkg) localStorage.setItem(lastKey(user), pkg);
    else localStorage.removeItem(lastKey(user));
  } catch {
    // not remembered; the URL still holds it
  }
}

/** Tasks: packages → units of one package → the form of one unit, each a URL (the back button works). */
export function FieldTasksTab() {
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const asked = params.get('pkg');
  const pkg = asked === ALL ? null : Number(asked ?? remembered(session.username)) || null;
  const unit = params.get('unit');
  const go = (next: Record<string, string>, replace = false) => setParams({ tab: 'tasks', ...next }, { replace });

  if (pkg !== null && unit) {
    return <UnitForm packageId={pkg} unitKey={unit} onClose={() => go({ pkg: String(pkg) }, true)} />;
  }
  if (pkg !== null) {
    return (
      <UnitList
        packageId={pkg}
        onBack={() => {
          remember(session.username, null);
          go({ pkg: ALL });
        }}
        onOpen={(key) => go({ pkg: String(pkg), unit: key })}
        onAdd={() => go({ pkg: String(pkg), unit: NEW_UNIT })}
      />
    );
  }
  return (
    <PackageList
      onOpen={(id) => {
        remember(session.username, String(id));
        go({ pkg: String(id) });
      }}
    />
  );
}
