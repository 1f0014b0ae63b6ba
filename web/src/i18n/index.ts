// i18next set-up: Chinese by default, English on request, the choice kept in
// localStorage so that the login page already speaks the remembered language.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Lang } from '../api/client.ts';
import { en } from './en.ts';
import { zh, type Resources } from './zh.ts';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Resources };
  }
}

export const LANG_KEY = 'pucha.lang';

function storedLang(): Lang {
  try {
    return localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh'; // storage can be blocked (private mode, policies)
  }
}

function applyDocumentLang(lang: Lang) {
  document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
}

const initial = storedLang();
void i18n.use(initReactI18next).init({
  resources: { zh: { translation: zh }, en: { translation: en } },
  lng: initial,
  fallbackLng: 'zh',
  supportedLngs: ['zh', 'en'],
  interpolation: { escapeValue: false }, // React escapes already
  returnNull: false,
});
applyDocumentLang(initial);

export function currentLang(): Lang {
  return i18n.language === 'en' ? 'en' : 'zh';
}

export async function setLang(lang: Lang) {
  try {
    localStorage.setItem(LANG_KEY, lang);
  } catch {
    // not remembered, but still switched for this page
  }
  applyDocumentLang(lang);
  await i18n.changeLanguage(lang);
}

export default i18n;
