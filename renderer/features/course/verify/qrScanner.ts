/** The Shape Detection API's BarcodeDetector (Chromium on macOS, ChromeOS, Android), absent from TypeScript's DOM types. */
interface BarcodeDetectorLike {
  detect(source: HTMLVideoElement): Promise<{ rawValue: string }[]>;
}
interface BarcodeDetectorClass {
  new (options: { formats: string[] }): BarcodeDetectorLike;
  getSupportedFormats(): Promise<string[]>;
}

function detectorClass(): BarcodeDetectorClass | null {
  return (globalThis as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector ?? null;
}

/**
 * Whether this device can scan a QR code: a BarcodeDetector that reads QR codes, and a camera.
 * Where either is missing the screen offers no scanning (it is never faked).
 */
export async function canScanQr(): Promise<boolean> {
  const Detector = detectorClass();
  if (!Detector || !navigator.mediaDevices?.getUserMedia || !navigator.mediaDevices.enumerateDevices) return false;
  try {
    const [formats, devices] = await Promise.all([
      Detector.getSupportedFormats(),
      navigator.mediaDevices.enumerateDevices(),
    ]);
    return formats.includes('qr_code') && devices.some((device) => device.kind === 'videoinput');
  } catch {
    return false;
  }
}

/**
 * Shows the camera in `video` and resolves with the first QR code read, or rejects when the camera
 * cannot be used. `signal` stops it; the camera is released in every case.
 */
export async function scanQr(video: HTMLVideoElement, signal: AbortSignal): Promise<string | null> {
  const Detector = detectorClass();
  if (!Detector) throw new Error('No BarcodeDetector');
  const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
  try {
    video.srcObject = stream;
    await video.play();
    const detector = new Detector({ formats: ['qr_code'] });
    while (!signal.aborted) {
      const [found] = await detector.detect(video).catch(() => []);
      if (found?.rawValue) return found.rawValue;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    return null;
  } finally {
    for (const track of stream.getTracks()) track.stop();
    video.srcObject = null;
  }
}
