import './meetings.css';
import { useTranslation } from 'react-i18next';
import { hashOf, useViewStore } from '../../state/view';
import { PageHeading } from '../../ui/PageHeading';
import { AgendaView } from './AgendaView';
import { MeetingDetail } from './MeetingDetail';
import { MonthView } from './MonthView';
import { useMeetings } from './useMeetings';

/** #/meetings (agenda), #/meetings/month, #/meetings/meeting/<id>. */
export function MeetingsPage() {
  const { t } = useTranslation('meetings');
  const [place, id] = useViewStore((state) => state.path);
  const data = useMeetings();
  if (!data) return null;
  if (place === 'meeting' && id) return <MeetingDetail meetingId={id} data={data} />;
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
