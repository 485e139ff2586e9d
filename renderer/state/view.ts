import { create } from 'zustand';
import { isViewName, type ViewName } from '../platform/contract';

const DEFAULT_VIEW: ViewName = 'home';

export interface Route {
  view: ViewName;
  /** Where in the section: e.g. ['lesson', 'm1-l2'] for #/course/lesson/m1-l2. */
  path: string[];
}

export function routeFromHash(hash: string): Route {
  const [name, ...path] = hash
    .replace(/^#\/?/, '')
    .split('/')
    .filter((segment) => segment !== '')
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return '';
      }
    });
  return isViewName(name) ? { view: name, path } : { view: DEFAULT_VIEW, path: [] };
}

export function hashOf(view: ViewName, path: readonly string[] = []): string {
  return `#/${[view, ...path].map(encodeURIComponent).join('/')}`;
}

/** The section and place on screen. Mirrored in the address hash so that a reload keeps it. */
export const useViewStore = create<Route>(() => routeFromHash(window.location.hash));

/** Asked before the view changes; false keeps the user where they are. */
type LeaveGuard = () => boolean;
let leaveGuard: LeaveGuard | null = null;

/** While a screen holds something that leaving would lose, it asks first. Returns the release. */
export function guardLeaving(guard: LeaveGuard): () => void {
  leaveGuard = guard;
  return () => {
    if (leaveGuard === guard) leaveGuard = null;
  };
}

function mayGo(next: Route): boolean {
  const current = useViewStore.getState();
  const isSamePlace = current.view === next.view && current.path.join('/') === next.path.join('/');
  return isSamePlace || !leaveGuard || leaveGuard();
}

export function navigate(view: ViewName, ...path: string[]): void {
  if (!mayGo({ view, path })) return;
  useViewStore.setState({ view, path });
  const hash = hashOf(view, path);
  if (window.location.hash !== hash) window.location.hash = hash;
}

export function followAddressHash(): () => void {
  const onHashChange = () => {
    const next = routeFromHash(window.location.hash);
    if (mayGo(next)) {
      useViewStore.setState(next);
      return;
    }
    // Stay: put back the address of the place the user is still at (no new hashchange).
    const { view, path } = useViewStore.getState();
    window.history.replaceState(window.history.state, '', hashOf(view, path));
  };
  window.addEventListener('hashchange', onHashChange);
  // The address may have changed while the app was starting, before anyone listened.
  const shown = useViewStore.getState();
  const addressed = routeFromHash(window.location.hash);
  if (hashOf(addressed.view, addressed.path) !== hashOf(shown.view, shown.path)) onHashChange();
  return () => window.removeEventListener('hashchange', onHashChange);
}
