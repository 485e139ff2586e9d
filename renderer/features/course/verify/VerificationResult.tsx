import { useTranslation } from 'react-i18next';
import { FULL_SCORE } from '../../../certificates/certificateFormat';
import type { Verification } from '../../../certificates/verifyCertificate';
import { db } from '../../../db';
import { modulesIn } from '../../../db/course';
import { useLiveQuery } from '../../../db/hooks';
import { formatDate, formatPercent } from '../../../i18n/format';
import { useLanguage } from '../../../i18n/useLanguage';
import { signedOnDate } from '../certificate/signedOn';
import { useReasonText } from './useReasonText';

/** What a verified code says, or why it fails, in the interface language. */
export function VerificationResult({ verification }: { verification: Verification }) {
  const { t } = useTranslation('course');
  const lang = useLanguage();
  const reasonText = useReasonText();
  const titles = useLiveQuery(async () => new Map((await modulesIn(db, lang)).map((m) => [m.id, m.title])), [lang]);

  if (!verification.ok) {
    return (
      <section
        className="card verify-result is-invalid"
        data-testid="verify-result"
        data-valid="false"
        data-reason={verification.reason}
      >
        <h2>{t('verify.invalid')}</h2>
        <p data-testid="verify-reason">{reasonText(verification.reason, verification.certificate?.keyId)}</p>
      </section>
    );
  }
  const { certificate, key } = verification;
  const percent = (score: number) => formatPercent(score / FULL_SCORE, lang);
  return (
    <section className="card verify-result is-valid" data-testid="verify-result" data-valid="true">
      <h2>{t('verify.valid')}</h2>
      <p>{t('verify.validExplain', { keyId: `\u2068${key.keyId}\u2069` })}</p>
      <dl className="verify-facts">
        <dt>{t('verify.holder')}</dt>
        <dd data-testid="verify-holder">
          <bdi>{certificate.holderName}</bdi>
        </dd>
        <dt>{t('verify.course')}</dt>
        <dd>{certificate.courseId === 'a1' ? t('verify.courseA1') : <bdi>{certificate.courseId}</bdi>}</dd>
        <dt>{t('verify.contentVersion')}</dt>
        <dd>
          <bdi>{certificate.contentVersion}</bdi>
        </dd>
        <dt>{t('verify.issuedOn')}</dt>
        <dd>{formatDate(signedOnDate(certificate.issuedOn), lang, { dateStyle: 'long', timeZone: 'UTC' })}</dd>
        <dt>{t('verify.certificateId')}</dt>
        <dd>
          <bdi>{certificate.certificateId}</bdi>
        </dd>
        <dt>{t('verify.keyId')}</dt>
        <dd>
          <bdi>{key.keyId}</bdi>
        </dd>
        <dt>{t('verify.overall')}</dt>
        <dd data-testid="verify-overall">{percent(certificate.overallScore)}</dd>
      </dl>
      <h3>{t('verify.modules')}</h3>
      <table className="verify-modules">
        <tbody>
          {certificate.moduleScores.map(({ moduleId, score }) => (
            <tr key={moduleId}>
              <th scope="row">{titles?.get(moduleId) ?? <bdi>{moduleId}</bdi>}</th>
              <td>{percent(score)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
