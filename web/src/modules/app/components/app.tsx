import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useEffect } from 'react';
import { useLang } from '../../ui/hooks/use-lang.ts';
import { queryClient } from '../utils/query-client.ts';
import { AppRouter } from './app-router.tsx';
import { AuthBridge } from './auth-bridge.tsx';

// Without motion the console reacts at once (it is a work tool), and automated
// tests never catch a closing popup mid-animation.
const THEME = {
  token: { colorPrimary: '#1f4e8c', borderRadius: 4, fontSize: 14, motion: false },
  components: { Layout: { headerHeight: 52, headerPadding: '0 16px' } },
};

// No automatic space inside two-character Chinese labels ("登 录"): denser, and the text stays searchable.
const BUTTON = { autoInsertSpace: false };

export function App() {
  const lang = useLang();
  // Date pickers take month and weekday names from dayjs, not from the antd locale.
  useEffect(() => void dayjs.locale(lang === 'en' ? 'en' : 'zh-cn'), [lang]);

  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider locale={lang === 'en' ? enUS : zhCN} theme={THEME} button={BUTTON}>
        <AntApp>
          <AuthBridge />
          <AppRouter />
        </AntApp>
      </ConfigProvider>
    </QueryClientProvider>
  );
}
