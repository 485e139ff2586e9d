import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuestionRecord, QuizAttemptRecord } from '../../../db/records';
import { navigate } from '../../../state/view';
import { BackLink } from '../BackLink';
import { answerQuestion, completeAttempt, flagQuestion } from '../courseActions';
import { isAnswered } from '../model/scoring';
import { useLanguage } from '../../../i18n/useLanguage';
import { PracticeOverview } from './PracticeOverview';
import { PracticeTimer } from './PracticeTimer';
import { QuestionView } from './QuestionView';

/**
 * The practice assessment, as in an examination: no feedback until the end; the learner moves
 * back and forth, changes answers, flags questions, and sees an overview before submitting.
 * Every choice is stored as it is made, so nothing is lost if the app closes.
 */
export function PracticeRunner({ attempt, questions }: { attempt: QuizAttemptRecord; questions: QuestionRecord[] }) {
  const { t } = useTranslation('course');
  const lang = useLanguage();
  const [index, setIndex] = useState(() => {
    const first = questions.findIndex((q) => !isAnswered(attempt.answers, q.id));
    return first === -1 ? questions.length - 1 : first;
  });
  const [showsOverview, setShowsOverview] = useState(false);
  const [saveFailed, setSaveFailed] = useState(false);
  // What the learner ticked, shown at once; the store follows (writes run in the order made).
  const [ticked, setTicked] = useState<Record<string, string[]>>({});
  const headingRef = useRef<HTMLHeadingElement>(null);
  const current = questions[index]!;
  const flagged = new Set(attempt.flagged ?? []);
  const isFlagged = flagged.has(current.id);

  // Moving to another question or the overview moves focus to its heading.
  const shown = useRef(`${index}/${showsOverview}`);
  useEffect(() => {
    const place = `${index}/${showsOverview}`;
    if (shown.current === place) return;
    shown.current = place;
    headingRef.current?.focus();
  }, [index, showsOverview]);

  async function store(write: () => Promise<void>) {
    try {
      await write();
      setSaveFailed(false);
    } catch (error) {
      console.error('Practice answer not saved', error);
      setSaveFailed(true);
    }
  }

  const finish = () => completeAttempt(lang, attempt.id);
  const goTo = (target: number) => {
    setShowsOverview(false);
    setIndex(target);
  };

  return (
    <section className="quiz practice" aria-labelledby="quiz-title">
      <BackLink label={t('quiz.leave')} />
      <h1 id="quiz-title" className="quiz-title" tabIndex={-1}>
        {t('practice.heading')}
      </h1>
      <PracticeTimer attempt={attempt} onTimeUp={finish} />
      <p className="quiz-progress">
        {showsOverview
          ? t('practice.answeredCount', {
              count: questions.filter((q) => isAnswered(attempt.answers, q.id)).length,
              total: questions.length,
            })
          : t('quiz.progress', { number: index + 1, total: questions.length })}
      </p>
      {saveFailed && (
        <p className="notice notice-warning" role="alert">
          {t('quiz.notSaved')}
        </p>
      )}
      {showsOverview ? (
        <PracticeOverview
          attempt={attempt}
          questions={questions}
          headingRef={headingRef}
          onOpen={goTo}
          onSubmit={() => void finish()}
        />
      ) : (
        <form
          className="question"
          data-question-id={current.id}
          onSubmit={(event) => {
            event.preventDefault();
            if (index < questions.length - 1) goTo(index + 1);
            else setShowsOverview(true);
          }}
        >
          <QuestionView
            key={current.id}
            question={current}
            order={attempt.choiceOrder?.[current.id]}
            headingRef={headingRef}
            selected={ticked[current.id] ?? attempt.answers[current.id] ?? []}
            onChange={(choiceIds) => {
              setTicked((before) => ({ ...before, [current.id]: choiceIds }));
              void store(() => answerQuestion(attempt.id, current.id, choiceIds));
            }}
            disabled={false}
            showsFeedback={false}
          />
          <p className="hint">{t('practice.savedAsYouGo')}</p>
          <div className="practice-actions">
            <button
              type="button"
              className="button"
              data-testid="previous-question"
              disabled={index === 0}
              onClick={() => goTo(index - 1)}
            >
              {t('practice.previous')}
            </button>
            <button
              type="button"
              className={`button flag-button ${isFlagged ? 'is-flagged' : ''}`}
              data-testid="flag-question"
              aria-pressed={isFlagged}
              onClick={() => void store(() => flagQuestion(attempt.id, current.id, !isFlagged))}
            >
              {t('practice.flag')}
            </button>
            <button type="submit" className="button primary" data-testid="next-question">
              {index < questions.length - 1 ? t('practice.next') : t('practice.toOverview')}
            </button>
          </div>
          <button
            type="button"
            className="button subtle"
            data-testid="open-overview"
            onClick={() => setShowsOverview(true)}
          >
            {t('practice.overview')}
          </button>
        </form>
      )}
      <button type="button" className="button subtle" data-testid="leave-quiz" onClick={() => navigate('course')}>
        {t('quiz.saveAndLeave')}
      </button>
    </section>
  );
}
