import type { GapbridgeDatabase } from './database';
import type { SettingKey, SettingValues } from './records';

/** Days before a followed deadline that its reminder is shown, until the delegate chooses. */
export const DEFAULT_REMINDER_DAYS = 3;

export async function readSetting<K extends SettingKey>(
  db: GapbridgeDatabase,
  key: K,
): Promise<SettingValues[K] | undefined> {
  const record = await db.settings.get(key);
  return record?.value as SettingValues[K] | undefined;
}

/** Resolves once the value is committed to IndexedDB; rejects (and stores nothing) otherwise. */
export async function writeSetting<K extends SettingKey>(
  db: GapbridgeDatabase,
  key: K,
  value: SettingValues[K],
): Promise<void> {
  await db.settings.put({ key, value, updatedAt: new Date().toISOString() });
}
