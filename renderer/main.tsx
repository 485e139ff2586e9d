import './app/fonts';
import './app/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { startAppSync } from './app/sync/appSync';
import { preloadSections } from './app/ViewOutlet';
import { StartupError } from './app/StartupError';
import { db } from './db';
import { readSetting } from './db/settings';
import { matchPreferredLanguage, type LanguageCode } from './i18n/languages';
import { preloadOtherLanguages, startI18n } from './i18n/setup';
import { bridge } from './platform/bridge';

/** The saved choice, else the system's language when it is one of the six, else English. */
async function initialLanguage(): Promise<{ language: LanguageCode; storageError: unknown }> {
  const systemLanguage = matchPreferredLanguage(navigator.languages);
  try {
    return { language: (await readSetting(db, 'language')) ?? systemLanguage, storageError: null };
  } catch (error) {
    return { language: systemLanguage, storageError: error };
  }
}

async function start(): Promise<void> {
  // Ask that the system never evict the delegate's data to free space; harmless if refused.
  void navigator.storage?.persist?.().catch(() => false);
  const { language, storageError } = await initialLanguage();
  await startI18n(language);
  void bridge.setLanguage(language);
  const root = createRoot(document.getElementById('root')!);
  if (storageError) {
    console.error('Local database unavailable', storageError);
    root.render(<StartupError />);
    return;
  }
  root.render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
  preloadOtherLanguages();
  preloadSections();
  // Sync runs in the background: it resumes if this profile is signed in to a hub.
  startAppSync();
  // Course content installs in the background, in its own chunk (schema validation is not small).
  void import('./content/contentStore').then(({ installBundledContent }) => installBundledContent());
  void import('./features/meetings/reminders').then(({ startReminders }) => startReminders());
  // In a web browser only: keeps the whole app, fonts and packs for offline reloads.
  void import('./app/offline/offlineWorker').then(({ startOfflineWorker }) => startOfflineWorker());
}

void start();
