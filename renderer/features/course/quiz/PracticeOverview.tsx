import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuestionRecord, QuizAttemptRecord } from '../../../db/records';
import { InlineText } from '../../../ui/InlineText';
import { isAnswered } from '../model/scoring';

interface Props {
  attempt: QuizAttemptRecord;
  questions: QuestionRecord[];
  headingRef: RefObject<HTMLHeadingElement | null>;
  onOpen(index: number): void;
  onSubmit(): void;
}

/** Every question of the practice assessment with its state, before the learner submits. */
export function PracticeOverview({ attempt, questions, headingRef, onOpen, onSubmit }: Props) {
  const { t } = useTranslation('course');
  const flagged = new Set(attempt.flagged ?? []);
  const unanswered = questions.filter((q) => !isAnswered(attempt.answers, q.id)).length;
  const flaggedCount = questions.filter((q) => flagged.has(q.id)).length;

  return (
    <div className="practice-overview" data-testid="practice-overview">
      <h2 ref={headingRef} tabIndex={-1}>
        {t('practice.overviewHeading')}
      </h2>
      <p>
        {t('practice.unansweredCount', { count: unanswered })} {t('practice.flaggedCount', { count: flaggedCount })}
      </p>
      <ol className="overview-list">
        {questions.map((question, index) => {
          const answered = isAnswered(attempt.answers, question.id);
          const isFlagged = flagged.has(question.id);
          return (
            <li
              key={question.id}
              className={`overview-item ${answered ? 'is-answered' : 'is-unanswered'} ${isFlagged ? 'is-flagged' : ''}`}
              data-question-id={question.id}
            >
              <button type="button" className="overview-open" onClick={() => onOpen(index)}>
                <span className="overview-number">{t('practice.questionNumber', { number: index + 1 })}</span>
                <span className="overview-prompt">
                  <InlineText text={question.prompt} />
                </span>
                <span className="overview-state">
                  {answered ? t('practice.stateAnswered') : t('practice.stateUnanswered')}
                  {isFlagged && <span className="badge flag-badge">{t('practice.stateFlagged')}</span>}
                </span>
              </button>
            </li>
          );
        })}
      </ol>
      {unanswered > 0 && <p className="notice notice-warning">{t('practice.unansweredWarning')}</p>}
      <button type="button" className="button primary" data-testid="submit-practice" onClick={onSubmit}>
        {t('practice.submit')}
      </button>
    </div>
  );
}
