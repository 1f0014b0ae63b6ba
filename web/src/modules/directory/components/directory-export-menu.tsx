import { DownloadOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import { linksCsvUrl, sourcesCsvUrl, sourcesXlsxUrl } from '../utils/directory-export-urls.ts';

/** Downloads of the directory and of the row → source links; the CSV follows the region filter. */
export function DirectoryExportMenu({ region }: { region?: string }) {
  const { t } = useTranslation();
  const link = (href: string, label: string, testId: string) => (
    <a href={href} download data-testid={testId}>
      {label}
    </a>
  );
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'csv', label: link(sourcesCsvUrl(region), t('directory.exportCsv'), 'directory-export-csv') },
          { key: 'xlsx', label: link(sourcesXlsxUrl, t('directory.exportXlsx'), 'directory-export-xlsx') },
          { type: 'divider' },
          { key: 'links', label: link(linksCsvUrl, t('directory.exportLinks'), 'directory-export-links') },
        ],
      }}
    >
      <Button icon={<DownloadOutlined />} data-testid="directory-export">
        {t('directory.export')}
      </Button>
    </Dropdown>
  );
}
