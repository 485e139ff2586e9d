import { Component, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

function ViewUnavailable() {
  const { t } = useTranslation('shell');
  return (
    <p className="notice notice-warning" role="alert">
      {t('errors.viewUnavailable')}
    </p>
  );
}

/** Keeps the shell alive when a section fails to load or render, and says so in the user's language. */
export class ViewErrorBoundary extends Component<{ children: ReactNode }, { hasFailed: boolean }> {
  override state = { hasFailed: false };

  static getDerivedStateFromError() {
    return { hasFailed: true };
  }

  override componentDidCatch(error: unknown) {
    console.error('Section failed', error);
  }

  override render() {
    return this.state.hasFailed ? <ViewUnavailable /> : this.props.children;
  }
}
