import { useTranslation } from 'react-i18next';
import type { QuestionRecord, QuizAttemptRecord } from '../../../db/records';
import { formatPercent } from '../../../i18n/format';
import { InlineText } from '../../../ui/InlineText';
import { BackLink } from '../BackLink';
import { startModuleQuiz, startPractice } from '../courseActions';
import { CERTIFICATE_THRESHOLD, isAnswerCorrect } from '../model/scoring';
import { useLanguage } from '../useCourse';

function choiceTexts(question: QuestionRecord, ids: readonly string[] | undefined): string[] {
  return question.choices.filter((c) => ids?.includes(c.id)).map((c) => c.text);
}

/** A finished attempt: the score, every question with the answer given and the right one, and a retake. */
export function ResultsView({ attempt, questions }: { attempt: QuizAttemptRecord; questions: QuestionRecord[] }) {
  const { t } = useTranslation('course');
  const lang = useLanguage();
  const score = attempt.score ?? 0;
  const right = questions.filter((q) => isAnswerCorrect(attempt.answers[q.id], q.correctChoiceIds)).length;
  const retake = () => void (attempt.moduleId ? startModuleQuiz(lang, attempt.moduleId) : startPractice(lang));

  return (
    <section className="results" aria-labelledby="results-heading">
      <BackLink moduleId={attempt.moduleId ?? undefined} label={attempt.moduleId ? t('backToModule') : undefined} />
      <h1 id="results-heading" tabIndex={-1}>
        {attempt.kind === 'practice' ? t('results.practiceHeading') : t('results.heading')}
      </h1>
      <p className="results-score" data-testid="attempt-score">
        {t('results.score', { score: formatPercent(score, lang) })}
      </p>
      <p>{t('results.correctCount', { count: right, total: questions.length })}</p>
      <p className={score >= CERTIFICATE_THRESHOLD ? 'notice notice-success' : 'notice notice-warning'}>
        {attempt.kind === 'practice'
          ? t('results.practiceNote')
          : score >= CERTIFICATE_THRESHOLD
            ? t('results.aboveLine', { threshold: formatPercent(CERTIFICATE_THRESHOLD, lang) })
            : t('results.belowLine', { threshold: formatPercent(CERTIFICATE_THRESHOLD, lang) })}
      </p>
      <button type="button" className="button primary" data-testid="retake" onClick={retake}>
        {t('results.retake')}
      </button>

      <h2>{t('results.review')}</h2>
      <ol className="review-list">
        {questions.map((question) => {
          const given = attempt.answers[question.id];
          const isRight = isAnswerCorrect(given, question.correctChoiceIds);
          return (
            <li key={question.id} className={`card review ${isRight ? 'is-right' : 'is-wrong'}`}>
              <p className="review-prompt">
                <InlineText text={question.prompt} />
              </p>
              <p>
                <strong>{isRight ? t('quiz.correct') : t('quiz.incorrect')}</strong> {t('results.yourAnswer')}{' '}
                {given
                  ? choiceTexts(question, given).map((text) => <InlineText key={text} text={text} />)
                  : t('results.noAnswer')}
              </p>
              {!isRight && (
                <p>
                  {t('results.rightAnswer')}{' '}
                  {choiceTexts(question, question.correctChoiceIds).map((text) => (
                    <InlineText key={text} text={text} />
                  ))}
                </p>
              )}
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
