import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { LANGUAGES } from '../renderer/i18n/languages';
import { toAllowedExternalUrl } from '../renderer/platform/externalUrl';
import { buildMenuTemplate, RECOMMENDATION_A1_URL } from './menu';
import { MENU_STRINGS } from './menuStrings';

function labels(items: MenuItemConstructorOptions[]): string[] {
  return items.flatMap((item) => [
    ...(item.label ? [item.label] : []),
    ...(Array.isArray(item.submenu) ? labels(item.submenu) : []),
  ]);
}

function find(items: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions | undefined {
  for (const item of items) {
    if (item.label === label) return item;
    const inner = Array.isArray(item.submenu) ? find(item.submenu, label) : undefined;
    if (inner) return inner;
  }
  return undefined;
}

const noop = { navigate: vi.fn(), openExternal: vi.fn(), showAbout: vi.fn() };

describe('buildMenuTemplate', () => {
  it.each(LANGUAGES.map((l) => l.code))('labels every item in %s', (code) => {
    const template = buildMenuTemplate(MENU_STRINGS[code], 'win32', noop);
    const shown = labels(template);
    expect(shown.length).toBeGreaterThan(15);
    for (const label of shown) expect(label.trim()).not.toBe('');
    if (code !== 'en') expect(shown).not.toEqual(labels(buildMenuTemplate(MENU_STRINGS.en, 'win32', noop)));
  });

  it('navigates to each section with Ctrl or Cmd and its number', () => {
    const actions = { ...noop, navigate: vi.fn() };
    const template = buildMenuTemplate(MENU_STRINGS.fr, 'linux', actions);
    const meetings = find(template, MENU_STRINGS.fr.meetings);
    expect(meetings?.accelerator).toBe('CmdOrCtrl+3');
    (meetings?.click as () => void)();
    expect(actions.navigate).toHaveBeenCalledWith('meetings');
  });

  it('links to Recommendation A.1 through the allow-list', () => {
    const actions = { ...noop, openExternal: vi.fn() };
    const item = find(buildMenuTemplate(MENU_STRINGS.ar, 'win32', actions), MENU_STRINGS.ar.recommendationA1);
    (item?.click as () => void)();
    expect(actions.openExternal).toHaveBeenCalledWith(RECOMMENDATION_A1_URL);
    expect(toAllowedExternalUrl(RECOMMENDATION_A1_URL)).not.toBeNull();
  });

  it('puts About in the application menu on macOS', () => {
    const template = buildMenuTemplate(MENU_STRINGS.en, 'darwin', noop);
    expect(template[0]?.label).toBe('Gapbridge');
    expect(labels(template).filter((l) => l === MENU_STRINGS.en.about)).toHaveLength(1);
  });
});
