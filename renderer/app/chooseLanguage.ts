import { db } from '../db';
import { writeSetting } from '../db/settings';
import type { LanguageCode } from '../i18n/languages';
import { switchLanguage } from '../i18n/setup';
import { bridge } from '../platform/bridge';

/**
 * Saves the choice first, then switches. A failed save (full disk, storage blocked) still
 * switches for this session and reports `isSaved: false` so the UI can say so.
 */
export async function chooseLanguage(language: LanguageCode): Promise<{ isSaved: boolean }> {
  let isSaved = true;
  try {
    await writeSetting(db, 'language', language);
  } catch (error) {
    console.error('Could not save the language', error);
    isSaved = false;
  }
  await switchLanguage(language);
  await bridge.setLanguage(language);
  return { isSaved };
}
