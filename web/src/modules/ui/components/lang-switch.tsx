import { TranslationOutlined } from '@ant-design/icons';
import { Button, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { setLang } from '../../../i18n/index.ts';
import { useLang } from '../hooks/use-lang.ts';

/** Toggles zh ↔ en; the label names the language it switches to. */
export function LangSwitch(props: Omit<ButtonProps, 'onClick'>) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Button
      data-testid="lang-switch"
      icon={<TranslationOutlined />}
      title={t('lang.switchHint')}
      aria-label={t('lang.switchHint')}
      onClick={() => void setLang(lang === 'zh' ? 'en' : 'zh')}
      {...props}
    >
      {t('lang.switchTo')}
    </Button>
  );
}
