import { Drawer, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Register } from '../../../api/types.ts';
import { RegisterErrorsTable } from './register-errors-table.tsx';
import { RegisterRowsTable } from './register-rows-table.tsx';

/** The rows a register imported, and its errors in a second tab (read only when opened). */
export function RegisterRowsDrawer({ register, onClose }: { register: Register; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Drawer
      open
      onClose={onClose}
      size={Math.min(1100, window.innerWidth - 40)}
      title={
        <span data-testid="register-drawer-title">
          {t('registers.rowsTitle', { name: register.fileName })}{' '}
          <Typography.Text type="secondary" className="option-code">
            {t(`departments.${register.department}`)} · {register.regionName}
          </Typography.Text>
        </span>
      }
      data-testid="register-drawer"
    >
      <Tabs
        items={[
          { key: 'rows', label: <span data-testid="register-tab-rows">{`${t('registers.tabRows')} (${register.rowCount})`}</span>, children: <RegisterRowsTable registerId={register.id} /> },
          {
            key: 'errors',
            label: <span data-testid="register-tab-errors">{`${t('registers.tabErrors')} (${register.errorCount})`}</span>,
            children: <RegisterErrorsTable registerId={register.id} errorCount={register.errorCount} />,
          },
        ]}
      />
    </Drawer>
  );
}
