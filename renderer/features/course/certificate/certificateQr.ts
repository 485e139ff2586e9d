import { create } from 'qrcode';

export interface QrMatrix {
  version: number;
  /** Modules per side. */
  size: number;
  /** One SVG path drawing every dark module as a unit square. */
  path: string;
}

/**
 * The QR code of a certificate code: byte mode, error correction level M (15% of the symbol may
 * be damaged: a fold or a stain on paper), as docs/certificates.md gives its size.
 */
export function certificateQr(code: string): QrMatrix {
  const qr = create([{ data: new TextEncoder().encode(code), mode: 'byte' }], { errorCorrectionLevel: 'M' });
  const { size } = qr.modules;
  let path = '';
  for (let row = 0; row < size; row++) {
    for (let column = 0; column < size; column++) {
      if (qr.modules.get(row, column)) path += `M${column} ${row}h1v1h-1z`;
    }
  }
  return { version: qr.version, size, path };
}
