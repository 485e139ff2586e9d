import { describe, expect, it } from 'vitest';
import { deadlinesOf } from './agenda';
import { emptyLetterForm, letterFormOf, readLetterEntry, readLetterForm, type LetterForm } from './letterForm';

const now = new Date('2030-12-01T00:00:00Z');

function filled(overrides: Partial<LetterForm> = {}): LetterForm {
  const form = emptyLetterForm();
  return {
    ...form,
    group: 'sg13',
    start: '2031-03-10',
    end: '2031-03-21',
    place: 'Geneva',
    collectiveLetter: 'Collective letter 4/13',
    deadlines: { ...form.deadlines, contribution: '2031-02-25', registration: '2031-02-10' },
    ...overrides,
  };
}

describe('a meeting typed in from its collective letter', () => {
  it('becomes a meeting in its zone, with daily hours and the printed deadlines official', () => {
    const read = readLetterForm(filled(), { id: 'entered-1', language: 'fr', now });
    if (!read.ok) throw new Error(JSON.stringify(read.errors));
    const { meeting } = read;
    expect(meeting).toMatchObject({
      id: 'entered-1',
      group: 'SG13',
      origin: 'entered',
      start: '2031-03-10T08:30:00.000Z',
      end: '2031-03-21T16:30:00.000Z',
      place: 'Geneva',
      format: 'in-person',
      remoteParticipation: false,
      links: { collectiveLetter: 'Collective letter 4/13' },
      title: {},
    });
    const shown = Object.fromEntries(deadlinesOf(meeting).map((d) => [d.kind, d]));
    expect(shown.contribution).toEqual({ kind: 'contribution', date: '2031-02-25', official: true });
    expect(shown.registration).toEqual({ kind: 'registration', date: '2031-02-10', official: true });
    expect(shown.translation?.official).toBe(false);
  });

  it('says what is wrong with each field, and makes nothing', () => {
    const read = readLetterForm(
      filled({
        group: ' ',
        end: '2031-03-01',
        place: '',
        collectiveLetter: '',
        timeZone: 'Mars/Olympus',
        deadlines: { ...emptyLetterForm().deadlines, visa: '2031-04-01', fellowship: '2031-02-30' },
      }),
      { id: 'x', language: 'en', now },
    );
    expect(read).toEqual({
      ok: false,
      errors: {
        group: 'group-missing',
        end: 'end-before-start',
        place: 'place-missing',
        collectiveLetter: 'letter-missing',
        timeZone: 'time-zone-unknown',
        'deadline-visa': 'deadline-after-start',
        'deadline-fellowship': 'deadline-invalid',
      },
    });
  });

  it('needs no place for a virtual meeting, and no letter for a personal event', () => {
    const virtual = readLetterForm(filled({ format: 'virtual', place: '' }), { id: 'v', language: 'en', now });
    expect(virtual.ok && virtual.meeting.place).toBe(null);
    const personal = readLetterForm(filled({ kind: 'personal', collectiveLetter: '' }), {
      id: 'p',
      language: 'en',
      now,
    });
    expect(personal.ok && personal.meeting.deadlines).toEqual([]);
  });

  it('fills the form back from a stored meeting, to edit it', () => {
    const read = readLetterForm(filled({ title: 'Réunion de la CE 13' }), { id: 'e', language: 'fr', now });
    if (!read.ok) throw new Error('not read');
    const form = letterFormOf(read.meeting, 'fr');
    expect(form).toMatchObject({
      group: 'SG13',
      title: 'Réunion de la CE 13',
      start: '2031-03-10',
      end: '2031-03-21',
      dailyStart: '09:30',
      dailyEnd: '17:30',
    });
    expect(form.deadlines.contribution).toBe('2031-02-25');
  });

  it('for a shipped meeting, reads only the letter number and its dates', () => {
    const entry = readLetterEntry(
      { collectiveLetter: ' 4/13 ', deadlines: { ...emptyLetterForm().deadlines, contribution: '2031-02-25' } },
      '2031-03-10',
    );
    expect(entry).toEqual({
      ok: true,
      collectiveLetter: '4/13',
      deadlines: [{ kind: 'contribution', date: '2031-02-25', official: true }],
    });
  });
});
