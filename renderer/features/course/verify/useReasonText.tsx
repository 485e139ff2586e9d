import { useTranslation } from 'react-i18next';
import type { VerificationFailure } from '../../../certificates/verifyCertificate';

/** Why a code fails, in the interface language: the words of the verify screen, also used by the certificate page. */
export function useReasonText(): (reason: VerificationFailure, keyId?: string | undefined) => string {
  const { t } = useTranslation('course');
  return (reason, keyId = '') => {
    const isolated = `\u2068${keyId}\u2069`;
    switch (reason) {
      case 'malformed':
        return t('verify.reasonMalformed');
      case 'unknown-key':
        return t('verify.reasonUnknownKey', { keyId: isolated });
      case 'revoked-key':
        return t('verify.reasonRevokedKey', { keyId: isolated });
      case 'tampered':
        return t('verify.reasonTampered');
    }
  };
}
