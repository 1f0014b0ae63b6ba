import { useSearchParams } from 'react-router-dom';
import { useSession } from '../../auth/hooks/use-session.ts';
import { ALL_PACKAGES as ALL, rememberedPackage, rememberPackage } from '../utils/warm-start.ts';
import { PackageList } from './package-list.tsx';
import { FieldSurvey } from './field-survey.tsx';
import { NEW_UNIT, UnitForm } from './unit-form.tsx';
import { UnitList } from './unit-list.tsx';

/** Tasks: packages → units of one package → the form of one unit → its survey forms, each a URL (the back button works). */
export function FieldTasksTab() {
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const asked = params.get('pkg');
  // The package last opened, per user: the app reopens on its unit list (one tap less
  // for a taker who works one package for days).
  const pkg = asked === ALL ? null : Number(asked) || rememberedPackage(session.username);
  const unit = params.get('unit');
  const go = (next: Record<string, string>, replace = false) => setParams({ tab: 'tasks', ...next }, { replace });

  if (pkg !== null && unit && params.get('survey')) {
    const form = params.get('form');
    return (
      <FieldSurvey
        packageId={pkg}
        unitKey={unit}
        form={form}
        onOpenForm={(code) => go({ pkg: String(pkg), unit, survey: '1', ...(code ? { form: code } : {}) }, !code || !!form)}
        onBack={() => go({ pkg: String(pkg), unit }, true)}
      />
    );
  }
  if (pkg !== null && unit) {
    return <UnitForm packageId={pkg} unitKey={unit} onClose={() => go({ pkg: String(pkg) }, true)} onSurvey={() => go({ pkg: String(pkg), unit, survey: '1' })} />;
  }
  if (pkg !== null) {
    return (
      <UnitList
        packageId={pkg}
        onBack={() => {
          rememberPackage(session.username, null);
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
        rememberPackage(session.username, id);
        go({ pkg: String(id) });
      }}
    />
  );
}
