import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Space, Table, Tag, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { NUCLIDES, type MeasurementPoint } from '../../../../../src/domains/radioactive/rules/screening.ts';
import { useNotify } from '../../ui/hooks/use-notify.ts';
import { useUploadRecord } from '../hooks/use-radioactive.ts';
import { fileLabel, filePath, type Measurement } from '../utils/radioactive-api.ts';
import { isRecordFile } from '../utils/record-file.ts';
import { ScreeningView } from './screening-view.tsx';

const num = (v: number | null | undefined) => (v === null || v === undefined ? '' : String(v));

/** One initial measurement: who, when, background, the verdict with reasons, its points and original records. */
export function MeasurementCard({ m, latest, canUpload }: { m: Measurement; latest: boolean; canUpload: boolean }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const upload = useUploadRecord();
  const used = NUCLIDES.filter((n) => m.points.some((p) => p.nuclides?.[n] !== undefined && p.nuclides?.[n] !== null));
  const files = m.files ?? [];

  return (
    <Card
      size="small"
      className="block-gap"
      data-testid={`radio-measurement-${m.id}`}
      title={<Space>{m.measuredOn?.slice(0, 10)}<span>{m.body}</span>{latest && <Tag color="processing">{t('radioactive.enterprise.latest')}</Tag>}</Space>}
    >
      <Descriptions
        size="small"
        column={3}
        items={[
          { key: 'body', label: t('radioactive.enterprise.body'), children: m.body },
          { key: 'on', label: t('radioactive.enterprise.measuredOn'), children: m.measuredOn?.slice(0, 10) },
          { key: 'bg', label: t('radioactive.enterprise.background'), children: num(m.backgroundNGyH) },
        ]}
      />
      <div className="block-gap">
        <ScreeningView screening={m.screening} testId={`radio-measurement-${m.id}-screening`} compact />
      </div>
      <Table<MeasurementPoint>
        size="small"
        className="block-gap"
        rowKey={(p) => p.label}
        dataSource={m.points}
        pagination={false}
        scroll={{ x: 600 + used.length * 90 }}
        columns={[
          { title: t('radioactive.measure.label'), dataIndex: 'label', width: 110 },
          { title: t('radioactive.measure.kind'), dataIndex: 'kind', width: 80, render: (k: MeasurementPoint['kind']) => t(`radioactive.kinds.${k}`) },
          { title: t('radioactive.measure.lat'), dataIndex: 'lat', width: 100, render: num },
          { title: t('radioactive.measure.lng'), dataIndex: 'lng', width: 100, render: num },
          { title: t('radioactive.measure.dose'), dataIndex: 'doseRateNGyH', width: 130, align: 'right' },
          ...used.map((n) => ({ title: n, key: n, width: 90, align: 'right' as const, render: (_: unknown, p: MeasurementPoint) => num(p.nuclides?.[n]) })),
        ]}
      />
      <Space align="start" wrap>
        <Typography.Text strong>{t('radioactive.labelled', { label: t('radioactive.enterprise.files'), text: '' })}</Typography.Text>
        <div data-testid={`radio-files-${m.id}`}>
          {files.length === 0 && <Typography.Text type="secondary">{t('radioactive.enterprise.noFiles')}</Typography.Text>}
          {files.map((f) => (
            <div key={f.id}>
              <a href={filePath(f)} target="_blank" rel="noreferrer" data-testid={`radio-file-${f.id}`}><PaperClipOutlined /> {fileLabel(f)}</a>
            </div>
          ))}
        </div>
        {canUpload && (
          <Upload
            accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
            showUploadList={false}
            beforeUpload={(file) => {
              if (!isRecordFile(file)) notify.error(new Error(t('radioactive.enterprise.badFile')));
              else upload.mutate({ measurementId: m.id, file }, { onSuccess: () => notify.success(t('radioactive.enterprise.uploaded')), onError: notify.error });
              return false;
            }}
          >
            <Button size="small" icon={<UploadOutlined />} loading={upload.isPending} data-testid={`radio-upload-${m.id}`} title={t('radioactive.enterprise.uploadHint')}>
              {t('radioactive.enterprise.upload')}
            </Button>
          </Upload>
        )}
      </Space>
    </Card>
  );
}
