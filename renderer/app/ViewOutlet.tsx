import { useEffect, useRef } from 'react';
import { CoursePage } from '../features/course/CoursePage';
import { DraftsPage } from '../features/drafts/DraftsPage';
import { MeetingsPage } from '../features/meetings/MeetingsPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import type { ViewName } from '../platform/contract';
import { useViewStore } from '../state/view';

const PAGES: Record<ViewName, () => React.JSX.Element> = {
  course: CoursePage,
  meetings: MeetingsPage,
  drafts: DraftsPage,
  settings: SettingsPage,
};

/** The current section. After a change of section, focus moves to its heading for screen readers. */
export function ViewOutlet() {
  const view = useViewStore((state) => state.view);
  const isFirstRender = useRef(true);
  const Page = PAGES[view];

  useEffect(() => {
    if (isFirstRender.current) {
      isFirstRender.current = false;
      return;
    }
    document.querySelector<HTMLElement>('#main h1')?.focus();
  }, [view]);

  return <Page />;
}
