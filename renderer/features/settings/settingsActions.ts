import { db } from '../../db';
import { writeSetting } from '../../db/settings';

/** Resolves once the value is committed to IndexedDB; rejects (and stores nothing) otherwise. */
export function saveReminderDays(days: number): Promise<void> {
  return writeSetting(db, 'reminderDays', days);
}
