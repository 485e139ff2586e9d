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
 */
export function useReadingPosition(lesson: LessonRecord | undefined) {
  const endRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!lesson) return;
    let isActive = true;
    let timer: number | undefined;
    void lessonProgressOf(db, lesson.id).then((saved) => {
      if (!isActive) return;
      const scrollable = document.documentElement.scrollHeight - window.innerHeight;
      window.scrollTo({ top: saved && !saved.readAt ? saved.position * scrollable : 0 });
    });
    const onScroll = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => void saveLessonPosition(db, lesson, scrolledFraction()), 400);
    };
    window.addEventListener('scroll', onScroll, { passive: true });

    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) void markLessonRead(db, lesson);
    });
    if (endRef.current) observer.observe(endRef.current);
    return () => {
      isActive = false;
      window.clearTimeout(timer);
      window.removeEventListener('scroll', onScroll);
      observer.disconnect();
    };
  }, [lesson]);

  return endRef;
}
