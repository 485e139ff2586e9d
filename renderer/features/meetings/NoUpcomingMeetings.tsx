import { useTranslation } from 'react-i18next';
import { hashOf } from '../../state/view';

/**
 * When no meeting ahead is known: the ways a meeting reaches this device in this version (typed
 * in from its collective letter, or a calendar file), and plainly that a hub's calendar is not
 * available yet.
 */
export function NoUpcomingMeetings({ headingLevel }: { headingLevel: 'h2' | 'h3' }) {
  const { t } = useTranslation('meetings');
  const Heading = headingLevel;
  return (
    <div className="empty-state" data-testid="no-upcoming">
      <Heading>{t('agenda.noUpcoming')}</Heading>
      <p>{t('agenda.waysIntro')}</p>
      <ol className="ways">
        <li>
          <a href={hashOf('meetings', ['add'])}>{t('agenda.wayLetter')}</a>{' '}
          <span className="hint">{t('agenda.wayLetterHint')}</span>
        </li>
        <li>
          <a href={hashOf('meetings')}>{t('agenda.wayFile')}</a> <span className="hint">{t('agenda.wayFileHint')}</span>
        </li>
      </ol>
      <p className="hint">{t('agenda.hubNote')}</p>
    </div>
  );
}
