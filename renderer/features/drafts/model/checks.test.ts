import { describe, expect, it } from 'vitest';
import { checkCover, checkDraft, isBlocking, QUESTIONS_PATTERN } from './checks';
import { countWords, emptyCover, type CoverFields } from './draftDoc';

const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');

const complete: CoverFields = {
  ...emptyCover('en'),
  studyGroup: 'SG12',
  questions: '9/12',
  source: 'Administration of Kenya',
  title: 'Proposal for a new work item on QoE of mobile money services',
  contacts: [
    {
      name: 'Amina Diallo',
      organization: 'CA Kenya',
      country: 'Kenya',
      phone: '+254 20 000',
      email: 'amina@example.org',
    },
  ],
  abstract: words(170),
};

describe('checkDraft', () => {
  it('finds nothing wrong with a complete cover well before the deadline', () => {
    expect(checkDraft(complete, '2031-02-25', '2031-01-10')).toEqual([]);
  });

  it('lists every missing required field, each blocking export', () => {
    const issues = checkDraft(emptyCover('fr'), null, '2031-01-10');
    expect(issues.map((i) => (i.code === 'missing' ? i.field : i.code))).toEqual([
      'studyGroup',
      'questions',
      'source',
      'title',
      'contact',
      'abstract',
    ]);
    expect(issues.every(isBlocking)).toBe(true);
  });

  it.each(['9/12', '9/12, 10/12', 'All/13', '1/17;4/17', ' 12/5 '])('accepts the Questions %j', (questions) => {
    expect(QUESTIONS_PATTERN.test(questions)).toBe(true);
  });

  it.each(['9', 'Q9/12', '9-12', '9/12,', 'all of them', '123/12'])('refuses the Questions %j', (questions) => {
    expect(checkDraft({ ...complete, questions }, null, '2031-01-10')).toEqual([{ code: 'questions-format' }]);
  });

  it('wants an e-mail address for each named contact', () => {
    const contacts = [...complete.contacts, { ...complete.contacts[0]!, email: 'not an address' }];
    expect(checkDraft({ ...complete, contacts }, null, '2031-01-10')).toEqual([{ code: 'contact-email', index: 1 }]);
  });

  it('hints, without blocking, at an abstract outside 150-200 words', () => {
    const [issue] = checkDraft({ ...complete, abstract: words(40) }, null, '2031-01-10');
    expect(issue).toEqual({ code: 'abstract-length', words: 40 });
    expect(isBlocking(issue!)).toBe(false);
  });

  it('warns when the deadline is near or has passed', () => {
    expect(checkDraft(complete, '2031-02-25', '2031-02-23')).toEqual([
      { code: 'deadline-near', date: '2031-02-25', days: 2 },
    ]);
    expect(checkDraft(complete, '2031-02-25', '2031-02-26')).toEqual([{ code: 'deadline-passed', date: '2031-02-25' }]);
  });

  it('counts the words of a Chinese or Japanese abstract, written without spaces', () => {
    const sentence = '本文稿提出移动货币服务的体验质量指标。';
    expect(countWords(sentence, 'zh')).toBe(10);
    expect(countWords('この寄書は品質指標を提案する。', 'ja')).toBeGreaterThan(4);
    const [issue] = checkDraft({ ...complete, language: 'zh', abstract: sentence.repeat(3) }, null, '2031-01-10');
    expect(issue).toEqual({ code: 'abstract-length', words: 30 });
    expect(checkDraft({ ...complete, language: 'zh', abstract: sentence.repeat(17) }, null, '2031-01-10')).toEqual([]);
  });

  it('checks the cover alone, without a deadline, for the copy for national coordination', () => {
    expect(checkCover({ ...complete, title: '' })).toEqual([{ code: 'missing', field: 'title' }]);
  });
});
