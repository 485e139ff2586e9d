import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useSyncState } from '../../app/sync/appSync';
import { useLastSyncedAt } from '../../db/hooks';
import { clockWarningText, formatSyncTime, syncStatusText } from '../../app/sync/syncStatusText';
import type { LanguageCode } from '../../i18n/languages';
import { useViewStore } from '../../state/view';
import { HubSignInForm } from './HubSignInForm';
import { PackUpdates } from './PackUpdates';
import { RejectedChanges } from './RejectedChanges';
import { SignInQuestion } from './SignInQuestion';
import { signOut, syncNow } from './hubActions';

function SignedIn({ email, hubUrl }: { email: string; hubUrl: string }) {
  const { t, i18n } = useTranslation('settings');
  const { t: tShell } = useTranslation('shell');
  const status = useSyncState((state) => state.status);
  const storedLastSync = useLastSyncedAt();
  const lastSyncedAt = storedLastSync ? Date.parse(storedLastSync) : null;
  const clockWarning = clockWarningText(
    useSyncState((state) => state.clockSkewMs),
    tShell,
  );
  const language = i18n.language as LanguageCode;
  return (
    <>
      <p data-testid="hub-account">
        {t('hub.signedInAs', { email })}{' '}
        <span className="hub-key" dir="ltr">
          {hubUrl}
        </span>
      </p>
      <p role="status" data-testid="hub-sync-state" data-phase={status.phase}>
        {syncStatusText(status, tShell, language)}
      </p>
      {status.phase !== 'synced' && (
        <p data-testid="hub-last-synced">
          {lastSyncedAt === null
            ? t('hub.notSyncedYet')
            : t('hub.lastSynced', { time: formatSyncTime(lastSyncedAt, language) })}
        </p>
      )}
      {clockWarning && <p className="notice notice-warning">{clockWarning}</p>}
      <div className="hub-buttons">
        <button
          type="button"
          className="button primary"
          disabled={status.phase === 'syncing'}
          data-testid="hub-sync-now"
          onClick={syncNow}
        >
          {t('hub.syncNow')}
        </button>
        <button type="button" className="button" data-testid="hub-sign-out" onClick={() => void signOut()}>
          {t('hub.signOut')}
        </button>
      </div>
      <p className="hub-hint">{t('hub.signOutMeans')}</p>
      <PackUpdates />
    </>
  );
}

/** Settings → Hub: sign in or register, the first sign-in's question, then sync and its problems. */
export function HubSection() {
  const { t } = useTranslation('settings');
  const account = useSyncState((state) => state.account);
  const status = useSyncState((state) => state.status);
  const phase = status.phase;
  const path = useViewStore((state) => state.path);
  const heading = useRef<HTMLHeadingElement>(null);

  // The status bar's "Settings → Hub" link lands here.
  useEffect(() => {
    if (path[0] !== 'hub') return;
    heading.current?.scrollIntoView({ block: 'start' });
    heading.current?.focus();
  }, [path]);

  let body;
  if (!account || phase === 'session-ended') body = <HubSignInForm sessionEnded={phase === 'session-ended'} />;
  else if (status.phase === 'question') body = <SignInQuestion email={account.email} previous={status.previous} />;
  else body = <SignedIn email={account.email} hubUrl={account.hubUrl} />;

  return (
    <section className="settings-section hub-section" aria-labelledby="settings-hub" data-testid="hub-section">
      <h2 id="settings-hub" ref={heading} tabIndex={-1}>
        {t('hub.heading')}
      </h2>
      <p>{t('hub.intro')}</p>
      {body}
      <RejectedChanges />
    </section>
  );
}
