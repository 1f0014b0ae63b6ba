import { SearchOutlined } from '@ant-design/icons';
import { Alert, Form, Input, Modal, Segmented, Select, Table, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client.ts';
import type { Source } from '../../../api/types.ts';
import { useSession } from '../../auth/hooks/use-session.ts';
import { useSourceList } from '../../directory/hooks/use-source-list.ts';
import { RegionPicker } from '../../regions/components/region-picker.tsx';
import { useDebouncedValue } from '../../ui/hooks/use-debounced-value.ts';
import { useLang } from '../../ui/hooks/use-lang.ts';
import { useNotify } from '../../ui/hooks/use-notify.ts';
import { errorText } from '../../ui/utils/error-text.ts';
import { useListEnterprise, useMinerals } from '../hooks/use-radioactive.ts';
import { useMineralName } from '../hooks/use-mineral-name.ts';

interface ByHand { regionCode: string; name: string; creditCode?: string; minerals: string[] }

function SourceSearch({ picked, onPick }: { picked: Source | null; onPick: (s: Source) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim(), 300) || undefined;
  const list = useSourceList({ q });
  return (
    <div>
      <Input
        data-testid="radio-source-search"
        allowClear
        prefix={<SearchOutlined />}
        placeholder={t('radioactive.list.searchSources')}
        value={text}
        maxLength={60}
        onChange={(e) => setText(e.target.value)}
        className="block-gap"
      />
      <Table<Source>
        size="small"
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.items}
        pagination={false}
        scroll={{ y: 300 }}
        rowSelection={{
          type: 'radio',
          selectedRowKeys: picked ? [picked.id] : [],
          onChange: (_, rows) => rows[0] && onPick(rows[0]),
          getCheckboxProps: (s) => ({ 'data-testid': `radio-source-pick-${s.id}` }) as object,
        }}
        onRow={(s) => ({ onClick: () => onPick(s), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('radioactive.fields.name'), dataIndex: 'name', ellipsis: true },
          { title: t('radioactive.fields.creditCode'), dataIndex: 'creditCode', width: 190, render: (v: string | null) => v ?? '—' },
          { title: t('radioactive.fields.region'), dataIndex: 'regionName', width: 120, ellipsis: true },
        ]}
      />
    </div>
  );
}

/** "Add to list": a source of the directory (preferred: it links the inventory), or an enterprise entered by hand. */
export function AddEnterpriseModal({ onClose, onListed }: { onClose: () => void; onListed: (id: number) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const notify = useNotify();
  const session = useSession();
  const listing = useListEnterprise();
  const minerals = useMinerals();
  const mineralName = useMineralName();
  const [mode, setMode] = useState<'source' | 'hand'>('source');
  const [picked, setPicked] = useState<Source | null>(null);
  const [sourceMinerals, setSourceMinerals] = useState<string[]>([]);
  const [form] = Form.useForm<ByHand>();
  const [error, setError] = useState<string | null>(null);
  const mineralOptions = (minerals.data?.items ?? []).filter((m) => m.active).map((m) => ({ value: m.code, label: mineralName(m.code) }));

  const send = async () => {
    setError(null);
    let body;
    if (mode === 'source') {
      if (!picked) return setError(t('radioactive.list.chooseSource'));
      body = { sourceId: picked.id, ...(sourceMinerals.length ? { minerals: sourceMinerals } : {}) };
    } else {
      const v = await form.validateFields();
      body = { regionCode: v.regionCode, name: v.name.trim(), minerals: v.minerals ?? [], ...(v.creditCode?.trim() ? { creditCode: v.creditCode.trim() } : {}) };
    }
    try {
      const e = await listing.mutateAsync(body);
      notify.success(t('radioactive.list.listed'));
      onClose();
      if (e?.id) onListed(e.id);
    } catch (err) {
      setError(isApiError(err, 'RADIO_ALREADY_LISTED') ? t('radioactive.list.alreadyListed') : errorText(err, lang));
    }
  };

  return (
    <Modal
      open
      width={760}
      title={t('radioactive.list.addTitle')}
      onCancel={onClose}
      onOk={() => void send()}
      okText={t('radioactive.list.add')}
      okButtonProps={{ 'data-testid': 'radio-add-ok', loading: listing.isPending } as ButtonProps}
      destroyOnHidden
    >
      <Segmented<'source' | 'hand'>
        className="block-gap"
        data-testid="radio-add-mode"
        value={mode}
        onChange={(m) => (setMode(m), setError(null))}
        options={[
          { value: 'source', label: <span data-testid="radio-add-mode-source">{t('radioactive.list.fromDirectory')}</span> },
          { value: 'hand', label: <span data-testid="radio-add-mode-hand">{t('radioactive.list.byHand')}</span> },
        ]}
      />
      {mode === 'source' ? (
        <>
          <SourceSearch picked={picked} onPick={setPicked} />
          {picked && <div data-testid="radio-source-picked" style={{ margin: '8px 0' }}>{t('radioactive.list.picked', { name: picked.name })}</div>}
          <Select
            data-testid="radio-add-source-minerals"
            mode="multiple"
            style={{ width: '100%' }}
            placeholder={t('radioactive.fields.minerals')}
            value={sourceMinerals}
            onChange={setSourceMinerals}
            options={mineralOptions}
          />
        </>
      ) : (
        <Form form={form} layout="vertical" initialValues={{ regionCode: session.regionCode, minerals: [] }}>
          <Form.Item name="regionCode" label={t('radioactive.fields.region')} rules={[{ required: true, message: t('common.required') }]}>
            <RegionPicker data-testid="radio-add-region" />
          </Form.Item>
          <Form.Item name="name" label={t('radioactive.fields.name')} rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 200 }]}>
            <Input data-testid="radio-add-name" maxLength={200} />
          </Form.Item>
          <Form.Item name="creditCode" label={t('radioactive.fields.creditCode')} rules={[{ pattern: /^\s*[0-9A-HJ-NPQRTUWXY]{18}\s*$/i, message: t('radioactive.fields.creditCode') }]}>
            <Input data-testid="radio-add-credit" maxLength={18} />
          </Form.Item>
          <Form.Item name="minerals" label={t('radioactive.fields.minerals')} rules={[{ required: true, type: 'array', min: 1, message: t('common.required') }]}>
            <Select
              data-testid="radio-add-minerals"
              mode="multiple"
              options={mineralOptions}
            />
          </Form.Item>
        </Form>
      )}
      {error && <Alert type="error" showIcon title={<span data-testid="radio-add-error">{error}</span>} style={{ marginTop: 8 }} />}
    </Modal>
  );
}
