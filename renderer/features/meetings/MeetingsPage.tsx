import { PlaceholderSection } from '../../ui/PlaceholderSection';

export function MeetingsPage() {
  return <PlaceholderSection namespace="meetings" />;
}
