import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import es from './es.json';
import { mergeAreas } from './merge';

// Each area of the app (scanning, camera...) may keep its strings in
// `areas/<area>.<lng>.json`; they are merged over the core files at start-up, so
// parallel work on different areas never edits the same file.
const areaFiles = import.meta.glob<{ default: Record<string, unknown> }>('./areas/*.json', { eager: true });

export const LANGUAGES = ['en', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'tote.language';

function stored(): Language | null {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return (LANGUAGES as readonly string[]).includes(v ?? '') ? (v as Language) : null;
  } catch {
    return null;
  }
}

function initial(): Language {
  const s = stored();
  if (s) return s;
  const nav = typeof navigator !== 'undefined' ? navigator.language.slice(0, 2) : 'en';
  return nav === 'es' ? 'es' : 'en';
}

void i18n.use(initReactI18next).init({
  resources: {
    en: { translation: mergeAreas(en, areaFiles, 'en') },
    es: { translation: mergeAreas(es, areaFiles, 'es') },
  },
  lng: initial(),
  fallbackLng: 'en',
  supportedLngs: [...LANGUAGES],
  interpolation: { escapeValue: false }, // React escapes
  initAsync: false,
  returnNull: false,
});

function syncLangAttribute(lng: string) {
  if (typeof document !== 'undefined') document.documentElement.lang = lng;
}
syncLangAttribute(i18n.language);
i18n.on('languageChanged', syncLangAttribute);

/** The user's explicit choice; it wins over their profile language on this device. */
export function chooseLanguage(lng: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // private mode: the choice lasts for this session only
  }
  void i18n.changeLanguage(lng);
}

/** At sign-in the app speaks the user's profile language; Settings can change it after. */
export function applyProfileLanguage(lng: Language): void {
  chooseLanguage(lng);
}

export function currentLanguage(): Language {
  return i18n.language === 'es' ? 'es' : 'en';
}

export default i18n;
