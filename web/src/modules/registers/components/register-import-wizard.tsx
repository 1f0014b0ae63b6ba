import { Alert, Button, Form, Modal, Progress, Steps, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client.ts';
import type { Register, RegisterImport, RegisterMapping, RegisterPreview } from '../../../api/types.ts';
import { useSession } from '../../auth/hooks/use-session.ts';
import { useLang } from '../../ui/hooks/use-lang.ts';
import { errorText } from '../../ui/utils/error-text.ts';
import { useRegisterUpload } from '../hooks/use-register-upload.ts';
import { mappingOf } from '../utils/mapping-of.ts';
import type { RegisterSource } from '../utils/register-form.ts';
import { RegisterImportResult } from './register-import-result.tsx';
import { RegisterPreviewStep } from './register-preview-step.tsx';
import { RegisterSourceForm, type SourceValues } from './register-source-form.tsx';

type Stage = { step: 0 } | { step: 1; source: RegisterSource; preview: RegisterPreview } | { step: 2; started: RegisterImport };

interface Props {
  onClose: () => void;
  onViewRows: (r: Register) => void;
}

/** The preview a refusal carries in its details (REGISTER_NO_USABLE_COLUMNS), if any. */
function previewIn(e: unknown): RegisterPreview | null {
  const d = isApiError(e, 'REGISTER_NO_USABLE_COLUMNS') ? (e.details as Partial<RegisterPreview> | null) : null;
  if (!d || !Array.isArray(d.headers) || !Array.isArray(d.sample)) return null;
  return { encoding: '', format: 'csv', guessedMapping: {}, savedMappings: [], ...d } as RegisterPreview;
}

const sameHeaders = (a: RegisterPreview | undefined, b: RegisterPreview) => !!a && a.headers.join('\u0000') === b.headers.join('\u0000');

/**
 * 导入部门名录: choose the file, check what the server read and map its columns,
 * then follow the import job. Rendered only while open, so each opening starts afresh.
 */
export function RegisterImportWizard({ onClose, onViewRows }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const session = useSession();
  const [form] = Form.useForm<SourceValues>();
  const [stage, setStage] = useState<Stage>({ step: 0 });
  const [lastPreview, setLastPreview] = useState<RegisterPreview>();
  const [mapping, setMapping] = useState<RegisterMapping>({});
  const [mappingName, setMappingName] = useState('');
  const [nameMissing, setNameMissing] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const { preview, create, percent, abort } = useRegisterUpload();

  // Leaving mid-upload stops the upload; an import job already queued goes on in the background.
  useEffect(() => abort, [abort]);

  const onError = (e: unknown) => {
    if (!isApiError(e, 'ABORTED')) setError(e);
  };

  const toMapping = (source: RegisterSource, p: RegisterPreview) => {
    // Back and forth over the same layout keeps the edited mapping.
    if (!sameHeaders(lastPreview, p)) {
      setMapping(mappingOf(p.guessedMapping, p.headers).mapping);
      setMappingName('');
    }
    setLastPreview(p);
    setNameMissing(false);
    setStage({ step: 1, source, preview: p });
  };

  const toPreview = (v: Required<SourceValues>) => {
    setError(null);
    const source: RegisterSource = { department: v.department, regionCode: v.regionCode, file: v.file };
    preview.mutate(source, {
      onSuccess: (p) => toMapping(source, p),
      onError: (e) => {
        onError(e);
        // No name column was recognised: the answer still carries the preview, so the columns can be mapped by hand.
        const p = previewIn(e);
        if (p) toMapping(source, p);
      },
    });
  };

  const submit = () => {
    if (stage.step !== 1) return;
    if (!mapping.name) return setNameMissing(true);
    setError(null);
    create.mutate(
      { source: stage.source, mapping, mappingName: mappingName.trim() || undefined },
      { onSuccess: (started) => setStage({ step: 2, started }), onError },
    );
  };

  const again = () => {
    form.resetFields(['file']);
    setError(null);
    setLastPreview(undefined);
    setStage({ step: 0 });
  };

  const footer = {
    0: [
      <Button key="cancel" onClick={onClose}>
        {t('common.cancel')}
      </Button>,
      <Button key="next" type="primary" data-testid="register-next" loading={preview.isPending} onClick={() => form.submit()}>
        {t('registers.next')}
      </Button>,
    ],
    1: [
      <Button key="back" data-testid="register-back" disabled={create.isPending} onClick={() => (setError(null), setStage({ step: 0 }))}>
        {t('common.back')}
      </Button>,
      <Button key="submit" type="primary" data-testid="register-submit" loading={create.isPending} onClick={submit}>
        {t('registers.submit')}
      </Button>,
    ],
    2: [
      <Button key="again" data-testid="register-again" onClick={again}>
        {t('registers.importAnother')}
      </Button>,
      <Button key="close" type="primary" data-testid="register-close" onClick={onClose}>
        {t('common.close')}
      </Button>,
    ],
  }[stage.step];

  return (
    <Modal
      open
      title={t('registers.wizardTitle')}
      onCancel={onClose}
      footer={footer}
      mask={{ closable: false }}
      width={stage.step === 1 ? 960 : 640}
      data-testid="register-wizard"
    >
      <Steps
        size="small"
        className="register-steps"
        current={stage.step}
        items={[{ title: t('registers.stepSource') }, { title: t('registers.stepMapping') }, { title: t('registers.stepImport') }]}
      />
      {error != null && (
        <Alert
          data-testid="register-error"
          data-code={isApiError(error) ? error.code : undefined}
          // On the mapping step a refused guess is a thing to fix by hand, not a dead end.
          type={stage.step === 1 && isApiError(error, 'REGISTER_NO_USABLE_COLUMNS') ? 'warning' : 'error'}
          showIcon
          className="block-gap"
          title={errorText(error, lang)}
        />
      )}
      <div hidden={stage.step !== 0}>
        <RegisterSourceForm
          form={form}
          initial={{ department: session.department ?? undefined, regionCode: session.regionCode }}
          onFinish={toPreview}
          onChange={() => setError(null)}
        />
      </div>
      {stage.step === 1 && (
        <RegisterPreviewStep
          fileName={stage.source.file.name}
          preview={stage.preview}
          mapping={mapping}
          onMapping={(m) => (setMapping(m), setNameMissing(false))}
          mappingName={mappingName}
          onMappingName={setMappingName}
          nameMissing={nameMissing}
        />
      )}
      {stage.step === 2 && <RegisterImportResult started={stage.started} onViewRows={(r) => (onViewRows(r), onClose())} />}
      {percent !== null && (
        <div data-testid="register-upload-progress">
          <Typography.Text type="secondary">{t('registers.uploading')}</Typography.Text>
          <Progress percent={percent} size="small" status="active" />
        </div>
      )}
    </Modal>
  );
}
