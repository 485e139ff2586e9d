import type { SyncDerivations } from '../db/syncStore';
import { scoreAnswers } from '../features/course/model/scoring';
import { draftListFields } from '../features/drafts/model/draftDoc';
import { REMINDER_DAYS_RANGE } from '../features/settings/reminderDays';
import { isLanguageCode } from '../i18n/languages';

/** The features' own rules for what the device recomputes from pulled records. */
export const syncDerivations: SyncDerivations = {
  scoreAttempt: (attempt, correctById) => scoreAnswers(attempt.questionIds, attempt.answers, correctById),
  draftListFields,
  isSettingValue(key, value) {
    switch (key) {
      case 'language':
        return isLanguageCode(value);
      case 'reminderDays':
        return (
          Number.isInteger(value) &&
          (value as number) >= REMINDER_DAYS_RANGE.min &&
          (value as number) <= REMINDER_DAYS_RANGE.max
        );
    }
  },
};
