import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fixedHubUrl } from '../../app/sync/appSync';
import { formatSyncTime } from '../../app/sync/syncStatusText';
import type { LanguageCode } from '../../i18n/languages';
import type { AccountFailure } from '../../sync/hubClient';
import { MIN_PASSWORD_LENGTH } from '../../sync/webHubClient';
import { register, signIn } from './hubActions';

type Shown = { failure: AccountFailure; at: number };

function FailureText({ shown }: { shown: Shown }) {
  const { t, i18n } = useTranslation('settings');
  const { failure } = shown;
  if (failure.kind === 'rate-limited') {
    return failure.retryAfterMs === null
      ? t('hub.failure.rateLimitedLater')
      : t('hub.failure.rateLimited', {
          time: formatSyncTime(shown.at + failure.retryAfterMs, i18n.language as LanguageCode),
        });
  }
  if (failure.kind === 'weak-password') return t('hub.failure.weak-password', { min: MIN_PASSWORD_LENGTH });
  return t(`hub.failure.${failure.kind}`);
}

/** Hub address, e-mail and password; Sign in, or Create an account with them. */
export function HubSignInForm({ sessionEnded }: { sessionEnded: boolean }) {
  const { t } = useTranslation('settings');
  const [address, setAddress] = useState(fixedHubUrl ?? '');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [shown, setShown] = useState<Shown | null>(null);
  const problemId = useId();

  async function submit(action: typeof signIn) {
    setBusy(true);
    setShown(null);
    const result = await action(address.trim(), email.trim(), password);
    setBusy(false);
    if (result.ok) setPassword('');
    else setShown({ failure: result.failure, at: Date.now() });
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    void submit(signIn);
  }

  const described = shown ? problemId : undefined;
  return (
    <form className="hub-form" onSubmit={onSubmit} data-testid="hub-sign-in">
      {sessionEnded && (
        <p className="notice notice-warning" role="alert">
          {t('hub.sessionEnded')}
        </p>
      )}
      <label className="hub-field">
        {t('hub.address')}
        <input
          type="url"
          value={address}
          readOnly={fixedHubUrl !== null}
          required
          dir="ltr"
          autoComplete="url"
          placeholder="https://"
          data-testid="hub-address"
          onChange={(event) => setAddress(event.target.value)}
        />
      </label>
      {fixedHubUrl !== null && <p className="hub-hint">{t('hub.addressFixed')}</p>}
      <label className="hub-field">
        {t('hub.email')}
        <input
          type="email"
          value={email}
          required
          dir="ltr"
          autoComplete="username"
          aria-describedby={described}
          data-testid="hub-email"
          onChange={(event) => setEmail(event.target.value)}
        />
      </label>
      <label className="hub-field">
        {t('hub.password')}
        <input
          type="password"
          value={password}
          required
          dir="ltr"
          autoComplete="current-password"
          aria-describedby={described}
          aria-invalid={shown?.failure.kind === 'bad-credentials' || shown?.failure.kind === 'weak-password'}
          data-testid="hub-password"
          onChange={(event) => setPassword(event.target.value)}
        />
      </label>
      <p className="hub-hint">{t('hub.passwordRule', { min: MIN_PASSWORD_LENGTH })}</p>
      {shown && (
        <p id={problemId} className="field-problem" role="alert" data-testid="hub-problem">
          <FailureText shown={shown} />
        </p>
      )}
      <div className="hub-buttons">
        <button type="submit" className="button primary" disabled={busy} data-testid="hub-sign-in-button">
          {t('hub.signIn')}
        </button>
        <button
          type="button"
          className="button"
          disabled={busy}
          data-testid="hub-register-button"
          onClick={(event) => {
            if (event.currentTarget.form?.reportValidity() === false) return;
            void submit(register);
          }}
        >
          {t('hub.register')}
        </button>
      </div>
    </form>
  );
}
