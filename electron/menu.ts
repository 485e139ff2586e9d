import type { MenuItemConstructorOptions } from 'electron';
import { VIEWS, type ViewName } from '../renderer/platform/contract';
import type { MenuStrings } from './menuStrings';

export const RECOMMENDATION_A1_URL = 'https://www.itu.int/rec/T-REC-A.1';

export interface MenuActions {
  navigate(view: ViewName): void;
  openExternal(url: string): void;
  showAbout(): void;
}

/** The application menu in the interface language; roles keep each platform's native behaviour. */
export function buildMenuTemplate(
  strings: MenuStrings,
  platform: NodeJS.Platform,
  actions: MenuActions,
): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin';
  const goItems: MenuItemConstructorOptions[] = VIEWS.map((view, index) => ({
    label: strings[view],
    accelerator: `CmdOrCtrl+${index + 1}`,
    click: () => actions.navigate(view),
  }));

  return [
    ...(isMac
      ? [
          {
            label: 'Gapbridge',
            submenu: [
              { label: strings.about, click: actions.showAbout },
              { type: 'separator' as const },
              { role: 'quit' as const, label: strings.quit },
            ],
          },
        ]
      : []),
    {
      label: strings.file,
      submenu: [isMac ? { role: 'close', label: strings.close } : { role: 'quit', label: strings.quit }],
    },
    {
      label: strings.edit,
      submenu: [
        { role: 'undo', label: strings.undo },
        { role: 'redo', label: strings.redo },
        { type: 'separator' },
        { role: 'cut', label: strings.cut },
        { role: 'copy', label: strings.copy },
        { role: 'paste', label: strings.paste },
        { role: 'selectAll', label: strings.selectAll },
      ],
    },
    {
      label: strings.view,
      submenu: [
        { role: 'zoomIn', label: strings.zoomIn },
        { role: 'zoomOut', label: strings.zoomOut },
        { role: 'resetZoom', label: strings.resetZoom },
        { type: 'separator' },
        { role: 'togglefullscreen', label: strings.toggleFullScreen },
      ],
    },
    { label: strings.go, submenu: goItems },
    {
      label: strings.window,
      submenu: [
        { role: 'minimize', label: strings.minimize },
        { role: 'close', label: strings.close },
      ],
    },
    {
      role: 'help',
      label: strings.help,
      submenu: [
        { label: strings.recommendationA1, click: () => actions.openExternal(RECOMMENDATION_A1_URL) },
        ...(isMac ? [] : [{ label: strings.about, click: actions.showAbout }]),
      ],
    },
  ];
}
