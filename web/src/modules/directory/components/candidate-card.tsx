import { Button, Card, Checkbox, Space, Tag } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { MergeCandidate } from '../../../api/types.ts';
import type { Decision } from '../hooks/use-candidate-action.ts';
import { scorePercent } from '../utils/score-percent.ts';
import { CandidateCompare } from './candidate-compare.tsx';
import { ReasonTags } from './reason-tags.tsx';

interface Props {
  candidate: MergeCandidate;
  focused: boolean;
  onFocus: () => void;
  /** The decisions this pair allows this user; empty when read only. */
  decisions: readonly Decision[];
  onDecide: (d: Decision) => void;
  /** The decision being sent for this pair, if any. */
  busy: Decision | null;
  keep: number;
  onKeep: (id: number) => void;
  selectable: boolean;
  selected: boolean;
  onSelect: (on: boolean) => void;
}

const scoreColour = (p: number) => (p >= 70 ? 'volcano' : p >= 50 ? 'gold' : 'default');

/** One queued pair: score, reasons, the two records, and what may be done with it. */
export function CandidateCard({ candidate: c, focused, onFocus, decisions, onDecide, busy, keep, onKeep, selectable, selected, onSelect }: Props) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const percent = scorePercent(c.score);

  // Moved to by j/k: bring it into view, and take the focus unless it is already inside.
  useEffect(() => {
    const el = ref.current;
    if (!focused || !el) return;
    el.scrollIntoView({ block: 'nearest' });
    if (!el.contains(document.activeElement)) el.focus({ preventScroll: true });
  }, [focused]);

  const button = (d: Decision, key: string) =>
    decisions.includes(d) && (
      <Button
        key={d}
        type={d === 'merge' ? 'primary' : 'default'}
        data-testid={`candidate-${d}`}
        loading={busy === d}
        disabled={busy !== null && busy !== d}
        onClick={() => onDecide(d)}
      >
        {t(`queue.${d}`)} <kbd className="kbd">{key}</kbd>
      </Button>
    );

  return (
    <div ref={ref} tabIndex={-1} onFocus={onFocus} onMouseDown={onFocus} className={`candidate-card${focused ? ' focused' : ''}`} data-testid={`candidate-${c.id}`} data-focused={String(focused)} data-status={c.status}>
      <Card
        size="small"
        title={
          <Space wrap size={4}>
            {selectable && <Checkbox checked={selected} onChange={(e) => onSelect(e.target.checked)} data-testid="candidate-select" aria-label={t('queue.select')} />}
            <span className="option-code">#{c.id}</span>
            <Tag color={scoreColour(percent)} data-testid="candidate-score" data-score={c.score}>
              {t('queue.score', { percent })}
            </Tag>
            <ReasonTags reasons={c.reasons} />
          </Space>
        }
        extra={
          decisions.length > 0 && (
            <Space wrap size={6}>
              {button('merge', 'm')}
              {button('apart', 'a')}
              {button('later', 'l')}
            </Space>
          )
        }
      >
        <CandidateCompare sources={c.sources} keep={decisions.includes('merge') ? keep : null} onKeep={onKeep} />
      </Card>
    </div>
  );
}
