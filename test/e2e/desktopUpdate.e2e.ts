import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { UpdateState } from '../../renderer/platform/updateState';
import { flatten, readNamespace } from '../support/locales';
import { offlineContext, openOffline } from '../support/offlineApp';
import { SCREENSHOTS, useSharedBrowser } from '../support/sharedBrowser';

const browser = useSharedBrowser();

declare global {
  interface Window {
    /** Set by the stand-in preload below: pushes a state as the main process would. */
    pushUpdateState?: (state: UpdateState) => void;
    updateCalls?: string[];
  }
}

/**
 * The preload's bridge as Electron exposes it, with an updater the test drives: the real
 * renderer build cannot tell it from electron/preload.ts.
 */
async function desktopContext(locale: string): Promise<BrowserContext> {
  const context = await offlineContext(browser(), { locale });
  await context.addInitScript(() => {
    let current: UpdateState = { kind: 'idle' };
    const listeners = new Set<(state: UpdateState) => void>();
    const calls: string[] = [];
    const push = (state: UpdateState) => {
      current = state;
      for (const listener of listeners) listener(state);
    };
    Object.assign(window, {
      updateCalls: calls,
      pushUpdateState: push,
      gapbridge: {
        shell: 'electron',
        openExternal: async () => false,
        setLanguage: async () => {},
        savePageAsPdf: async () => false,
        saveFile: async () => false,
        notify: async () => false,
        onNavigate: () => () => {},
        updates: {
          state: async () => current,
          onChange(listener: (state: UpdateState) => void) {
            listeners.add(listener);
            return () => listeners.delete(listener);
          },
          restartNow: async () => {
            calls.push('restartNow');
            return true;
          },
          later: async () => {
            calls.push('later');
            if (current.kind === 'ready') push({ ...current, postponed: true });
          },
        },
      },
    });
  });
  return context;
}

const push = (page: Page, state: UpdateState) => page.evaluate((s) => window.pushUpdateState!(s), state);
const strings = (language: string) => flatten(readNamespace(language, 'shell')) as Map<string, string>;

describe('the notice of an update of the desktop app', () => {
  it('shows nothing in the web build, which has no such updater', async () => {
    const context = await offlineContext(browser(), { locale: 'en-GB' });
    const page = await openOffline(context);
    await page.getByTestId('hub-status').waitFor();
    expect(await page.getByTestId('desktop-update').count()).toBe(0);
    await context.close();
  });

  it.each([
    ['en-GB', 'en'],
    ['ar-EG', 'ar'],
  ])('follows a download to "Restart now / Later" in %s', async (locale, language) => {
    const context = await desktopContext(locale);
    const page = await openOffline(context);
    const notice = page.getByTestId('desktop-update');
    expect(await notice.count()).toBe(0);

    await push(page, { kind: 'checking' });
    await push(page, {
      kind: 'downloading',
      version: '0.2.0',
      percent: 42.4,
      transferred: 20_352_000,
      total: 48_000_000,
    });
    await notice.waitFor();
    const downloading = await notice.innerText();
    const template = strings(language).get('desktopUpdate.downloadingOf')!;
    expect(downloading).toContain(template.split('{{')[0]!.trim());
    expect(downloading).toMatch(/42/);
    await page.screenshot({ path: path.join(SCREENSHOTS, `desktop-update-downloading-${language}.png`) });

    await push(page, { kind: 'ready', version: '0.2.0', postponed: false });
    const restart = notice.getByRole('button', { name: strings(language).get('desktopUpdate.restartNow')! });
    await restart.waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, `desktop-update-ready-${language}.png`) });
    await restart.click();
    await expect.poll(() => page.evaluate(() => window.updateCalls)).toEqual(['restartNow']);

    await notice.getByRole('button', { name: strings(language).get('desktopUpdate.later')! }).click();
    await notice.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => window.updateCalls)).toEqual(['restartNow', 'later']);
    await context.close();
  });

  it('says when a failed download is tried again, and nothing about a failed check', async () => {
    const context = await desktopContext('fr-FR');
    const page = await openOffline(context);
    const notice = page.getByTestId('desktop-update');
    await push(page, { kind: 'failed', version: null, retryAt: Date.now() + 300_000 });
    await page.getByTestId('hub-status').waitFor();
    expect(await notice.count()).toBe(0);
    await push(page, { kind: 'failed', version: '0.2.0', retryAt: Date.now() + 900_000 });
    await notice.waitFor();
    expect(await notice.innerText()).toContain('La mise à jour de Gapbridge n’a pas pu être téléchargée.');
    expect(await notice.getByRole('button').count()).toBe(0);
    await context.close();
  });
});
