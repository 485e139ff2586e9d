import { useTranslation } from 'react-i18next';
import { packUpdatesEnabled, usePackUpdates } from '../../app/sync/appSync';
import { languageName, packName, packProgressText } from '../../app/sync/packUpdateText';
import { formatBytes } from '../../i18n/format';
import { isLanguageCode, type LanguageCode } from '../../i18n/languages';
import type { PackRefusalRecord } from '../../db/records';
import { downloadCourseInOtherLanguages } from './hubActions';

function Refusal({ refusal, language }: { refusal: PackRefusalRecord; language: LanguageCode }) {
  const { t } = useTranslation('settings');
  const [kind, lang] = refusal.id.split('/');
  const what =
    kind === 'course' && isLanguageCode(lang)
      ? t('hub.packs.refused.course', { language: languageName(lang, language), version: refusal.version })
      : kind === 'calendar'
        ? t('hub.packs.refused.calendar', { version: refusal.version })
        : t('hub.packs.refused.certificateKeys', { version: refusal.version });
  return (
    <li
      className="notice notice-warning"
      data-testid="pack-refusal"
      data-pack={refusal.id}
      data-reason={refusal.reason}
    >
      <p>{what}</p>
      <p>{t(`hub.packs.reason.${refusal.reason}`)}</p>
    </li>
  );
}

/** Settings → Hub: calendar and course updates from the hub, their download, and what was refused. */
export function PackUpdates() {
  const { t, i18n } = useTranslation('settings');
  const { t: tShell } = useTranslation('shell');
  const language = i18n.language as LanguageCode;
  const phase = usePackUpdates((state) => state.phase);
  const progress = usePackUpdates((state) => state.progress);
  const installed = usePackUpdates((state) => state.installed);
  const refusals = usePackUpdates((state) => state.refusals);
  const manifestRefusal = usePackUpdates((state) => state.manifestRefusal);
  const others = usePackUpdates((state) => state.otherLanguages);

  if (!packUpdatesEnabled) return null;
  return (
    <div className="pack-updates" data-testid="pack-updates" data-phase={phase}>
      <h3>{t('hub.packs.heading')}</h3>
      {progress ? (
        <div data-testid="pack-progress" data-done={progress.done} data-total={progress.total}>
          <p>{t('hub.packs.downloading', { what: packName(progress.packId, tShell, language) })}</p>
          <progress max={progress.total} value={progress.done} />
          <p className="hub-hint">{packProgressText(progress, tShell, language)}</p>
        </div>
      ) : (
        <p className="hub-hint">{t('hub.packs.explanation')}</p>
      )}
      {installed.length > 0 && !progress && (
        <p className="notice notice-success" role="status" data-testid="pack-installed">
          {t('hub.packs.installed', {
            what: new Intl.ListFormat(language).format(installed.map((id) => packName(id, tShell, language))),
          })}
        </p>
      )}
      {manifestRefusal && (
        <p className="notice notice-warning" data-testid="pack-manifest-refused" data-reason={manifestRefusal}>
          {t(`hub.packs.manifestRefused.${manifestRefusal}`)}
        </p>
      )}
      {refusals.length > 0 && (
        <ul className="pack-refusals">
          {refusals.map((refusal) => (
            <Refusal key={refusal.id} refusal={refusal} language={language} />
          ))}
        </ul>
      )}
      {others.count > 0 && (
        <p>
          {t('hub.packs.otherLanguages', { count: others.count, size: formatBytes(others.bytes, language) })}{' '}
          <button
            type="button"
            className="button"
            data-testid="pack-other-languages"
            disabled={phase !== 'idle'}
            onClick={() => void downloadCourseInOtherLanguages()}
          >
            {t('hub.packs.downloadOthers')}
          </button>
        </p>
      )}
    </div>
  );
}
