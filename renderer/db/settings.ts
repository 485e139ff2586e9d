import type { GapbridgeDatabase } from './database';
import type { SettingKey, SettingRecord, SettingValues } from './records';
import { recordChange, syncScope } from './syncedChanges';
import { syncedFields } from './syncedFields';

/** Days before a followed deadline that its reminder is shown, until the delegate chooses. */
export const DEFAULT_REMINDER_DAYS = 3;

export async function readSetting<K extends SettingKey>(
  db: GapbridgeDatabase,
  key: K,
): Promise<SettingValues[K] | undefined> {
  const record = await db.settings.get(key);
  return record?.value as SettingValues[K] | undefined;
}

/**
 * Resolves once the value and its change for the hub are committed to IndexedDB; rejects (and
 * stores nothing) otherwise. Settings follow the person: the latest change wins on every device.
 */
export async function writeSetting<K extends SettingKey>(
  db: GapbridgeDatabase,
  key: K,
  value: SettingValues[K],
): Promise<void> {
  await db.transaction('rw', [db.settings, ...syncScope(db)], async () => {
    const record: SettingRecord = { key, value, updatedAt: new Date().toISOString() };
    record.hlc = await recordChange(db, syncedFields.setting(record));
    await db.settings.put(record);
  });
}
