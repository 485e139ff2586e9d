import type { ViewName } from '../platform/contract';

const PATHS: Record<ViewName, string> = {
  home: 'M4 11l8-7 8 7M6 9.5V20h4v-5h4v5h4V9.5',
  course:
    'M4 5.5C4 4.7 4.7 4 5.5 4H11v15H5.5A1.5 1.5 0 0 1 4 17.5zM13 4h5.5c.8 0 1.5.7 1.5 1.5v12c0 .8-.7 1.5-1.5 1.5H13z',
  meetings: 'M7 3v2M17 3v2M4 8h16M5 5h14a1 1 0 0 1 1 1v13a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V6a1 1 0 0 1 1-1zM8 12h3v3H8z',
  drafts: 'M6 3h8l4 4v13a1 1 0 0 1-1 1H6a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1zM14 3v4h4M8 12h8M8 16h6',
  settings:
    'M12 9a3 3 0 1 0 0 6 3 3 0 0 0 0-6zM19 12l2-1.5-2-3.5-2.4.6-1.6-1V4h-4l-.4 2.6-1.6 1L6.6 7 4.6 10.5 6.6 12l-2 1.5 2 3.5 2.4-.6 1.6 1L11 20h4l.4-2.6 1.6-1 2.4.6 2-3.5z',
};

/** Section icons. None of them points, so none needs mirroring right to left. */
export function ViewIcon({ view }: { view: ViewName }) {
  return (
    <svg className="icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <path d={PATHS[view]} />
    </svg>
  );
}
