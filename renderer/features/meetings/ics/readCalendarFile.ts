import { CalendarFileError, type CalendarFileErrorCode } from './calendarFileError';
import type { ImportedCalendar } from './importCalendar';

export interface ReadRequest {
  bytes: ArrayBuffer;
  /** The page's "now": the recurrence window is counted from it. */
  now: number;
}

export type WorkerMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; result: ImportedCalendar }
  | { type: 'refused'; code: CalendarFileErrorCode; detail: string }
  | { type: 'failed'; detail: string };

export class CalendarReadCancelledError extends Error {
  constructor() {
    super('reading cancelled');
  }
}

export interface ReadOptions {
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
  now?: Date;
}

/**
 * Reads a calendar file in a Web Worker, so that a large file never blocks the interface;
 * aborting the signal stops the worker at once. Where there is no Worker (unit tests in Node),
 * it reads in place.
 */
export async function readCalendarFile(bytes: ArrayBuffer, options: ReadOptions = {}): Promise<ImportedCalendar> {
  const now = options.now ?? new Date();
  if (typeof Worker === 'undefined') {
    const { importCalendar } = await import('./importCalendar');
    return importCalendar(bytes, { now, ...(options.onProgress ? { onProgress: options.onProgress } : {}) });
  }
  const worker = new Worker(new URL('./calendarImport.worker.ts', import.meta.url), { type: 'module' });
  return new Promise<ImportedCalendar>((resolve, reject) => {
    const finish = () => {
      worker.terminate();
      options.signal?.removeEventListener('abort', cancel);
    };
    const cancel = () => {
      finish();
      reject(new CalendarReadCancelledError());
    };
    if (options.signal?.aborted) return cancel();
    options.signal?.addEventListener('abort', cancel);
    worker.onmessage = (event: MessageEvent<WorkerMessage>) => {
      const message = event.data;
      if (message.type === 'progress') return options.onProgress?.(message.done, message.total);
      finish();
      if (message.type === 'done') resolve(message.result);
      else if (message.type === 'refused') reject(new CalendarFileError(message.code, message.detail));
      else reject(new Error(message.detail));
    };
    worker.onerror = (event) => {
      finish();
      reject(new Error(event.message || 'the calendar reader stopped'));
    };
    const request: ReadRequest = { bytes, now: now.getTime() };
    worker.postMessage(request, [bytes]);
  });
}
