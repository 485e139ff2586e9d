import { useTranslation } from 'react-i18next';
import { FULL_SCORE, type CertificatePayload } from '../../../certificates/certificateFormat';
import type { CertificateRecord } from '../../../db/records';
import { formatDate, formatPercent } from '../../../i18n/format';
import { directionOf } from '../../../i18n/languages';
import { useLanguage } from '../../../i18n/useLanguage';
import { CertificateQr } from './CertificateQr';
import { signedOnDate } from './signedOn';

/** A certificate the hub signed, as verified on this device: its code and what the code says. */
export interface VerifiedCertificate {
  code: string;
  payload: CertificatePayload;
}

/**
 * The certificate of achievement as printed: A4 landscape, in the interface language. Verified,
 * it shows the hub's figures, date and id, and carries the signed code as a QR code and as text.
 */
export function CertificateView({
  certificate,
  verified,
}: {
  certificate: CertificateRecord;
  verified?: VerifiedCertificate | null | undefined;
}) {
  const { t } = useTranslation('course');
  const lang = useLanguage();
  const payload = verified?.payload;
  const name = payload?.holderName ?? certificate.name;
  const overall = payload ? payload.overallScore / FULL_SCORE : certificate.overallScore;
  const date = payload ? signedOnDate(payload.issuedOn) : new Date(certificate.issuedAt);
  return (
    <article
      className="certificate"
      lang={lang}
      dir={directionOf(lang)}
      data-testid="certificate"
      data-status={verified ? 'verified' : 'provisional'}
    >
      <div className="certificate-frame">
        <p className="certificate-kicker">{t('certificate.issuer')}</p>
        <h2 className="certificate-title">{t('certificate.title')}</h2>
        <p className="certificate-course">{t('certificate.course')}</p>
        <p>{t('certificate.certifies')}</p>
        <p className="certificate-name">
          <bdi>{name}</bdi>
        </p>
        <p>{t('certificate.completed', { score: formatPercent(overall, lang) })}</p>
        <dl className="certificate-facts">
          <div>
            <dt>{t('certificate.date')}</dt>
            <dd>{formatDate(date, lang, payload ? { dateStyle: 'long', timeZone: 'UTC' } : undefined)}</dd>
          </div>
          <div>
            <dt>{t('certificate.id')}</dt>
            <dd>
              <bdi>{payload?.certificateId ?? certificate.id}</bdi>
            </dd>
          </div>
        </dl>
        {verified ? (
          <div className="certificate-proof" data-testid="certificate-proof">
            <CertificateQr code={verified.code} label={t('certificate.qrLabel')} />
            <div className="certificate-proof-text">
              <p className="certificate-verified" data-testid="certificate-verified">
                {t('certificate.verified', {
                  date: formatDate(date, lang, { dateStyle: 'long', timeZone: 'UTC' }),
                  keyId: `\u2068${verified.payload.keyId}\u2069`,
                })}
              </p>
              <p className="certificate-code-label">{t('certificate.codeLabel')}</p>
              <p className="certificate-code" dir="ltr" lang="en" translate="no" data-testid="certificate-code">
                {verified.code}
              </p>
              <p className="certificate-check-hint">{t('certificate.checkHint')}</p>
            </div>
          </div>
        ) : (
          <p className="certificate-provisional">{t('certificate.provisional')}</p>
        )}
        <p className="certificate-independence">{t('certificate.independence')}</p>
      </div>
    </article>
  );
}
