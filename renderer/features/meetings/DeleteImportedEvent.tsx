import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hashOf } from '../../state/view';
import { deleteImportedEvent } from './meetingActions';

/** Deletes an event that came from a calendar file, after the user confirms; then back to the list. */
export function DeleteImportedEvent({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation('meetings');
  const [asking, setAsking] = useState(false);
  const [failed, setFailed] = useState(false);

  const remove = async () => {
    try {
      if (await deleteImportedEvent(meetingId)) window.location.hash = hashOf('meetings');
      else setFailed(true);
    } catch (error) {
      console.error('Event not deleted', error);
      setFailed(true);
    }
  };

  if (!asking) {
    return (
      <p>
        <button type="button" className="button" data-testid="delete-event" onClick={() => setAsking(true)}>
          {t('meeting.deleteImported')}
        </button>
      </p>
    );
  }
  return (
    <div role="alertdialog" aria-labelledby="confirm-delete" className="follow-actions">
      <p id="confirm-delete">{t('meeting.confirmDelete')}</p>
      <button type="button" className="button primary" data-testid="confirm-delete" onClick={() => void remove()}>
        {t('meeting.confirmDeleteYes')}
      </button>
      <button type="button" className="button" onClick={() => setAsking(false)}>
        {t('meeting.keepEvent')}
      </button>
      {failed && <p role="alert">{t('meeting.notDeleted')}</p>}
    </div>
  );
}
