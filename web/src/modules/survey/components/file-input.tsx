import { UploadOutlined } from '@ant-design/icons';
import { Button, Upload, type UploadFile } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FileField } from '../../../../../src/domains/survey/forms/index.ts';
import { useNotify } from '../../ui/hooks/use-notify.ts';
import { ATTACHMENT_LIMIT, useAttachments, type FileAnswer } from '../contexts/attachment-context.ts';

interface Props {
  def: FileField;
  id: string;
  value: unknown;
  onChange: (value: unknown) => void;
  status: '' | 'error' | 'warning';
  disabled?: boolean;
}

const isFile = (v: unknown): v is FileAnswer => typeof v === 'object' && v !== null && typeof (v as FileAnswer).id === 'string';
/** The answer as a list: the engine takes one reference or a list of them. */
export const fileAnswers = (v: unknown): FileAnswer[] => (Array.isArray(v) ? v.filter(isFile) : isFile(v) ? [v] : []);

/**
 * A `file` answer: the files named, each a link where it can be opened, an upload button while
 * the field takes more (its types, its maxFiles), and remove. Each file is stored first (the
 * console: on the server; the field app: on the device) and named by the answer once stored.
 */
export function FileInput({ def, id, value, onChange, status, disabled }: Props) {
  const { t } = useTranslation();
  const notify = useNotify();
  const store = useAttachments();
  const files = fileAnswers(value);
  const [busy, setBusy] = useState<UploadFile[]>([]);
  // Uploads end one after another before the answer comes back as `value`: each adds to the latest list.
  const latest = useRef(files);
  latest.current = files;
  const set = (next: FileAnswer[]) => {
    latest.current = next;
    onChange(next.length ? next : undefined);
  };
  const room = def.maxFiles - files.length - busy.length;
  const list: UploadFile[] = [
    ...files.map((f): UploadFile => ({ uid: f.id, name: f.name ?? f.id, status: 'done', url: store?.href(f.id) })),
    ...busy,
  ];

  return (
    <div id={id} tabIndex={-1} className={`sf-files${status ? ` sf-files-${status}` : ''}`} data-testid="sf-files">
      <Upload
        fileList={list}
        accept={def.accept.join(',')}
        multiple={def.maxFiles > 1}
        disabled={!store || disabled}
        showUploadList={{ showRemoveIcon: !disabled && !!store }}
        beforeUpload={(file, batch) => {
          const refuse = (text: string) => (notify.error(new Error(text)), Upload.LIST_IGNORE);
          if (!def.accept.includes(file.type)) return refuse(t('survey.fileType', { name: file.name, types: def.accept.map((a) => a.split('/')[1]).join(', ') }));
          if (file.size > ATTACHMENT_LIMIT) return refuse(t('survey.fileTooLarge', { name: file.name }));
          if (batch.indexOf(file) >= room) return refuse(t('survey.fileMax', { max: def.maxFiles }));
          return true;
        }}
        customRequest={({ file, onSuccess, onError }) => {
          const f = file as File;
          const fid = crypto.randomUUID();
          setBusy((b) => [...b, { uid: fid, name: f.name, status: 'uploading' }]);
          store!.add(f, fid)
            .then(({ type }) => {
              set([...latest.current, { id: fid, type, name: f.name }]);
              onSuccess?.({});
            })
            .catch((e: unknown) => {
              notify.error(e);
              onError?.(e as Error);
            })
            .finally(() => setBusy((b) => b.filter((x) => x.uid !== fid)));
        }}
        onRemove={(file) => {
          set(latest.current.filter((f) => f.id !== file.uid));
          return false;
        }}
      >
        {store && !disabled && room > 0 && <Button size="small" icon={<UploadOutlined />} data-testid="sf-file-add">{t('survey.fileAdd')}</Button>}
      </Upload>
      {!store && <span className="muted">{t('survey.filePlaceholder')}</span>}
    </div>
  );
}
