import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined } from '@ant-design/icons';
import { Button, Card, Input, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { METRICS, type BriefingBlock } from '../utils/supervision-api.ts';
import { TargetPicker } from './target-picker.tsx';

export interface BriefingDraft { title: string; asOf: string; blocks: BriefingBlock[] }

/** The editor of a draft: title, as-of date and the blocks (at most 50), each movable and removable. */
export function BriefingEditor({ value, onChange }: { value: BriefingDraft; onChange: (v: BriefingDraft) => void }) {
  const { t } = useTranslation();
  const metricOptions = METRICS.map((m) => ({ value: m, label: t(`supervisionWork.metrics.${m}`) }));
  const set = (i: number, b: BriefingBlock) => onChange({ ...value, blocks: value.blocks.map((x, j) => (j === i ? b : x)) });
  const move = (i: number, d: number) => {
    const blocks = [...value.blocks];
    const [b] = blocks.splice(i, 1);
    blocks.splice(i + d, 0, b);
    onChange({ ...value, blocks });
  };
  const add = (b: BriefingBlock) => onChange({ ...value, blocks: [...value.blocks, b] });
  const full = value.blocks.length >= 50;
  return (
    <div data-testid="briefing-editor">
      <Space wrap className="block-gap">
        <Input style={{ width: 420 }} maxLength={200} data-testid="briefing-title-input" placeholder={t('supervisionWork.briefing.titleField')}
          value={value.title} onChange={(e) => onChange({ ...value, title: e.target.value })} />
        <Input type="date" style={{ width: 160 }} data-testid="briefing-asof" value={value.asOf} onChange={(e) => onChange({ ...value, asOf: e.target.value })} />
      </Space>
      {value.blocks.map((b, i) => (
        <Card key={i} size="small" className="block-gap" data-testid={`briefing-edit-block-${i}`}
          title={t(`supervisionWork.briefing.${b.kind}`)}
          extra={
            <Space>
              <Button size="small" icon={<ArrowUpOutlined />} title={t('supervisionWork.briefing.up')} disabled={i === 0} onClick={() => move(i, -1)} />
              <Button size="small" icon={<ArrowDownOutlined />} title={t('supervisionWork.briefing.down')} disabled={i === value.blocks.length - 1} onClick={() => move(i, 1)} />
              <Button size="small" danger icon={<DeleteOutlined />} title={t('supervisionWork.briefing.remove')} onClick={() => onChange({ ...value, blocks: value.blocks.filter((_, j) => j !== i) })} />
            </Space>
          }
        >
          {b.kind === 'text' && (
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} maxLength={10000} data-testid="briefing-text" value={b.text} onChange={(e) => set(i, { ...b, text: e.target.value })} />
          )}
          {b.kind === 'table' && (
            <Space wrap>
              <Select mode="multiple" style={{ minWidth: 360 }} data-testid="briefing-table-metrics" placeholder={t('supervisionWork.briefing.metrics')}
                value={b.metrics} options={metricOptions} onChange={(metrics: string[]) => set(i, { ...b, metrics })} />
              <TargetPicker value={b.region} onChange={(region) => set(i, region ? { ...b, region } : { kind: 'table', metrics: b.metrics })} />
            </Space>
          )}
          {b.kind === 'chart' && (
            <Space wrap>
              <Select style={{ minWidth: 200 }} data-testid="briefing-chart-metric" value={b.metric} options={metricOptions} onChange={(metric: string) => set(i, { ...b, metric })} />
              <TargetPicker value={b.region} onChange={(region) => set(i, region ? { ...b, region } : { kind: 'chart', metric: b.metric })} />
            </Space>
          )}
        </Card>
      ))}
      <Space wrap className="block-gap">
        <Button disabled={full} data-testid="briefing-add-text" onClick={() => add({ kind: 'text', text: '' })}>{t('supervisionWork.briefing.addText')}</Button>
        <Button disabled={full} data-testid="briefing-add-table" onClick={() => add({ kind: 'table', metrics: ['progress', 'expected', 'lagScore'] })}>{t('supervisionWork.briefing.addTable')}</Button>
        <Button disabled={full} data-testid="briefing-add-chart" onClick={() => add({ kind: 'chart', metric: 'progress' })}>{t('supervisionWork.briefing.addChart')}</Button>
      </Space>
    </div>
  );
}
