import { useMemo } from 'react';
import { certificateQr } from './certificateQr';

/** The quiet zone around a QR code, in modules, as the standard asks. */
const QUIET_ZONE = 4;

/** The certificate's code as a QR code (SVG, drawn with attributes only: the CSP allows no inline style). */
export function CertificateQr({ code, label }: { code: string; label: string }) {
  const qr = useMemo(() => certificateQr(code), [code]);
  const side = qr.size + 2 * QUIET_ZONE;
  return (
    <svg
      className="certificate-qr"
      viewBox={`${-QUIET_ZONE} ${-QUIET_ZONE} ${side} ${side}`}
      role="img"
      aria-label={label}
      data-testid="certificate-qr"
      data-qr-version={qr.version}
      shapeRendering="crispEdges"
    >
      <rect x={-QUIET_ZONE} y={-QUIET_ZONE} width={side} height={side} fill="#fff" />
      <path d={qr.path} fill="#000" />
    </svg>
  );
}
