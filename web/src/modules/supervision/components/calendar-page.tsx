import { EditOutlined, SaveOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, InputNumber, Space, Table, Tag, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import { useCan } from '../../auth/hooks/use-can.ts';
import { QueryErrorAlert } from '../../ui/components/query-error-alert.tsx';
import { useLang } from '../../ui/hooks/use-lang.ts';
import { useNotify } from '../../ui/hooks/use-notify.ts';
import { useCalendar } from '../hooks/use-supervision.ts';
import { CALENDAR_LEVELS, SUP, supervisionKeys, type Calendar, type CalendarBody, type Phase } from '../utils/supervision-api.ts';

const DAY = 86_400_000;
const ms = (d: string) => Date.parse(`${d}T00:00:00Z`);

/** A phase's bar across the census's whole span (a Gantt row), the deadlines as ticks. */
function PhaseBar({ phase, from, to }: { phase: Phase; from: number; to: number }) {
  const span = Math.max(DAY, to - from);
  const left = ((ms(phase.startsOn) - from) / span) * 100;
  const width = Math.max(0.8, ((ms(phase.endsOn) + DAY - ms(phase.startsOn)) / span) * 100);
  return (
    <div style={{ position: 'relative', height: 14, minWidth: 260, background: '#fafafa', borderRadius: 3 }} title={`${phase.startsOn} – ${phase.endsOn}`}>
      <div style={{ position: 'absolute', left: `${left}%`, width: `${width}%`, top: 2, bottom: 2, borderRadius: 3, background: phase.weight > 0 ? '#1677ff' : '#91caff' }} />
      {Object.entries(phase.deadlines).map(([level, d]) => d && (
        <div key={level} style={{ position: 'absolute', left: `${((ms(d) + DAY - from) / span) * 100}%`, top: 0, bottom: 0, width: 2, background: '#fa541c' }} title={`${level} ${d}`} />
      ))}
    </div>
  );
}

type Draft = Record<string, Phase>;

/** /supervision/calendar — the census phases on one timeline with weights, deadlines by level and pilot counties; the national office edits it. */
export function CalendarPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const notify = useNotify();
  const qc = useQueryClient();
  const q = useCalendar();
  const editable = can('supervision.config');
  const [draft, setDraft] = useState<Draft | null>(null);
  const phases = useMemo(() => (q.data?.phases ?? []).map((p) => draft?.[p.phase] ?? p).sort((a, b) => a.position - b.position), [q.data, draft]);
  const from = Math.min(...phases.map((p) => ms(p.startsOn)));
  const to = Math.max(...phases.map((p) => ms(p.endsOn) + DAY));

  const save = useMutation({
    mutationFn: (d: Draft) => {
      const body: CalendarBody = {
        phases: Object.values(d).map((p) => ({
          phase: p.phase, startsOn: p.startsOn, endsOn: p.endsOn, weight: p.weight,
          deadlines: Object.fromEntries(Object.entries(p.deadlines).filter(([, v]) => !!v)),
        })),
      };
      return api.put<Calendar>(`${SUP}/calendar`, body);
    },
    onSuccess: (c) => {
      qc.setQueryData(supervisionKeys.calendar, c);
      void qc.invalidateQueries({ queryKey: supervisionKeys.all });
      setDraft(null);
      notify.success(t('supervision.calendar.saved'));
    },
  });
  const edit = (p: Phase, patch: Partial<Phase>) => setDraft((d) => ({ ...(d ?? {}), [p.phase]: { ...p, ...patch } }));
  const date = (p: Phase, value: string | undefined, onChange: (v: string | undefined) => void, testId: string) =>
    draft ? (
      <DatePicker size="small" value={value ? dayjs(value) : null} data-testid={testId} style={{ width: 124 }}
        onChange={(d: Dayjs | null) => onChange(d ? d.format('YYYY-MM-DD') : undefined)} />
    ) : (value ?? '—');

  const columns: TableColumnsType<Phase> = [
    { key: 'pos', title: '#', width: 40, dataIndex: 'position' },
    { key: 'phase', title: t('supervision.calendar.phase'), render: (_, p) => <span title={p.phase}>{lang === 'en' ? p.nameEn : p.nameZh}</span> },
    { key: 'start', title: t('supervision.calendar.startsOn'), render: (_, p) => date(p, p.startsOn, (v) => v && edit(p, { startsOn: v }), `calendar-start-${p.phase}`) },
    { key: 'end', title: t('supervision.calendar.endsOn'), render: (_, p) => date(p, p.endsOn, (v) => v && edit(p, { endsOn: v }), `calendar-end-${p.phase}`) },
    { key: 'bar', title: t('supervision.calendar.timeline'), render: (_, p) => <PhaseBar phase={p} from={from} to={to} /> },
    {
      key: 'weight', title: t('supervision.calendar.weight'), align: 'right',
      render: (_, p) => draft ? <InputNumber size="small" min={0} max={100} value={p.weight} style={{ width: 64 }} onChange={(v) => edit(p, { weight: v ?? 0 })} data-testid={`calendar-weight-${p.phase}`} /> : p.weight,
    },
    {
      key: 'deadlines', title: t('supervision.calendar.deadlines'),
      children: CALENDAR_LEVELS.map((l) => ({
        key: l, title: t(`supervision.calendar.level.${l}`),
        render: (_: unknown, p: Phase) => date(p, p.deadlines[l], (v) => edit(p, { deadlines: { ...p.deadlines, [l]: v } }), `calendar-deadline-${p.phase}-${l}`),
      })),
    },
  ];

  return (
    <div className="page" data-testid="calendar-page" data-editable={editable}>
      <Card
        size="small"
        title={t('supervision.calendar.title')}
        extra={editable && (draft ? (
          <Space>
            <Button size="small" onClick={() => { setDraft(null); save.reset(); }}>{t('supervision.calendar.cancel')}</Button>
            <Button size="small" type="primary" icon={<SaveOutlined />} loading={save.isPending} onClick={() => save.mutate(Object.fromEntries(phases.map((p) => [p.phase, p])))} data-testid="calendar-save">
              {t('supervision.calendar.save')}
            </Button>
          </Space>
        ) : (
          <Button size="small" icon={<EditOutlined />} onClick={() => setDraft({})} disabled={!q.data} data-testid="calendar-edit">{t('supervision.calendar.edit')}</Button>
        ))}
      >
        <QueryErrorAlert error={q.error ?? save.error} onRetry={q.refetch} />
        {!editable && <Alert className="block-gap" type="info" showIcon title={t('supervision.calendar.readOnly')} />}
        <Table<Phase>
          data-testid="calendar-phases"
          size="small"
          bordered
          rowKey="phase"
          columns={columns}
          dataSource={phases}
          loading={q.isPending}
          pagination={false}
          scroll={{ x: 'max-content' }}
          onRow={(p) => ({ 'data-testid': 'calendar-row', 'data-phase': p.phase }) as HTMLAttributes<HTMLElement>}
        />
      </Card>
      <Card size="small" className="block-gap" title={t('supervision.calendar.pilots')}>
        <Space size={[4, 8]} wrap data-testid="calendar-pilots">
          {(q.data?.pilots ?? []).length === 0 && t('supervision.calendar.noPilots')}
          {(q.data?.pilots ?? []).map((p) => (
            <Tag key={`${p.regionCode}-${p.phase}`} color="purple" data-code={p.regionCode}>
              {p.name} · {q.data?.phases.find((x) => x.phase === p.phase)?.[lang === 'en' ? 'nameEn' : 'nameZh'] ?? p.phase} {p.startsOn} – {p.endsOn}
            </Tag>
          ))}
        </Space>
      </Card>
    </div>
  );
}
