import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HubAccount } from '../../sync/hubClient';
import { linkAccount, signOut, type LinkResult } from './hubActions';

function Problem({ result }: { result: LinkResult }) {
  const { t } = useTranslation('settings');
  if (result.ok) return null;
  return (
    <p className="field-problem" role="alert" data-testid="hub-question-problem">
      {result.unsyncedChanges === null
        ? t('hub.question.failed')
        : t('hub.switch.unsynced', { count: result.unsyncedChanges })}
    </p>
  );
}

/**
 * Asked before the first sync of an account on this profile. The first account: does this
 * device's work go into it? Another account than the last: the last one's work leaves this device.
 */
export function SignInQuestion({ email, previous }: { email: string; previous: HubAccount | null }) {
  const { t } = useTranslation('settings');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<LinkResult>({ ok: true });

  async function answer(bringLocalWork: boolean) {
    setBusy(true);
    setResult(await linkAccount(bringLocalWork));
    setBusy(false);
  }

  if (previous) {
    return (
      <div className="hub-question" role="group" aria-labelledby="hub-question" data-testid="hub-question">
        <h3 id="hub-question">{t('hub.switch.heading')}</h3>
        <p>{t('hub.switch.explanation', { email, previous: previous.email })}</p>
        <div className="hub-buttons">
          <button
            type="button"
            className="button primary"
            disabled={busy}
            data-testid="hub-switch"
            onClick={() => void answer(false)}
          >
            {t('hub.switch.goAhead')}
          </button>
          <button type="button" className="button" disabled={busy} onClick={() => void signOut()}>
            {t('hub.switch.cancel')}
          </button>
        </div>
        <Problem result={result} />
      </div>
    );
  }

  return (
    <div className="hub-question" role="group" aria-labelledby="hub-question" data-testid="hub-question">
      <h3 id="hub-question">{t('hub.question.heading')}</h3>
      <p>{t('hub.question.explanation', { email })}</p>
      <p>{t('hub.question.yesMeans')}</p>
      <p>{t('hub.question.noMeans')}</p>
      <div className="hub-buttons">
        <button
          type="button"
          className="button primary"
          disabled={busy}
          data-testid="hub-bring-work"
          onClick={() => void answer(true)}
        >
          {t('hub.question.yes')}
        </button>
        <button
          type="button"
          className="button"
          disabled={busy}
          data-testid="hub-leave-work"
          onClick={() => void answer(false)}
        >
          {t('hub.question.no')}
        </button>
      </div>
      <Problem result={result} />
    </div>
  );
}
