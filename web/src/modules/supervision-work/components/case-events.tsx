import { PaperClipOutlined } from '@ant-design/icons';
import { Space, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatBytes } from '../../ui/utils/format-bytes.ts';
import { useLang } from '../../ui/hooks/use-lang.ts';
import { formatDateTime } from '../../ui/utils/format-date-time.ts';
import { fileUrl, type CaseEvent } from '../utils/supervision-api.ts';

const COLOUR: Record<string, string> = { open: 'blue', answer: 'green', close: 'gray', reopen: 'orange', escalate: 'red' };

/** The case's history, oldest first: who did what, with the answers' evidence files. */
export function CaseEvents({ events }: { events: CaseEvent[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <div data-testid="case-events" data-count={events.length}>
      <Timeline
        items={events.map((e) => ({
          key: e.id,
          color: COLOUR[e.kind] ?? 'blue',
          content: (
            <div data-testid="case-event" data-kind={e.kind}>
              <Space wrap>
                <Typography.Text strong>{t(`supervisionWork.case.eventKinds.${e.kind as 'open'}`, { defaultValue: e.kind })}</Typography.Text>
                <span className="muted">{e.by ? e.by.name : t('supervisionWork.case.byRule')}</span>
                <span className="muted">{formatDateTime(e.at, lang)}</span>
              </Space>
              {e.text && <div style={{ whiteSpace: 'pre-wrap' }} data-testid="case-event-text">{e.text}</div>}
              {e.files.map((f) => (
                <div key={f.id}>
                  <a href={fileUrl(f.id)} target="_blank" rel="noreferrer" data-testid="case-event-file" data-name={f.name}>
                    <PaperClipOutlined /> {f.name}
                  </a>
                  <span className="muted"> {formatBytes(f.bytes)}</span>
                </div>
              ))}
            </div>
          ),
        }))}
      />
    </div>
  );
}
