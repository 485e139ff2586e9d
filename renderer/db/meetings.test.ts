import { describe, expect, it } from 'vitest';
import type { CalendarPack } from '../content/packSchema';
import { installCalendarPack } from './contentPacks';
import { useTestDatabases } from './databases.testing';
import {
  allMeetings,
  deleteOwnMeeting,
  saveLetterEntry,
  saveOwnMeeting,
  setFollowing,
  storeImportedCalendar,
} from './meetings';
import type { MeetingRecord } from './records';

const openDatabase = useTestDatabases('meetings');

const title = { ar: 'ا', zh: '会', en: 'SG13 meeting', fr: 'Réunion', ru: 'Собрание', es: 'Reunión' };

function pack(version: string, meetingTitle = title, ids = ['sg13-2031']): CalendarPack {
  return {
    format: 1 as CalendarPack['format'],
    kind: 'calendar',
    lang: 'all',
    version,
    groups: [{ id: 'SG13', kind: 'study-group', title, isUnconfirmed: false }],
    meetings: ids.map((id) => ({
      id,
      kind: 'study-group',
      group: 'SG13',
      title: meetingTitle,
      start: '2031-03-10T08:30:00.000Z',
      end: '2031-03-21T16:30:00.000Z',
      timeZone: 'Europe/Zurich',
      place: 'Geneva',
      remoteParticipation: true,
      links: {},
      deadlines: [],
      source: 'test',
    })),
  };
}

const typedEntry = {
  collectiveLetter: 'Collective letter 4/13',
  deadlines: [{ kind: 'contribution' as const, date: '2031-02-24', official: true }],
  enteredAt: '2030-12-01T00:00:00.000Z',
};

describe('official dates typed in for a shipped meeting', () => {
  it('survive the install of a newer calendar pack, which still updates the rest', async () => {
    const db = openDatabase();
    await installCalendarPack(db, pack('1'), 'a'.repeat(64));
    expect(await saveLetterEntry(db, 'sg13-2031', typedEntry)).toBe(true);

    await installCalendarPack(db, pack('2', { ...title, en: 'SG13 meeting, corrected' }), 'b'.repeat(64));

    const [meeting] = await allMeetings(db);
    expect(meeting?.title.en).toBe('SG13 meeting, corrected');
    expect(meeting?.origin).toBe('bundled');
    expect(meeting?.letterEntry).toEqual(typedEntry);
  });

  it('survive a calendar file that carries the same meeting', async () => {
    const db = openDatabase();
    await installCalendarPack(db, pack('1'), 'a'.repeat(64));
    await saveLetterEntry(db, 'sg13-2031', typedEntry);
    const [shipped] = await allMeetings(db);
    await storeImportedCalendar(
      db,
      [{ ...shipped!, title: { ...shipped!.title, en: 'From a file' }, letterEntry: undefined }],
      [],
    );

    const [meeting] = await allMeetings(db);
    expect(meeting?.title.en).toBe('From a file');
    expect(meeting?.letterEntry).toEqual(typedEntry);
  });

  it('are kept, as the delegate’s own meeting, when a newer pack drops the meeting', async () => {
    const db = openDatabase();
    await installCalendarPack(db, pack('1'), 'a'.repeat(64));
    await saveLetterEntry(db, 'sg13-2031', typedEntry);
    await installCalendarPack(db, pack('2', title, ['sg13-2031-renamed']), 'b'.repeat(64));
    const kept = (await allMeetings(db)).find((m) => m.id === 'sg13-2031');
    expect(kept?.origin).toBe('entered');
    expect(kept?.letterEntry).toEqual(typedEntry);
  });

  it('stay on the device (meetings come as packs, not through sync), and can be removed', async () => {
    const db = openDatabase();
    await installCalendarPack(db, pack('1'), 'a'.repeat(64));
    await saveLetterEntry(db, 'sg13-2031', typedEntry);
    await saveLetterEntry(db, 'sg13-2031', null);
    expect((await allMeetings(db))[0]?.letterEntry).toBeUndefined();
    expect(await db.outbox.count()).toBe(0);
    expect(await saveLetterEntry(db, 'no-such-meeting', typedEntry)).toBe(false);
  });
});

describe("the delegate's own meetings", () => {
  const own: MeetingRecord = {
    ...pack('1').meetings[0]!,
    id: 'entered-1',
    origin: 'entered',
    updatedAt: '2030-12-01T00:00:00.000Z',
  };

  it('are kept by a calendar pack install', async () => {
    const db = openDatabase();
    await saveOwnMeeting(db, own);
    await installCalendarPack(db, pack('1'), 'a'.repeat(64));
    expect((await allMeetings(db)).map((m) => m.id).sort()).toEqual(['entered-1', 'sg13-2031']);
  });

  it('are deleted with their follow (an unfollow queued for the hub); a shipped meeting is never deleted', async () => {
    const db = openDatabase();
    await installCalendarPack(db, pack('1'), 'a'.repeat(64));
    await saveOwnMeeting(db, own);
    await setFollowing(db, 'meeting', 'entered-1', true);
    await deleteOwnMeeting(db, 'entered-1');
    await deleteOwnMeeting(db, 'sg13-2031');
    expect((await allMeetings(db)).map((m) => m.id)).toEqual(['sg13-2031']);
    expect(await db.follows.count()).toBe(0);
    const outbox = await db.outbox.toArray();
    // The unfollow replaces the follow still waiting: the hub would keep only the later one.
    expect(outbox.map((e) => [e.table, e.key, e.op, e.data])).toEqual([
      ['follows', 'meeting:entered-1', 'delete', undefined],
    ]);
    expect(await db.tombstones.get(['follows', 'meeting:entered-1'])).toMatchObject({ hlc: outbox[0]!.hlc });
  });
});
