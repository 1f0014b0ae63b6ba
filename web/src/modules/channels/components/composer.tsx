import { PaperClipOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, Button, Mentions, Space, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePostMessage } from '../hooks/use-channels.ts';
import type { Member } from '../utils/channels-api.ts';

const MAX_BYTES = 20 * 1024 * 1024;

/** Writes a message: @ opens the members to mention; files are uploaded first, then named in the post. */
export function Composer({ channelId, members }: { channelId: number; members: Member[] }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [picked, setPicked] = useState<Member[]>([]);
  const [files, setFiles] = useState<File[]>([]);
  const input = useRef<HTMLInputElement>(null);
  const post = usePostMessage(channelId);

  const send = () => {
    const body = text.trim();
    if (!body || post.isPending) return;
    // A mention counts while its @name is still in the text.
    const mentions = [...new Set(picked.filter((m) => body.includes(`@${m.name}`)).map((m) => m.userId))];
    post.mutate({ body, mentions, files }, {
      onSuccess: () => { setText(''); setPicked([]); setFiles([]); if (input.current) input.current.value = ''; },
    });
  };

  const tooBig = files.some((f) => f.size > MAX_BYTES);
  return (
    <div className="channel-composer" style={{ borderTop: '1px solid #f0f0f0', paddingTop: 8 }}>
      {post.error && <Alert type="error" showIcon style={{ marginBottom: 8 }} title={(post.error as Error).message} />}
      <Mentions
        data-testid="composer-input"
        rows={3}
        value={text}
        placeholder={t('channels.composer.placeholder')}
        onChange={setText}
        onSelect={(o) => { const m = members.find((x) => x.name === o.value); if (m) setPicked((p) => [...p, m]); }}
        options={members.map((m) => ({ value: m.name, key: String(m.userId), label: `${m.name}（${m.duty || m.region}）` }))}
        onKeyDown={(e) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); send(); } }}
      />
      <Space style={{ marginTop: 8, width: '100%', justifyContent: 'space-between' }} wrap>
        <Space wrap>
          <input ref={input} type="file" multiple hidden data-testid="composer-file" accept=".jpg,.jpeg,.png,.pdf,.xlsx,.docx"
            onChange={(e) => setFiles(Array.from(e.target.files ?? []))} />
          <Button icon={<PaperClipOutlined />} onClick={() => input.current?.click()}>{t('channels.composer.attach')}</Button>
          {files.map((f) => <Tag key={f.name} closable onClose={() => setFiles((fs) => fs.filter((x) => x !== f))} color={f.size > MAX_BYTES ? 'red' : undefined}>{f.name}</Tag>)}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('channels.composer.fileHint')}</Typography.Text>
        </Space>
        <Button type="primary" icon={<SendOutlined />} data-testid="composer-send" loading={post.isPending} disabled={!text.trim() || tooBig} onClick={send}>
          {post.isPending && files.length ? t('channels.composer.uploading') : t('channels.composer.send')}
        </Button>
      </Space>
    </div>
  );
}
