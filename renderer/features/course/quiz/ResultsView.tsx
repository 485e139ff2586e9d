import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuestionRecord, QuizAttemptRecord } from '../../../db/records';
import { formatPercent } from '../../../i18n/format';
import { navigate } from '../../../state/view';
import { InlineText } from '../../../ui/InlineText';
import { BackLink } from '../BackLink';
import { startModuleQuiz, startPractice } from '../courseActions';
import { choicesInOrder } from '../model/choiceOrder';
import { answerVerdict, CERTIFICATE_THRESHOLD, choiceVerdict, isAnswerCorrect, reachesLine } from '../model/scoring';
import { useCourseStanding } from '../useCourse';
import { useLanguage } from '../../../i18n/useLanguage';
import { AnswerVerdictText, ChoiceMark } from './ChoiceMark';
import { PracticeBreakdown } from './PracticeBreakdown';

/** A finished attempt: the score, every question with the answer given and the right one, and a retake. */
export function ResultsView({ attempt, questions }: { attempt: QuizAttemptRecord; questions: QuestionRecord[] }) {
  const { t } = useTranslation('course');
  const lang = useLanguage();
  const course = useCourseStanding();
  const score = attempt.score ?? 0;
  const right = questions.filter((q) => isAnswerCorrect(attempt.answers[q.id], q.correctChoiceIds)).length;
  const retake = () => void (attempt.moduleId ? startModuleQuiz(lang, attempt.moduleId) : startPractice(lang));
  const threshold = formatPercent(CERTIFICATE_THRESHOLD, lang);
  const isPractice = attempt.kind === 'practice';
  const headingRef = useRef<HTMLHeadingElement>(null);

  // The results replace the quiz on the same page: start them at their heading, not where the
  // learner had scrolled to submit.
  useEffect(() => {
    window.scrollTo({ top: 0 });
    headingRef.current?.focus({ preventScroll: true });
  }, [attempt.id]);

  return (
    <section className="results" aria-labelledby="results-heading">
      <BackLink moduleId={attempt.moduleId ?? undefined} label={attempt.moduleId ? t('backToModule') : undefined} />
      <h1 id="results-heading" ref={headingRef} tabIndex={-1}>
        {isPractice ? t('results.practiceHeading') : t('results.heading')}
      </h1>
      <p className="results-score" data-testid="attempt-score">
        {t('results.score', { score: formatPercent(score, lang) })}
      </p>
      <p>{t('results.correctCount', { count: right, total: questions.length })}</p>
      <p className={reachesLine(score) ? 'notice notice-success' : 'notice notice-warning'}>
        {isPractice
          ? t('results.practiceNote')
          : reachesLine(score)
            ? t('results.aboveLine', { threshold })
            : t('results.belowLine', { threshold })}
      </p>
      {!isPractice && course?.standing.isCertificateEarned && (
        <div className="notice notice-success certificate-earned" role="status" data-testid="certificate-earned">
          <p>
            <strong>{t('results.certificateEarned')}</strong>{' '}
            {t('results.certificateEarnedDetail', { score: formatPercent(course.standing.overall, lang) })}
          </p>
          <button type="button" className="button primary" onClick={() => navigate('course', 'certificate')}>
            {t('standing.getCertificate')}
          </button>
        </div>
      )}
      {isPractice && course && (
        <PracticeBreakdown questions={questions} answers={attempt.answers} modules={course.modules} />
      )}
      <button type="button" className="button primary" data-testid="retake" onClick={retake}>
        {t('results.retake')}
      </button>

      <h2>{t('results.review')}</h2>
      <ol className="review-list">
        {questions.map((question) => {
          const given = attempt.answers[question.id];
          const verdict = answerVerdict(given, question.correctChoiceIds);
          return (
            <li key={question.id} className={`card review is-${verdict === 'right' ? 'right' : 'wrong'}`}>
              <p className="review-prompt">
                <InlineText text={question.prompt} />
              </p>
              <p className="verdict">
                <AnswerVerdictText verdict={verdict} />
                {!given?.length && <span className="review-none"> {t('results.noAnswerGiven')}</span>}
              </p>
              <ul className="review-choices">
                {choicesInOrder(question.choices, attempt.choiceOrder?.[question.id]).map((choice) => {
                  const choiceState = choiceVerdict(choice.id, given, question.correctChoiceIds);
                  return (
                    <li key={choice.id} className={`review-choice is-${choiceState}`} data-choice-id={choice.id}>
                      <InlineText text={choice.text} />
                      <ChoiceMark verdict={choiceState} />
                    </li>
                  );
                })}
              </ul>
              <p className="review-explanation">
                <InlineText text={question.explanation} />
              </p>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
