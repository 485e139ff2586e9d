import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { db } from '../../../db';
import { saveAnswer } from '../../../db/course';
import type { QuestionRecord, QuizAttemptRecord } from '../../../db/records';
import { navigate } from '../../../state/view';
import { BackLink } from '../BackLink';
import { completeAttempt } from '../courseActions';
import { isAnswerCorrect } from '../model/scoring';
import { useLanguage } from '../useCourse';
import { PracticeTimer } from './PracticeTimer';
import { QuestionView } from './QuestionView';

/**
 * One question at a time. Each answer is stored before the next question shows, so an attempt
 * left half-done (or a closed app) resumes at the first unanswered question.
 */
export function QuizRunner({ attempt, questions }: { attempt: QuizAttemptRecord; questions: QuestionRecord[] }) {
  const { t } = useTranslation('course');
  const lang = useLanguage();
  const isPractice = attempt.kind === 'practice';
  const [reviewing, setReviewing] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const [saveFailed, setSaveFailed] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const firstUnanswered = questions.find((q) => !attempt.answers[q.id]);
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
    if (!isPractice) setReviewing(current.id);
    try {
      await saveAnswer(db, attempt.id, current.id, choiceIds);
      setSaveFailed(false);
    } catch (error) {
      console.error('Answer not saved', error);
      setReviewing(null);
      setSaveFailed(true);
    } finally {
      setIsSaving(false);
    }
  }

  async function finish() {
    await completeAttempt(lang, attempt.id);
  }

  const leave = () => (attempt.moduleId ? navigate('course', 'module', attempt.moduleId) : navigate('course'));

  return (
    <section className="quiz" aria-labelledby="quiz-title">
      <BackLink moduleId={attempt.moduleId ?? undefined} label={t('quiz.leave')} />
      <h1 id="quiz-title" className="quiz-title" tabIndex={-1}>
        {isPractice ? t('practice.heading') : t('quiz.title')}
      </h1>
      {isPractice && <PracticeTimer attempt={attempt} onTimeUp={finish} />}
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
        <QuestionView
          key={current.id}
          question={current}
          headingRef={headingRef}
          answered={reviewing === current.id ? attempt.answers[current.id] : undefined}
          isCorrect={reviewing === current.id && isAnswerCorrect(attempt.answers[current.id], current.correctChoiceIds)}
          isSaving={isSaving}
          onSubmit={submit}
          onNext={() => setReviewing(null)}
          isLast={index === questions.length - 1}
          showsFeedback={!isPractice}
        />
      ) : (
        <div className="quiz-done">
          <h2 ref={headingRef} tabIndex={-1}>
            {t('quiz.allAnswered')}
          </h2>
          <button type="button" className="button primary" data-testid="see-results" onClick={() => void finish()}>
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
