import { useTranslation } from 'react-i18next';
import { VIEWS } from '../platform/contract';
import { navigate, useViewStore } from '../state/view';
import { ViewIcon } from './icons';

export function Navigation() {
  const { t } = useTranslation('shell');
  const current = useViewStore((state) => state.view);
  return (
    <nav className="shell-nav" aria-label={t('nav.label')}>
      <ul>
        {VIEWS.map((view) => (
          <li key={view}>
            <a
              href={`#/${view}`}
              aria-current={view === current ? 'page' : undefined}
              onClick={(event) => {
                event.preventDefault();
                navigate(view);
              }}
            >
              <ViewIcon view={view} />
              <span>{t(`nav.${view}`)}</span>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
