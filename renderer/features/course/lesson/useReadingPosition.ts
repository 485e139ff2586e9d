import { useEffect, useRef } from 'react';
import { db } from '../../../db';
import { lessonProgressOf, markLessonRead, saveLessonPosition } from '../../../db/course';
import type { LessonRecord } from '../../../db/records';

function scrolledFraction(): number {
  const scrollable = document.documentElement.scrollHeight - window.innerHeight;
  return scrollable <= 0 ? 1 : window.scrollY / scrollable;
}

/**
 * Restores where the reader was in the lesson, saves the place as they scroll, and marks the
 * lesson read when its end comes into view.
 *
 * The place is restored once per lesson opened. The effect depends on the lesson's id, not on
 * the lesson record: the reader's live query hands over a new record after every stored change
 * (the place saved on a pause in scrolling, the lesson marked read), and restoring again then
 * snapped the page back while the learner was reading.
 */
export function useReadingPosition(lesson: Pick<LessonRecord, 'id' | 'moduleId'> | undefined) {
  const endRef = useRef<HTMLDivElement>(null);
  const lessonId = lesson?.id;
  const moduleId = lesson?.moduleId;

  useEffect(() => {
    if (lessonId === undefined || moduleId === undefined) return;
    const place = { id: lessonId, moduleId };
    let isActive = true;
    let timer: number | undefined;
    void lessonProgressOf(db, lessonId).then((saved) => {
      if (!isActive) return;
      const scrollable = document.documentElement.scrollHeight - window.innerHeight;
      window.scrollTo({ top: saved && !saved.readAt ? saved.position * scrollable : 0 });
    });
    const onScroll = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => void saveLessonPosition(db, place, scrolledFraction()), 400);
    };
    window.addEventListener('scroll', onScroll, { passive: true });

    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) void markLessonRead(db, place);
    });
    if (endRef.current) observer.observe(endRef.current);
    return () => {
      isActive = false;
      window.clearTimeout(timer);
      window.removeEventListener('scroll', onScroll);
      observer.disconnect();
    };
  }, [lessonId, moduleId]);

  return endRef;
}
