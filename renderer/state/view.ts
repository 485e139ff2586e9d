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

export function navigate(view: ViewName, ...path: string[]): void {
  useViewStore.setState({ view, path });
  const hash = hashOf(view, path);
  if (window.location.hash !== hash) window.location.hash = hash;
}

export function followAddressHash(): () => void {
  const onHashChange = () => useViewStore.setState(routeFromHash(window.location.hash));
  window.addEventListener('hashchange', onHashChange);
  return () => window.removeEventListener('hashchange', onHashChange);
}
