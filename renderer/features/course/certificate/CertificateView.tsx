import { useTranslation } from 'react-i18next';
import type { CertificateRecord } from '../../../db/records';
import { formatDate, formatPercent } from '../../../i18n/format';
import { directionOf } from '../../../i18n/languages';
import { useLanguage } from '../../../i18n/useLanguage';

/** The certificate of achievement as printed: A4 landscape, in the interface language. */
export function CertificateView({ certificate }: { certificate: CertificateRecord }) {
  const { t } = useTranslation('course');
  const lang = useLanguage();
  return (
    <article className="certificate" lang={lang} dir={directionOf(lang)} data-testid="certificate">
      <div className="certificate-frame">
        <p className="certificate-kicker">{t('certificate.issuer')}</p>
        <h2 className="certificate-title">{t('certificate.title')}</h2>
        <p className="certificate-course">{t('certificate.course')}</p>
        <p>{t('certificate.certifies')}</p>
        <p className="certificate-name">
          <bdi>{certificate.name}</bdi>
        </p>
        <p>{t('certificate.completed', { score: formatPercent(certificate.overallScore, lang) })}</p>
        <dl className="certificate-facts">
          <div>
            <dt>{t('certificate.date')}</dt>
            <dd>{formatDate(new Date(certificate.issuedAt), lang)}</dd>
          </div>
          <div>
            <dt>{t('certificate.id')}</dt>
            <dd>
              <bdi>{certificate.id}</bdi>
            </dd>
          </div>
        </dl>
        {certificate.status === 'provisional' && (
          <p className="certificate-provisional">{t('certificate.provisional')}</p>
        )}
        <p className="certificate-independence">{t('certificate.independence')}</p>
      </div>
    </article>
  );
}
