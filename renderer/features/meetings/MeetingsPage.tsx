import './meetings.css';
import { useTranslation } from 'react-i18next';
import { hashOf, useViewStore } from '../../state/view';
import { PageHeading } from '../../ui/PageHeading';
import { AgendaView } from './AgendaView';
import { LetterFormPage } from './LetterFormPage';
import { MeetingDetail } from './MeetingDetail';
import { MonthView } from './MonthView';
import { OfficialDatesPage } from './OfficialDatesPage';
import { useMeetings } from './useMeetings';

/**
 * #/meetings (agenda), #/meetings/month, #/meetings/meeting/<id>; #/meetings/add and
 * #/meetings/edit/<id> (a meeting from its letter), #/meetings/letter/<id> (a shipped meeting's official dates).
 */
export function MeetingsPage() {
  const { t } = useTranslation('meetings');
  const [place, id] = useViewStore((state) => state.path);
  const data = useMeetings();
  if (!data) return null;
  if (place === 'meeting' && id) return <MeetingDetail meetingId={id} data={data} />;
  if (place === 'add') return <LetterFormPage data={data} />;
  const meeting = id ? data.meetings.find((m) => m.id === id) : undefined;
  if (place === 'edit' && meeting && meeting.origin !== 'bundled') {
    return <LetterFormPage key={meeting.id} data={data} meeting={meeting} />;
  }
  if (place === 'letter' && meeting) return <OfficialDatesPage key={meeting.id} meeting={meeting} />;
  const isMonth = place === 'month';
  return (
    <>
      <PageHeading title={t('title')} intro={t('intro')} />
      <nav className="view-switch" aria-label={t('views.label')}>
        <a href={hashOf('meetings')} aria-current={isMonth ? undefined : 'page'}>
          {t('views.agenda')}
        </a>
        <a href={hashOf('meetings', ['month'])} aria-current={isMonth ? 'page' : undefined}>
          {t('views.month')}
        </a>
      </nav>
      {isMonth ? <MonthView data={data} /> : <AgendaView data={data} />}
    </>
  );
}
