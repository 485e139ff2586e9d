import './drafts.css';
import { useViewStore } from '../../state/view';
import { DraftEditorPage } from './editor/DraftEditorPage';
import { DraftsList } from './list/DraftsList';

/** #/drafts (list), #/drafts/trash, #/drafts/edit/<id>. */
export function DraftsPage() {
  const [place, id] = useViewStore((state) => state.path);
  if (place === 'edit' && id) return <DraftEditorPage draftId={id} />;
  return <DraftsList isTrash={place === 'trash'} />;
}
