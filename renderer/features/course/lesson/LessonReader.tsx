import { useTranslation } from 'react-i18next';
import { db } from '../../../db';
import { lessonIn, lessonProgressOf, lessonsIn } from '../../../db/course';
import { useLiveQuery } from '../../../db/hooks';
import { hashOf } from '../../../state/view';
import { BackLink } from '../BackLink';
import { useLanguage } from '../../../i18n/useLanguage';
import { LessonBody } from './LessonBody';
import { useReadingPosition } from './useReadingPosition';

export function LessonReader({ lessonId }: { lessonId: string }) {
  const { t } = useTranslation('course');
  const lang = useLanguage();
  const data = useLiveQuery(async () => {
    const lesson = await lessonIn(db, lang, lessonId);
    const siblings = lesson ? await lessonsIn(db, lang, lesson.moduleId) : [];
    const isRead = Boolean((await lessonProgressOf(db, lessonId))?.readAt);
    return { lesson, siblings, isRead };
  }, [lang, lessonId]);
  const endRef = useReadingPosition(data?.lesson);
  if (!data) return null;
  const { lesson, siblings, isRead } = data;
  if (!lesson) return <BackLink />;

  const index = siblings.findIndex((l) => l.id === lesson.id);
  const previous = siblings[index - 1];
  const next = siblings[index + 1];

  return (
    <article className="lesson" lang={lang}>
      <BackLink moduleId={lesson.moduleId} label={t('backToModule')} />
      <p className="lesson-position">
        {t('lesson.position', { number: index + 1, total: siblings.length })}
        {isRead && (
          <span className="badge" data-testid="lesson-read">
            {t('module.read')}
          </span>
        )}
      </p>
      <h1 tabIndex={-1}>{lesson.title}</h1>
      <LessonBody html={lesson.body} />
      <div ref={endRef} className="lesson-end" />
      <aside className="lesson-sources" aria-labelledby="sources-heading">
        <h2 id="sources-heading">{t('lesson.sources')}</h2>
        <ul>
          {lesson.sources.map((source) => (
            <li key={source}>
              <bdi>{source}</bdi>
            </li>
          ))}
        </ul>
      </aside>
      <nav className="lesson-pager" aria-label={t('lesson.pager')}>
        {previous ? (
          <a rel="prev" href={hashOf('course', ['lesson', previous.id])}>
            {t('lesson.previous', { title: previous.title })}
          </a>
        ) : (
          <span />
        )}
        {next ? (
          <a rel="next" className="button primary" href={hashOf('course', ['lesson', next.id])}>
            {t('lesson.next', { title: next.title })}
          </a>
        ) : (
          <a className="button primary" href={hashOf('course', ['module', lesson.moduleId])}>
            {t('lesson.toQuiz')}
          </a>
        )}
      </nav>
    </article>
  );
}
