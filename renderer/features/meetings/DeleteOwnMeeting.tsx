import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hashOf } from '../../state/view';
import type { MeetingRecord } from '../../db/records';
import { deleteOwnEvent } from './meetingActions';

/** Deletes a meeting from a calendar file or typed in, after the user confirms; then back to the list. */
export function DeleteOwnMeeting({ meetingId, origin }: { meetingId: string; origin: MeetingRecord['origin'] }) {
  const { t } = useTranslation('meetings');
  const [asking, setAsking] = useState(false);
  const [failed, setFailed] = useState(false);

  const remove = async () => {
    try {
      if (await deleteOwnEvent(meetingId)) window.location.hash = hashOf('meetings');
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
          {t(origin === 'entered' ? 'meeting.deleteEntered' : 'meeting.deleteImported')}
        </button>
      </p>
    );
  }
  return (
    <div role="alertdialog" aria-labelledby="confirm-delete" className="follow-actions">
      <p id="confirm-delete">{t(origin === 'entered' ? 'meeting.confirmDeleteEntered' : 'meeting.confirmDelete')}</p>
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
