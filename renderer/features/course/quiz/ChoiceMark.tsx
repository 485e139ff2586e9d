import { useTranslation } from 'react-i18next';
import type { ChoiceVerdict } from '../model/scoring';

/** Icons drawn, not taken from a font, so that every script shows the same shapes. */
function Icon({ verdict }: { verdict: Exclude<ChoiceVerdict, 'unchosen'> }) {
  return (
    <svg className="mark-icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      {verdict === 'chosen-right' && <path d="M3 8.5l3.2 3.2L13 5" />}
      {verdict === 'chosen-wrong' && <path d="M4 4l8 8M12 4l-8 8" />}
      {verdict === 'missed' && (
        <>
          <circle cx="8" cy="8" r="6" />
          <path d="M8 4.5v4.5M8 11v0.5" />
        </>
      )}
    </svg>
  );
}

/**
 * What became of one choice, in words and an icon as well as colour (WCAG 1.4.1): ticked and
 * right, ticked and wrong, or right but not ticked.
 */
export function ChoiceMark({ verdict }: { verdict: ChoiceVerdict }) {
  const { t } = useTranslation('course');
  if (verdict === 'unchosen') return null;
  const text = {
    'chosen-right': t('quiz.mark.chosenRight'),
    'chosen-wrong': t('quiz.mark.chosenWrong'),
    missed: t('quiz.mark.missed'),
  }[verdict];
  return (
    <span className={`choice-mark is-${verdict}`} data-verdict={verdict}>
      <Icon verdict={verdict} />
      {text}
    </span>
  );
}

/** The verdict on a whole answer, with its icon. */
export function AnswerVerdictText({ verdict }: { verdict: 'right' | 'partly' | 'wrong' }) {
  const { t } = useTranslation('course');
  const text = { right: t('quiz.correct'), partly: t('quiz.partly'), wrong: t('quiz.incorrect') }[verdict];
  return (
    <span className={`verdict-text is-${verdict}`} data-verdict={verdict}>
      <Icon verdict={verdict === 'right' ? 'chosen-right' : verdict === 'partly' ? 'missed' : 'chosen-wrong'} />
      {text}
    </span>
  );
}
