import { useEffect, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { findCodeInText } from '../../../certificates/findCode';
import { verifyCertificate, type Verification } from '../../../certificates/verifyCertificate';
import { db } from '../../../db';
import { knownCertificateKeys } from '../../../db/certificateKeys';
import { useLiveQuery } from '../../../db/hooks';
import { BackLink } from '../BackLink';
import { codeFromFile } from './codeFromFile';
import { canScanQr, scanQr } from './qrScanner';
import { VerificationResult } from './VerificationResult';

type Problem = 'no-code' | 'no-code-in-pdf' | 'not-pdf' | 'camera';

/**
 * Checks a certificate on this device, with no network: the code pasted, read from the printed
 * PDF, or scanned from its QR code, against the certificate keys this device knows.
 */
export function VerifyPage() {
  const { t } = useTranslation('course');
  const keys = useLiveQuery(() => knownCertificateKeys(db), []);
  const [code, setCode] = useState('');
  const [verification, setVerification] = useState<Verification | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [canScan, setCanScan] = useState(false);
  const [scanning, setScanning] = useState<AbortController | null>(null);
  const video = useRef<HTMLVideoElement>(null);

  useEffect(() => {
    let isCurrent = true;
    void canScanQr().then((can) => isCurrent && setCanScan(can));
    return () => {
      isCurrent = false;
    };
  }, []);
  useEffect(() => () => scanning?.abort(), [scanning]);

  function check(text: string) {
    if (!keys) return;
    // A code copied from paper or a message may be broken over lines or carry text around it.
    const found = findCodeInText(text) ?? text.trim();
    setProblem(found ? null : 'no-code');
    setVerification(found ? verifyCertificate(found, keys) : null);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    check(code);
  }

  async function openFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setVerification(null);
    const found = await codeFromFile(file);
    if (found.kind !== 'code') {
      setProblem(found.kind === 'not-pdf' ? 'not-pdf' : 'no-code-in-pdf');
      return;
    }
    setCode(found.code);
    check(found.code);
  }

  async function scan() {
    if (!video.current) return;
    const controller = new AbortController();
    setScanning(controller);
    setVerification(null);
    setProblem(null);
    try {
      const scanned = await scanQr(video.current, controller.signal);
      if (scanned) {
        setCode(scanned);
        check(scanned);
      }
    } catch (error) {
      console.warn('Camera not available', error);
      setProblem('camera');
    } finally {
      setScanning(null);
    }
  }

  const problemText: Record<Problem, string> = {
    'no-code': t('verify.noCode'),
    'no-code-in-pdf': t('verify.noCodeInPdf'),
    'not-pdf': t('verify.notPdf'),
    camera: t('verify.cameraFailed'),
  };

  return (
    <>
      <BackLink />
      <h1 tabIndex={-1}>{t('verify.title')}</h1>
      <p>{t('verify.intro')}</p>
      <form className="card verify-form" onSubmit={submit}>
        <label htmlFor="verify-code">{t('verify.codeLabel')}</label>
        <p className="hint" id="verify-code-hint">
          {t('verify.codeHint')}
        </p>
        <textarea
          id="verify-code"
          dir="ltr"
          rows={4}
          spellCheck={false}
          autoComplete="off"
          aria-describedby="verify-code-hint"
          value={code}
          onChange={(event) => setCode(event.target.value)}
        />
        <div className="verify-actions">
          <button type="submit" className="button primary" data-testid="verify-code" disabled={!keys}>
            {t('verify.check')}
          </button>
          <label className="button file-button">
            {t('verify.openPdf')}
            <input
              type="file"
              className="visually-hidden"
              accept="application/pdf,.pdf,text/plain,.txt"
              data-testid="verify-file"
              onChange={(event) => void openFile(event)}
            />
          </label>
          {canScan &&
            (scanning ? (
              <button type="button" className="button" onClick={() => scanning.abort()}>
                {t('verify.stopScan')}
              </button>
            ) : (
              <button type="button" className="button" data-testid="verify-scan" onClick={() => void scan()}>
                {t('verify.scan')}
              </button>
            ))}
        </div>
        {canScan && (
          <div className="verify-camera" hidden={!scanning}>
            <p>{t('verify.scanning')}</p>
            <video ref={video} muted playsInline />
          </div>
        )}
      </form>
      <div aria-live="polite" data-testid="verify-outcome">
        {problem && (
          <p className="notice notice-warning" role="alert" data-testid="verify-problem">
            {problemText[problem]}
          </p>
        )}
        {verification && <VerificationResult verification={verification} />}
      </div>
    </>
  );
}
