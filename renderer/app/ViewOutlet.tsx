import { lazy, Suspense, useEffect, useRef, type ComponentType } from 'react';
import { DraftsPage } from '../features/drafts/DraftsPage';
import { MeetingsPage } from '../features/meetings/MeetingsPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import type { ViewName } from '../platform/contract';
import { useViewStore } from '../state/view';

// The course (with its sanitiser and schema) loads on first use, keeping the start-up bundle small.
const CoursePage = lazy(async () => ({ default: (await import('../features/course/CoursePage')).CoursePage }));

const PAGES: Record<ViewName, ComponentType> = {
  course: CoursePage,
  meetings: MeetingsPage,
  drafts: DraftsPage,
  settings: SettingsPage,
};

/** The current section. After a change of place, focus moves to its heading for screen readers. */
export function ViewOutlet() {
  const view = useViewStore((state) => state.view);
  const place = useViewStore((state) => state.path.join('/'));
  const isFirstRender = useRef(true);
  const Page = PAGES[view];

  useEffect(() => {
    if (isFirstRender.current) {
      isFirstRender.current = false;
      return;
    }
    window.scrollTo({ top: 0 });
    document.querySelector<HTMLElement>('#main h1')?.focus();
  }, [view, place]);

  return (
    <Suspense fallback={null}>
      <Page />
    </Suspense>
  );
}
