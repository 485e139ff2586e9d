import { CalendarFileError } from './calendarFileError';
import { importCalendar } from './importCalendar';
import type { ReadRequest, WorkerMessage } from './readCalendarFile';

// Reads a calendar file off the interface thread; the page stops it (terminate) to cancel.
const scope = self as unknown as {
  postMessage(message: WorkerMessage): void;
  onmessage: ((event: MessageEvent<ReadRequest>) => void) | null;
};
const post = (message: WorkerMessage) => scope.postMessage(message);

scope.onmessage = (event: MessageEvent<ReadRequest>) => {
  try {
    const result = importCalendar(event.data.bytes, {
      now: new Date(event.data.now),
      onProgress: (done, total) => post({ type: 'progress', done, total }),
    });
    post({ type: 'done', result });
  } catch (error) {
    post(
      error instanceof CalendarFileError
        ? { type: 'refused', code: error.code, detail: error.message }
        : { type: 'failed', detail: String(error) },
    );
  }
};
