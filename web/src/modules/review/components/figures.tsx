import { Descriptions } from 'antd';

/** A phase's figures as the server reports them: whatever numbers it names, label by key. */
export function Figures({ figures }: { figures: Record<string, unknown> | null | undefined }) {
  const entries = Object.entries(figures ?? {}).filter(([, v]) => v === null || ['number', 'string', 'boolean'].includes(typeof v));
  if (entries.length === 0) return null;
  return (
    <Descriptions
      size="small"
      column={4}
      data-testid="phase-figures"
      items={entries.map(([k, v]) => ({ key: k, label: k, children: <span data-testid={`figure-${k}`}>{v === null ? '—' : String(v)}</span> }))}
    />
  );
}
