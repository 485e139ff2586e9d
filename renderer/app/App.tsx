import { useEffect, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { bridge } from '../platform/bridge';
import { followAddressHash, navigate } from '../state/view';
import { Header } from './Header';
import { INTERACTIVE_MARK } from './marks';
import { Navigation } from './Navigation';
import { StatusBar } from './StatusBar';
import { ViewOutlet } from './ViewOutlet';

/** The address hash holds the view, so the skip link moves focus itself instead of jumping. */
function focusMain(event: MouseEvent<HTMLAnchorElement>): void {
  event.preventDefault();
  document.getElementById('main')?.focus();
}

export function App() {
  const { t } = useTranslation('shell');

  useEffect(() => followAddressHash(), []);
  useEffect(() => bridge.onNavigate(navigate), []);
  useEffect(() => {
    if (performance.getEntriesByName(INTERACTIVE_MARK).length === 0) performance.mark(INTERACTIVE_MARK);
  }, []);

  return (
    <div className="shell">
      <a className="skip-link" href="#main" onClick={focusMain}>
        {t('skipToContent')}
      </a>
      <Header />
      <div className="shell-body">
        <Navigation />
        <main id="main" className="shell-main" tabIndex={-1}>
          <ViewOutlet />
        </main>
      </div>
      <StatusBar />
    </div>
  );
}
