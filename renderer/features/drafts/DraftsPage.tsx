import { PlaceholderSection } from '../../ui/PlaceholderSection';

export function DraftsPage() {
  return <PlaceholderSection namespace="drafts" />;
}
