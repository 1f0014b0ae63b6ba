import { PaperClipOutlined, RobotOutlined } from '@ant-design/icons';
import { Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { fileUrl, refPath, type Message } from '../utils/channels-api.ts';

/** The body with each @name of a mentioned member set apart (plain text otherwise: never HTML). */
function withMentions(body: string, names: string[]): ReactNode[] {
  if (names.length === 0) return [body];
  const out: ReactNode[] = [];
  let rest = body;
  for (let i = 0; rest; i++) {
    const hits = names.map((n) => ({ n, at: rest.indexOf(n) })).filter((h) => h.at >= 0).sort((a, b) => a.at - b.at);
    if (hits.length === 0) { out.push(rest); break; }
    const { n, at } = hits[0];
    if (at > 0) out.push(rest.slice(0, at));
    out.push(<Typography.Text key={i} strong style={{ color: '#1677ff' }}>{n}</Typography.Text>);
    rest = rest.slice(at + n.length);
  }
  return out;
}

/** One message: a person's with name, role and region; Pucha's (dispatches, cases) set apart with a link. */
export function MessageItem({ m, mine }: { m: Message; mine: boolean }) {
  const { t } = useTranslation();
  const system = m.author === null;
  const ref = refPath(m.kind, m.refId);
  return (
    <div data-testid={`message-${m.id}`} className={system ? 'channel-message system' : 'channel-message'}
      style={{
        padding: '8px 12px', margin: '6px 0', borderRadius: 6,
        background: system ? '#fffbe6' : mine ? '#e6f4ff' : '#fafafa',
        border: system ? '1px solid #ffe58f' : '1px solid #f0f0f0',
      }}>
      <Space size={6} wrap>
        {system ? (
          <><RobotOutlined /><Typography.Text strong>{t('channels.system')}</Typography.Text><Tag color="gold">{t(`channels.kinds.${m.kind}`)}</Tag></>
        ) : (
          <>
            <Typography.Text strong>{m.author!.name}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t(`roles.${m.author!.role}` as 'roles.national-office')} · {m.author!.region}</Typography.Text>
          </>
        )}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{new Date(m.at).toLocaleString()}</Typography.Text>
      </Space>
      <div style={{ whiteSpace: 'pre-wrap', marginTop: 4 }}>
        {withMentions(m.body, m.mentions.map((x) => `@${x.name}`))}
      </div>
      {ref && <Link to={ref} data-testid={`message-ref-${m.id}`}>{m.kind === 'case' ? t('channels.openCase') : t('channels.openDispatch')}</Link>}
      {m.files.length > 0 && (
        <div style={{ marginTop: 4 }}>
          {m.files.map((f) => (
            <div key={f.id}>
              <a href={fileUrl(f.id)} target="_blank" rel="noreferrer" data-testid={`message-file-${f.id}`}><PaperClipOutlined /> {f.name}</a>
              <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 6 }}>{Math.max(1, Math.round(f.bytes / 1024))} KB</Typography.Text>
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
