import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { answerFirstSignIn } from './hubActions';

/** Asked once per profile, on its first sign-in: does this device's work go into the account? */
export function FirstSignInQuestion({ email }: { email: string }) {
  const { t } = useTranslation('settings');
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  async function answer(bringLocalWork: boolean) {
    setBusy(true);
    setFailed(false);
    const result = await answerFirstSignIn(bringLocalWork);
    setBusy(false);
    setFailed(!result.ok);
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
      {failed && (
        <p className="field-problem" role="alert">
          {t('hub.question.failed')}
        </p>
      )}
    </div>
  );
}
