import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuizAttemptRecord } from '../../../db/records';
import { formatNumber } from '../../../i18n/format';
import { practiceDeadline } from '../courseActions';
import { useLanguage } from '../../../i18n/useLanguage';

/**
 * The practice assessment's clock. It runs from the attempt's start, also while the app is
 * closed, as in a timed examination; when it reaches zero the attempt is finished.
 */
export function PracticeTimer({ attempt, onTimeUp }: { attempt: QuizAttemptRecord; onTimeUp: () => Promise<void> }) {
  const { t } = useTranslation('course');
  const lang = useLanguage();
  const deadline = practiceDeadline(attempt);
  const [now, setNow] = useState(() => Date.now());
  const hasEnded = useRef(false);
  const remaining = Math.max(0, deadline - now);

  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);

  useEffect(() => {
    if (remaining === 0 && !hasEnded.current) {
      hasEnded.current = true;
      void onTimeUp();
    }
  }, [remaining, onTimeUp]);

  const seconds = Math.ceil(remaining / 1000);
  const twoDigits = (n: number) => formatNumber(n, lang, { minimumIntegerDigits: 2, useGrouping: false });
  const clock = `${twoDigits(Math.floor(seconds / 60))}:${twoDigits(seconds % 60)}`;
  return (
    <p className={`practice-timer ${seconds <= 300 ? 'is-short' : ''}`} role="timer" aria-live="off">
      {t('practice.timeLeft', { time: clock })}
    </p>
  );
}
