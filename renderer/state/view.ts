import { create } from 'zustand';
import { isViewName, type ViewName } from '../platform/contract';

const DEFAULT_VIEW: ViewName = 'course';

function viewFromHash(hash: string): ViewName {
  const name = hash.replace(/^#\/?/, '');
  return isViewName(name) ? name : DEFAULT_VIEW;
}

interface ViewState {
  view: ViewName;
}

/** The section on screen. Mirrored in the address hash so that a reload keeps it. */
export const useViewStore = create<ViewState>(() => ({ view: viewFromHash(window.location.hash) }));

export function navigate(view: ViewName): void {
  useViewStore.setState({ view });
  if (viewFromHash(window.location.hash) !== view) window.location.hash = `/${view}`;
}

export function followAddressHash(): () => void {
  const onHashChange = () => useViewStore.setState({ view: viewFromHash(window.location.hash) });
  window.addEventListener('hashchange', onHashChange);
  return () => window.removeEventListener('hashchange', onHashChange);
}
