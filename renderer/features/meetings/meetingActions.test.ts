import { afterEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../db';
import { followId, setFollowing } from '../../db/meetings';
import type { MeetingRecord } from '../../db/records';
import { deleteOwnEvent } from './meetingActions';

vi.mock('../../platform/bridge', () => ({ bridge: {} }));

function meeting(id: string, origin: MeetingRecord['origin']): MeetingRecord {
  return {
    id,
    kind: 'personal',
    group: '',
    title: { en: 'Weekly national call' },
    start: '2031-03-10T08:30:00.000Z',
    end: '2031-03-10T09:30:00.000Z',
    timeZone: 'Europe/Zurich',
    place: null,
    remoteParticipation: true,
    links: {},
    deadlines: [],
    origin,
    updatedAt: '2031-01-01T00:00:00.000Z',
  };
}

afterEach(async () => {
  await db.delete();
  await db.open();
});

describe('deleting an imported event', () => {
  it('removes the event and its follow, and queues the unfollow for the hub', async () => {
    await db.meetings.bulkPut([meeting('call', 'imported'), meeting('other', 'imported')]);
    await setFollowing(db, 'meeting', 'call', true);
    expect(await deleteOwnEvent('call')).toBe(true);
    expect(await db.meetings.get('call')).toBeUndefined();
    expect(await db.meetings.get('other')).toBeDefined();
    expect(await db.follows.get(followId('meeting', 'call'))).toBeUndefined();
    const queued = await db.outbox.toArray();
    expect(queued.at(-1)).toMatchObject({ table: 'follows', key: 'meeting:call', op: 'delete' });
  });

  it('deletes a meeting typed in from a letter too', async () => {
    await db.meetings.put(meeting('typed', 'entered'));
    expect(await deleteOwnEvent('typed')).toBe(true);
    expect(await db.meetings.get('typed')).toBeUndefined();
  });

  it('never deletes a shipped meeting', async () => {
    await db.meetings.put(meeting('sg13', 'bundled'));
    expect(await deleteOwnEvent('sg13')).toBe(false);
    expect(await db.meetings.get('sg13')).toBeDefined();
  });
});
