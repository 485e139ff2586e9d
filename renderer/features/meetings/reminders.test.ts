import i18next from 'i18next';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import meetingStrings from '../../../locales/en/meetings.json';
import { db } from '../../db';
import { setFollowing, shownReminderIds, storeImportedCalendar } from '../../db/meetings';
import type { MeetingRecord } from '../../db/records';
import { MAX_NOTIFICATION_TEXT } from '../../platform/notificationText';
import { checkReminders } from './reminders';

const notify = vi.hoisted(() => vi.fn<(title: string, body: string) => Promise<boolean>>());
vi.mock('../../platform/bridge', () => ({ bridge: { notify } }));

const NOW = new Date('2026-03-10T12:00:00Z');
const LONG_TITLE = 'Meeting of Study Group 13 on future networks, cloud computing and trusted networks '.repeat(20);

function meeting(id: string, title: string): MeetingRecord {
  return {
    id,
    kind: 'study-group',
    group: 'SG13',
    title: { en: title },
    start: '2026-03-30T08:30:00.000Z',
    end: '2026-04-09T15:30:00.000Z',
    timeZone: 'Europe/Zurich',
    place: 'Geneva',
    remoteParticipation: true,
    links: {},
    deadlines: [{ kind: 'contribution', date: '2026-03-12', official: true }],
    origin: 'imported',
    updatedAt: NOW.toISOString(),
  };
}

beforeAll(async () => {
  await i18next.init({
    lng: 'en',
    resources: { en: { meetings: meetingStrings } },
    interpolation: { escapeValue: false },
  });
});

beforeEach(async () => {
  await Promise.all(db.tables.map((table) => table.clear()));
  notify.mockReset();
  await storeImportedCalendar(db, [meeting('long', LONG_TITLE)], []);
  await setFollowing(db, 'meeting', 'long', true);
});

describe('reminders', () => {
  it('shows a reminder whose meeting title is longer than a notification holds, shortened', async () => {
    notify.mockResolvedValue(true);
    expect(LONG_TITLE.length).toBeGreaterThan(MAX_NOTIFICATION_TEXT);
    const shown = await checkReminders(NOW);
    expect(shown).toBeGreaterThan(0);
    for (const [title, body] of notify.mock.calls) {
      expect(title.length).toBeLessThanOrEqual(MAX_NOTIFICATION_TEXT);
      expect(body.length).toBeLessThanOrEqual(MAX_NOTIFICATION_TEXT);
      expect(body).toMatch(/^Meeting of Study Group 13 .*…$/);
    }
    expect(await shownReminderIds(db)).toContain('long/contribution/2026-03-12');
  });

  it('keeps a reminder the system refused, to show it at the next check', async () => {
    notify.mockRejectedValue(new Error('Unusable notification'));
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await checkReminders(NOW)).toBe(0);
    expect(await shownReminderIds(db)).not.toContain('long/contribution/2026-03-12');

    notify.mockResolvedValue(true);
    expect(await checkReminders(NOW)).toBeGreaterThan(0);
    expect(await shownReminderIds(db)).toContain('long/contribution/2026-03-12');
  });
});
