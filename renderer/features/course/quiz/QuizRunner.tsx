import { useEffect, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuestionRecord, QuizAttemptRecord } from '../../../db/records';
import { navigate } from '../../../state/view';
import { BackLink } from '../BackLink';
import { answerQuestion, completeAttempt } from '../courseActions';
import { isAnswered } from '../model/scoring';
import { useLanguage } from '../../../i18n/useLanguage';
import { QuestionView } from './QuestionView';

/**
 * A module quiz, one question at a time, with feedback after each answer. Each answer is stored
 * before the next question shows, so an attempt left half-done (or a closed app) resumes at the
 * first unanswered question.
 */
export function QuizRunner({ attempt, questions }: { attempt: QuizAttemptRecord; questions: QuestionRecord[] }) {
  const { t } = useTranslation('course');
  const lang = useLanguage();
  const [reviewing, setReviewing] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const [saveFailed, setSaveFailed] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const firstUnanswered = questions.find((q) => !isAnswered(attempt.answers, q.id));
  const current = questions.find((q) => q.id === reviewing) ?? firstUnanswered;
  const index = current ? questions.indexOf(current) : questions.length;

  // Moving to the next question moves focus to it; on arrival the page's heading has focus.
  const shownQuestion = useRef(current?.id);
  useEffect(() => {
    if (shownQuestion.current === current?.id) return;
    shownQuestion.current = current?.id;
    headingRef.current?.focus();
  }, [current?.id]);

  async function submit(choiceIds: string[]) {
    if (!current) return;
    setIsSaving(true);
    // The feedback stays on this question while its answer is stored (the stored answer would
    // otherwise move the quiz on before the learner has read why).
    setReviewing(current.id);
    try {
      await answerQuestion(attempt.id, current.id, choiceIds);
      setSaveFailed(false);
    } catch (error) {
      console.error('Answer not saved', error);
      setReviewing(null);
      setSaveFailed(true);
    } finally {
      setIsSaving(false);
    }
  }

  const leave = () => (attempt.moduleId ? navigate('course', 'module', attempt.moduleId) : navigate('course'));

  return (
    <section className="quiz" aria-labelledby="quiz-title">
      <BackLink moduleId={attempt.moduleId ?? undefined} label={t('quiz.leave')} />
      <h1 id="quiz-title" className="quiz-title" tabIndex={-1}>
        {t('quiz.title')}
      </h1>
      <p className="quiz-progress">
        {t('quiz.progress', { number: Math.min(index + 1, questions.length), total: questions.length })}
      </p>
      <progress max={questions.length} value={Object.keys(attempt.answers).length} aria-hidden="true" />
      {saveFailed && (
        <p className="notice notice-warning" role="alert">
          {t('quiz.notSaved')}
        </p>
      )}
      {current ? (
        <ModuleQuestion
          key={current.id}
          question={current}
          order={attempt.choiceOrder?.[current.id]}
          headingRef={headingRef}
          answered={reviewing === current.id ? attempt.answers[current.id] : undefined}
          isSaving={isSaving}
          onSubmit={submit}
          onNext={() => setReviewing(null)}
          isLast={index === questions.length - 1}
        />
      ) : (
        <div className="quiz-done">
          <h2 ref={headingRef} tabIndex={-1}>
            {t('quiz.allAnswered')}
          </h2>
          <button
            type="button"
            className="button primary"
            data-testid="see-results"
            onClick={() => void completeAttempt(lang, attempt.id)}
          >
            {t('quiz.seeResults')}
          </button>
        </div>
      )}
      <button type="button" className="button subtle" data-testid="leave-quiz" onClick={leave}>
        {t('quiz.saveAndLeave')}
      </button>
    </section>
  );
}

interface ModuleQuestionProps {
  question: QuestionRecord;
  order: readonly string[] | undefined;
  headingRef: RefObject<HTMLHeadingElement | null>;
  /** The stored answer while its feedback is shown; undefined while the question is open. */
  answered: string[] | undefined;
  isSaving: boolean;
  isLast: boolean;
  onSubmit(choiceIds: string[]): void;
  onNext(): void;
}

function ModuleQuestion({
  question,
  order,
  headingRef,
  answered,
  isSaving,
  isLast,
  onSubmit,
  onNext,
}: ModuleQuestionProps) {
  const { t } = useTranslation('course');
  const [selected, setSelected] = useState<string[]>([]);
  const isReviewing = answered !== undefined;
  const submitRef = useRef<HTMLButtonElement>(null);

  // Once answered, the choices are disabled: focus goes to "Next", just after the explanation.
  useEffect(() => {
    if (isReviewing) submitRef.current?.focus();
  }, [isReviewing]);

  return (
    <form
      className="question"
      data-question-id={question.id}
      onSubmit={(event) => {
        event.preventDefault();
        if (isReviewing) onNext();
        else if (selected.length > 0) onSubmit(selected);
      }}
    >
      <QuestionView
        question={question}
        order={order}
        headingRef={headingRef}
        selected={answered ?? selected}
        onChange={setSelected}
        disabled={isReviewing || isSaving}
        showsFeedback={isReviewing}
      />
      <button ref={submitRef} type="submit" className="button primary" disabled={!isReviewing && selected.length === 0}>
        {isReviewing ? (isLast ? t('quiz.finishReview') : t('quiz.next')) : t('quiz.check')}
      </button>
    </form>
  );
}
