import { Packer } from 'docx';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { BodyNode, CoverFields } from '../model/draftDoc';
import { emptyCover } from '../model/draftDoc';
import { buildContribution } from './contributionDocx';

const cover: CoverFields = {
  ...emptyCover('en'),
  studyGroup: 'SG12',
  questions: '9/12',
  placeAndDate: 'Geneva, 9-17 June 2031',
  source: 'Administration of Kenya',
  title: 'QoE of mobile money services',
  purpose: 'proposal',
  contacts: [
    {
      name: 'Amina Diallo',
      organization: 'CA Kenya',
      country: 'Kenya',
      phone: '+254 20 4242000',
      email: 'amina@example.org',
    },
    { name: 'Li Wei', organization: 'CAICT', country: 'China', phone: '+86 10 6230 0000', email: 'li.wei@example.org' },
  ],
  keywords: 'QoE; mobile money',
  abstract: 'This contribution proposes a new work item.',
};

const text = (value: string): BodyNode => ({ type: 'text', text: value });
const body: BodyNode = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 1 }, content: [text('Introduction')] },
    {
      type: 'paragraph',
      content: [text('Mobile money is '), { type: 'text', text: 'growing', marks: [{ type: 'bold' }] }, text('.')],
    },
    {
      type: 'orderedList',
      content: [
        { type: 'listItem', content: [{ type: 'paragraph', content: [text('First proposal')] }] },
        { type: 'listItem', content: [{ type: 'paragraph', content: [text('Second proposal')] }] },
      ],
    },
    {
      type: 'bulletList',
      content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [text('A point')] }] }],
    },
    {
      type: 'table',
      content: [
        {
          type: 'tableRow',
          content: [{ type: 'tableHeader', content: [{ type: 'paragraph', content: [text('Metric')] }] }],
        },
        {
          type: 'tableRow',
          content: [{ type: 'tableCell', content: [{ type: 'paragraph', content: [text('Latency')] }] }],
        },
      ],
    },
    {
      type: 'paragraph',
      content: [
        {
          type: 'text',
          text: 'Rec. ITU-T A.1',
          marks: [{ type: 'link', attrs: { href: 'https://www.itu.int/rec/T-REC-A.1' } }],
        },
      ],
    },
  ],
};

async function documentXml(input: Parameters<typeof buildContribution>[0]): Promise<string> {
  const buffer = await Packer.toBuffer(buildContribution(input));
  return strFromU8(unzipSync(new Uint8Array(buffer))['word/document.xml']!);
}

function texts(xml: string): string[] {
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]!);
}

describe('the contribution as a Word document', () => {
  it('has every cover field, in the order of the ITU-T template, then the body', async () => {
    const xml = await documentXml({ cover, body, languageName: 'English' });
    const all = texts(xml).join('|');
    const order = [
      'INTERNATIONAL TELECOMMUNICATION UNION',
      'TELECOMMUNICATION STANDARDIZATION SECTOR',
      'STUDY PERIOD 2025-2028',
      'SG12-C0xxx',
      'STUDY GROUP 12',
      'Original: English',
      'Question(s):',
      '9/12',
      'Geneva, 9-17 June 2031',
      'CONTRIBUTION',
      'Source:',
      'Administration of Kenya',
      'Title:',
      'QoE of mobile money services',
      'Purpose:',
      'Proposal',
      'Contact:',
      'Amina Diallo',
      'amina@example.org',
      'Li Wei',
      'Keywords:',
      'QoE; mobile money',
      'Abstract:',
      'This contribution proposes a new work item.',
      'Introduction',
      'First proposal',
      'A point',
      'Metric',
      'Latency',
      'Rec. ITU-T A.1',
    ];
    let from = 0;
    for (const expected of order) {
      const at = all.indexOf(expected, from);
      expect(at, `${expected} after position ${from}`).toBeGreaterThanOrEqual(from);
      from = at + expected.length;
    }
  });

  it('keeps headings, bold, numbered and bulleted lists, tables and links', async () => {
    const xml = await documentXml({ cover, body, languageName: 'English' });
    expect(xml).toContain('<w:pStyle w:val="Heading1"/>');
    expect(xml).toMatch(/<w:b\/>.*growing/s);
    expect(xml).toContain('<w:numId');
    expect((xml.match(/<w:tbl>/g) ?? []).length).toBe(3);
    expect(xml).toContain('<w:hyperlink');
  });

  it('sets an Arabic draft right to left, in its own words', async () => {
    const xml = await documentXml({
      cover: { ...cover, language: 'ar', title: 'جودة التجربة' },
      body,
      languageName: 'العربية',
    });
    expect(xml).toContain('<w:bidi/>');
    expect(xml).toContain('<w:rtl/>');
    expect(texts(xml)).toEqual(
      expect.arrayContaining(['الاتحاد الدولي للاتصالات', 'لجنة الدراسات 12', 'جودة التجربة', 'مساهمة']),
    );
  });

  it('names fonts that have Chinese and Cyrillic glyphs', async () => {
    const xml = await documentXml({ cover: { ...cover, language: 'zh' }, body, languageName: '中文' });
    expect(xml).toContain('w:eastAsia="SimSun"');
    expect(texts(xml)).toContain('第12研究组');
  });
});
