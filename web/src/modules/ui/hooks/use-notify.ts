import { App } from 'antd';
import { useCallback, useMemo } from 'react';
import { errorText } from '../utils/error-text.ts';
import { useLang } from './use-lang.ts';

/** Toasts that know the language: notify.error(err) shows the API's own message. */
export function useNotify() {
  const { message } = App.useApp();
  const lang = useLang();
  const error = useCallback((err: unknown) => void message.error(errorText(err, lang)), [message, lang]);
  const success = useCallback((text: string) => void message.success(text), [message]);
  return useMemo(() => ({ error, success }), [error, success]);
}
