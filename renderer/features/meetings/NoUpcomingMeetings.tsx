import { useTranslation } from 'react-i18next';
import { useSyncState } from '../../app/sync/appSync';
import { hashOf } from '../../state/view';

/**
 * When no meeting ahead is known: the ways a meeting reaches this device by hand (typed in from
 * its collective letter, or a calendar file), and the hub's: the secretariat or regional office
 * running it publishes the next meetings, which arrive with sync (signed out: where to sign in).
 */
export function NoUpcomingMeetings({ headingLevel }: { headingLevel: 'h2' | 'h3' }) {
  const { t } = useTranslation('meetings');
  const signedIn = useSyncState((state) => state.account !== null);
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
      <p className="hint" data-testid="no-upcoming-hub">
        {t('agenda.hubNote')}
        {!signedIn && (
          <>
            {' '}
            {t('agenda.hubSignIn')} <a href={hashOf('settings', ['hub'])}>{t('agenda.hubSettingsLink')}</a>
          </>
        )}
      </p>
    </div>
  );
}
