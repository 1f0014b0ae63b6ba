import { Badge, Tabs } from 'antd';
import type { ReactNode } from 'react';
import { CATALOGUE } from '../../../../../src/domains/survey/forms/index.ts';
import { useLang } from '../../ui/hooks/use-lang.ts';
import { formVerdict, type SetVerdict } from '../utils/verdict.ts';

interface Props {
  codes: string[];
  current: string;
  onChange: (code: string) => void;
  verdict: SetVerdict | null;
  /** Extra words after a form's code (its status). */
  note?: (code: string) => ReactNode;
  /** A form's name in the language on screen (default: the catalogue's). */
  name?: (code: string) => string;
}

const names = new Map(CATALOGUE.map((e) => [e.code, e.name]));

/** The source's forms as tabs, each with its count of blocking issues (red) or unexplained warnings (orange). */
export function FormTabs({ codes, current, onChange, verdict, note, name: nameOf }: Props) {
  const lang = useLang();
  return (
    <Tabs
      size="small"
      activeKey={current}
      onChange={onChange}
      className="sf-tabs"
      items={codes.map((code) => {
        const s = formVerdict(verdict, code).summary;
        const entry = names.get(code);
        const name = nameOf ? nameOf(code) : entry ? (lang === 'en' ? entry.en : entry.zh) : undefined;
        return {
          key: code,
          label: (
            <span data-testid={`sf-tab-${code}`} data-ready={s.ready} title={name || undefined}>
              {code}{' '}
              {s.blocking > 0 ? <Badge count={s.blocking} size="small" /> : s.unexplained > 0 ? <Badge count={s.unexplained} size="small" color="orange" /> : null}
              {note?.(code)}
            </span>
          ),
        };
      })}
    />
  );
}
