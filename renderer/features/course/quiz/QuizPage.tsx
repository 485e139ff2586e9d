import { useTranslation } from 'react-i18next';
import { db } from '../../../db';
import { attemptById, questionsById } from '../../../db/course';
import { useLiveQuery } from '../../../db/hooks';
import { BackLink } from '../BackLink';
import { useLanguage } from '../../../i18n/useLanguage';
import { PracticeRunner } from './PracticeRunner';
import { QuizRunner } from './QuizRunner';
import { ResultsView } from './ResultsView';

/** An attempt: answered one question at a time while open, reviewed once finished. */
export function QuizPage({ attemptId }: { attemptId: string }) {
  const { t } = useTranslation('course');
  const lang = useLanguage();
  const data = useLiveQuery(async () => {
    const attempt = await attemptById(db, attemptId);
    const questions = attempt ? await questionsById(db, lang, attempt.questionIds) : [];
    return { attempt, questions };
  }, [attemptId, lang]);
  if (!data) return null;
  const { attempt, questions } = data;
  if (!attempt || questions.length === 0) return <BackLink label={t('backToCourse')} />;
  if (attempt.finishedAt) return <ResultsView attempt={attempt} questions={questions} />;
  return attempt.kind === 'practice' ? (
    <PracticeRunner attempt={attempt} questions={questions} />
  ) : (
    <QuizRunner attempt={attempt} questions={questions} />
  );
}
