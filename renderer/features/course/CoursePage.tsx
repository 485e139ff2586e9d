import './course.css';
import { useViewStore } from '../../state/view';
import { CertificatePage } from './certificate/CertificatePage';
import { CourseOverview } from './overview/CourseOverview';
import { LessonReader } from './lesson/LessonReader';
import { ModulePage } from './overview/ModulePage';
import { QuizPage } from './quiz/QuizPage';
import { VerifyPage } from './verify/VerifyPage';

/** The course's own routes: #/course, …/module/m1, …/lesson/m1-l2, …/quiz/<attempt>, …/certificate, …/verify. */
export function CoursePage() {
  const [place, id] = useViewStore((state) => state.path);
  if (place === 'module' && id) return <ModulePage moduleId={id} />;
  if (place === 'lesson' && id) return <LessonReader lessonId={id} />;
  if (place === 'quiz' && id) return <QuizPage attemptId={id} />;
  if (place === 'certificate') return <CertificatePage />;
  if (place === 'verify') return <VerifyPage />;
  return <CourseOverview />;
}
