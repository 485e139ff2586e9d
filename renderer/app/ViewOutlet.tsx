import { lazy, Suspense, useEffect, useRef, type ComponentType } from 'react';
import { ViewErrorBoundary } from './ViewErrorBoundary';
import { HomePage } from '../features/home/HomePage';
import { SettingsPage } from '../features/settings/SettingsPage';
import type { ViewName } from '../platform/contract';
import { useViewStore } from '../state/view';

// The course (with its sanitiser and schema) loads on first use, keeping the start-up bundle small.
const CoursePage = lazy(async () => ({ default: (await import('../features/course/CoursePage')).CoursePage }));
// The drafts (with the editor) and the meetings (with the iCalendar library) likewise.
const DraftsPage = lazy(async () => ({ default: (await import('../features/drafts/DraftsPage')).DraftsPage }));
const MeetingsPage = lazy(async () => ({ default: (await import('../features/meetings/MeetingsPage')).MeetingsPage }));

/** Loads the lazy sections in the background, so that they open without a server (web mode, offline). */
export function preloadSections(): void {
  void Promise.all([
    import('../features/course/CoursePage'),
    import('../features/meetings/MeetingsPage'),
    import('../features/drafts/DraftsPage'),
  ]).catch((error: unknown) => console.warn('Sections not preloaded', error));
}

const PAGES: Record<ViewName, ComponentType> = {
  home: HomePage,
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
    return focusHeadingWhenShown();
  }, [view, place]);

  return (
    <ViewErrorBoundary key={view}>
      <Suspense fallback={null}>
        <Page />
      </Suspense>
    </ViewErrorBoundary>
  );
}

/** Focuses the new section's heading as soon as it is rendered (a lazy section renders later). */
function focusHeadingWhenShown(): () => void {
  const main = document.getElementById('main');
  const focus = () => {
    const heading = main?.querySelector<HTMLElement>('h1');
    heading?.focus();
    return heading !== null && heading !== undefined;
  };
  if (!main || focus()) return () => {};
  const observer = new MutationObserver(() => focus() && observer.disconnect());
  observer.observe(main, { childList: true, subtree: true });
  const timer = window.setTimeout(() => observer.disconnect(), 5000);
  return () => {
    observer.disconnect();
    window.clearTimeout(timer);
  };
}
