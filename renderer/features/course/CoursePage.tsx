import { PlaceholderSection } from '../../ui/PlaceholderSection';

export function CoursePage() {
  return <PlaceholderSection namespace="course" />;
}
