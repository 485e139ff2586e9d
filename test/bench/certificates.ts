import { performance } from 'node:perf_hooks';
import { CODE_PREFIX, splitCode } from '../../renderer/certificates/certificateFormat';
import { verifyCertificate } from '../../renderer/certificates/verifyCertificate';
import { keysOf, samplePayload, testKey } from '../../renderer/certificates/signing.testing';
import type { Figure } from './shell';
import { median } from './stats';

/** Bytes a QR code holds in byte mode at error correction level M, versions 1 to 40 (ISO/IEC 18004). */
const QR_BYTES_LEVEL_M = [
  14, 26, 42, 62, 84, 106, 122, 152, 180, 213, 251, 287, 331, 362, 412, 450, 504, 560, 624, 666, 711, 779, 857, 911,
  997, 1059, 1125, 1190, 1264, 1370, 1452, 1538, 1628, 1725, 1809, 1911, 1989, 2099, 2213, 2331,
];

function qrVersion(chars: number): string {
  const version = QR_BYTES_LEVEL_M.findIndex((capacity) => capacity >= chars) + 1;
  return `QR version ${version}, level M (${version * 4 + 17}×${version * 4 + 17} modules)`;
}

/** Size of a six-module certificate code, and the time to verify one offline with the pure-JS verifier. */
export async function certificateFigures(): Promise<Figure[]> {
  const key = testKey();
  const keys = keysOf(key.published);
  const figures: Figure[] = [];
  for (const [label, name] of [
    ['typical name', 'Amina Diallo'],
    ['long Arabic name', 'عبد الرحمن بن محمد بن عبد الله الهاشمي القرشي'],
  ] as const) {
    const code = key.sign(samplePayload(name));
    const { payloadBytes } = splitCode(code);
    figures.push({
      name: `certificate code, ${label}`,
      value: `payload ${payloadBytes.length} B + signature 64 B → ${code.length} chars (${CODE_PREFIX} + base64url); ${qrVersion(code.length)}`,
    });
  }

  const code = key.sign(samplePayload());
  let start = performance.now();
  verifyCertificate(code, keys);
  const first = performance.now() - start;
  const rounds: number[] = [];
  for (let round = 0; round < 10; round++) {
    start = performance.now();
    for (let i = 0; i < 50; i++) if (!verifyCertificate(code, keys).ok) throw new Error('did not verify');
    rounds.push((performance.now() - start) / 50);
  }
  figures.push({ name: 'verify a certificate offline (first, cold)', value: `${first.toFixed(1)} ms` });
  figures.push({ name: 'verify a certificate offline (median of 10×50)', value: `${median(rounds).toFixed(2)} ms` });
  return figures;
}
