import { useMemo } from 'react';
import { db } from '../../db';
import { useLiveQuery } from '../../db/hooks';
import { allFollows, allMeetings, allStudyGroups } from '../../db/meetings';
import { indexMeetings } from './model/agenda';

/** The stored meetings, groups and follows, live; the search index is rebuilt only when they change. */
export function useMeetings() {
  const data = useLiveQuery(async () => {
    const [meetings, groups, follows] = await Promise.all([allMeetings(db), allStudyGroups(db), allFollows(db)]);
    return { meetings, groups, follows };
  }, []);
  const index = useMemo(() => (data ? indexMeetings(data.meetings) : null), [data]);
  return data && index ? { ...data, index } : undefined;
}

export type MeetingsData = NonNullable<ReturnType<typeof useMeetings>>;
