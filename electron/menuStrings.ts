import type { LanguageCode } from '../renderer/i18n/languages';
import ar from '../locales/ar/menu.json';
import en from '../locales/en/menu.json';
import es from '../locales/es/menu.json';
import fr from '../locales/fr/menu.json';
import ru from '../locales/ru/menu.json';
import zh from '../locales/zh/menu.json';

export type MenuStrings = typeof en;

/** The application menu's labels, bundled into the main process (a few hundred bytes each). */
export const MENU_STRINGS: Record<LanguageCode, MenuStrings> = { ar, zh, en, fr, ru, es };
