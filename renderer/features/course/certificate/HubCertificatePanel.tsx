import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSyncState } from '../../../app/sync/appSync';
import { toBasisPoints, type CertificatePayload } from '../../../certificates/certificateFormat';
import type { CertificateRecord } from '../../../db/records';
import { formatPercent } from '../../../i18n/format';
import { useLanguage } from '../../../i18n/useLanguage';
import { hashOf } from '../../../state/view';
import { getVerifiedCertificate } from '../courseActions';
import type { CourseStanding } from '../model/scoring';
import { useReasonText } from '../verify/useReasonText';
import { GradingComparison, type GradingFigures } from './GradingComparison';
import type { VerifiedCertificateResult } from './verifiedCertificate';

export function deviceFigures(standing: CourseStanding): GradingFigures {
  return {
    modules: new Map(standing.modules.map((m) => [m.moduleId, m.best === undefined ? null : toBasisPoints(m.best)])),
    overall: toBasisPoints(standing.overall),
  };
}

export function signedFigures(payload: CertificatePayload): GradingFigures {
  return { modules: new Map(payload.moduleScores.map((m) => [m.moduleId, m.score])), overall: payload.overallScore };
}

const sameFigures = (a: GradingFigures, b: GradingFigures) =>
  a.overall === b.overall && [...a.modules].every(([id, score]) => (b.modules.get(id) ?? null) === score);

/**
 * Getting the hub's signature (not printed): what it takes, the request, and its outcome in words,
 * with the hub's figures beside the device's where they differ.
 */
export function HubCertificatePanel({
  certificate,
  verified,
  standing,
  modules,
}: {
  certificate: CertificateRecord;
  verified: CertificatePayload | null;
  standing: CourseStanding;
  modules: readonly { id: string; title: string }[];
}) {
  const { t } = useTranslation('course');
  const lang = useLanguage();
  const reasonText = useReasonText();
  const account = useSyncState((state) => state.account);
  const [isAsking, setIsAsking] = useState(false);
  const [result, setResult] = useState<VerifiedCertificateResult | null>(null);
  const device = deviceFigures(standing);

  async function ask() {
    setIsAsking(true);
    setResult(null);
    try {
      setResult(await getVerifiedCertificate(certificate));
    } catch (error) {
      console.error('Verified certificate request failed', error);
      setResult({ kind: 'server' });
    } finally {
      setIsAsking(false);
    }
  }

  function outcome(result: VerifiedCertificateResult) {
    switch (result.kind) {
      case 'verified':
        return t('certificate.hub.done');
      case 'rule-not-met':
        return t('certificate.hub.ruleNotMet', { threshold: formatPercent(result.standing.threshold / 10_000, lang) });
      case 'not-pushed':
        return t('certificate.hub.notPushed');
      case 'offline':
        return t('certificate.hub.offline');
      case 'signed-out':
        return t('certificate.hub.signedOut');
      case 'refused':
        return t('certificate.hub.refused', {
          reason: result.reason === 'other-name' ? t('certificate.hub.otherName') : reasonText(result.reason),
        });
      case 'invalid-name':
        return t('certificate.hub.invalidName');
      case 'no-answer-key':
        return t('certificate.hub.noAnswerKey');
      case 'server':
        return t('certificate.hub.server');
      case 'not-saved':
        return t('certificate.hub.notSaved');
    }
  }

  const hubStanding = result?.kind === 'rule-not-met' ? result.standing : null;
  const hubFigures: GradingFigures | null = hubStanding
    ? { modules: new Map(hubStanding.modules.map((m) => [m.moduleId, m.best])), overall: hubStanding.overallScore }
    : verified
      ? signedFigures(verified)
      : null;
  const showsComparison = hubFigures !== null && (hubStanding !== null || !sameFigures(device, hubFigures));

  return (
    <section
      className="card hub-certificate no-print"
      aria-labelledby="hub-certificate-title"
      data-testid="hub-certificate"
    >
      <h2 id="hub-certificate-title">{t('certificate.hub.title')}</h2>
      {!verified && (
        <>
          <p>{t('certificate.hub.explain')}</p>
          {account ? (
            <button
              type="button"
              className="button primary"
              data-testid="request-verified"
              disabled={isAsking || !standing.isCertificateEarned}
              onClick={() => void ask()}
            >
              {t('certificate.hub.request')}
            </button>
          ) : (
            <p>
              {t('certificate.hub.signInFirst')}{' '}
              <a href={hashOf('settings', ['hub'])}>{t('certificate.hub.openSettings')}</a>
            </p>
          )}
        </>
      )}
      <div
        role="status"
        aria-live="polite"
        data-testid="hub-certificate-status"
        data-result={result?.kind ?? (isAsking ? 'asking' : '')}
      >
        {isAsking && <p>{t('certificate.hub.requesting')}</p>}
        {result && <p className={result.kind === 'verified' ? 'notice' : 'notice notice-warning'}>{outcome(result)}</p>}
      </div>
      {showsComparison && hubFigures && (
        <>
          {!hubStanding && <p>{t('certificate.hub.differs')}</p>}
          <GradingComparison modules={modules} device={device} hub={hubFigures} />
          {hubStanding && hubStanding.ignoredAttempts.length > 0 && (
            <p>{t('certificate.hub.ignored', { count: hubStanding.ignoredAttempts.length })}</p>
          )}
        </>
      )}
    </section>
  );
}
