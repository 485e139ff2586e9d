import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { verifyCertificate } from '../../../certificates/verifyCertificate';
import { db } from '../../../db';
import { knownCertificateKeys } from '../../../db/certificateKeys';
import { latestCertificate } from '../../../db/course';
import { useLiveQuery } from '../../../db/hooks';
import { bridge } from '../../../platform/bridge';
import { hashOf } from '../../../state/view';
import { BackLink } from '../BackLink';
import { useCourseStanding } from '../useCourse';
import { makeCertificateId } from './certificateId';
import { CertificateView, type VerifiedCertificate } from './CertificateView';
import { HubCertificatePanel } from './HubCertificatePanel';
import { useReasonText } from '../verify/useReasonText';
import { saveCertificate } from '../courseActions';

const MAX_NAME_LENGTH = 100;

export function CertificatePage() {
  const { t } = useTranslation('course');
  const course = useCourseStanding();
  const stored = useLiveQuery(
    async () => ({ certificate: (await latestCertificate(db)) ?? null, keys: await knownCertificateKeys(db) }),
    [],
  );
  const reasonText = useReasonText();
  const [isEditing, setIsEditing] = useState(false);
  const [name, setName] = useState('');
  const [hasFailed, setHasFailed] = useState(false);
  if (!course || !stored) return null;
  const { certificate, keys } = stored;
  const { standing } = course;
  // The stored code is checked again on every view: a key revoked since makes it provisional again.
  const verification = certificate?.code ? verifyCertificate(certificate.code, keys) : null;
  const verified: VerifiedCertificate | null =
    certificate?.code && verification?.ok ? { code: certificate.code, payload: verification.certificate } : null;

  if (!standing.isCertificateEarned && !certificate) {
    return (
      <>
        <BackLink />
        <h1 tabIndex={-1}>{t('certificate.title')}</h1>
        <p>{t('standing.notYet')}</p>
      </>
    );
  }

  async function issue(event: FormEvent) {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return;
    const bestAttemptIds = standing.modules.flatMap((m) => (m.bestAttemptId ? [m.bestAttemptId] : []));
    try {
      await saveCertificate({
        id: makeCertificateId(),
        name: trimmed,
        overallScore: standing.overall,
        attemptIds: bestAttemptIds,
      });
      setHasFailed(false);
      setIsEditing(false);
    } catch (error) {
      console.error('Certificate not saved', error);
      setHasFailed(true);
    }
  }

  const showsForm = !certificate || isEditing;
  return (
    <>
      <div className="no-print">
        <BackLink />
        <h1 tabIndex={-1}>{t('certificate.pageTitle')}</h1>
      </div>
      {showsForm ? (
        <form className="card certificate-form no-print" onSubmit={(event) => void issue(event)}>
          <label htmlFor="certificate-name">{t('certificate.nameLabel')}</label>
          <p className="hint" id="certificate-name-hint">
            {t('certificate.nameHint')}
          </p>
          <input
            id="certificate-name"
            aria-describedby="certificate-name-hint"
            value={name}
            maxLength={MAX_NAME_LENGTH}
            autoComplete="name"
            required
            onChange={(event) => setName(event.target.value)}
          />
          <button type="submit" className="button primary" data-testid="create-certificate" disabled={!name.trim()}>
            {t('certificate.create')}
          </button>
          {hasFailed && (
            <p className="notice notice-warning" role="alert">
              {t('certificate.notSaved')}
            </p>
          )}
        </form>
      ) : null}
      {certificate && !isEditing && (
        <>
          <div className="certificate-actions no-print">
            <button
              type="button"
              className="button primary"
              onClick={() => void bridge.savePageAsPdf(t('certificate.fileName', { name: certificate.name }))}
            >
              {t('certificate.savePdf')}
            </button>
            <a className="button" href={hashOf('course', ['verify'])}>
              {t('verify.link')}
            </a>
            <button
              type="button"
              className="button"
              onClick={() => {
                setName(certificate.name);
                setIsEditing(true);
              }}
            >
              {t('certificate.changeName')}
            </button>
          </div>
          {verification && !verification.ok && (
            <p className="notice notice-warning no-print" data-testid="certificate-no-longer-valid">
              {t('certificate.noLongerValid', {
                reason: reasonText(verification.reason, verification.certificate?.keyId),
              })}
            </p>
          )}
          <HubCertificatePanel
            certificate={certificate}
            verified={verified?.payload ?? null}
            standing={standing}
            modules={course.modules.map(({ id, title }) => ({ id, title }))}
          />
          <CertificateView certificate={certificate} verified={verified} />
        </>
      )}
    </>
  );
}
