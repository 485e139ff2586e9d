import { Packer } from 'docx';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it, vi } from 'vitest';
import type { BodyNode, CoverFields } from '../model/draftDoc';
import { emptyCover } from '../model/draftDoc';
import { buildContribution, contributionBlob, type ContributionInput } from './contributionDocx';

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

async function unzipped(input: ContributionInput): Promise<Record<string, string>> {
  const buffer = await Packer.toBuffer(buildContribution(input));
  return Object.fromEntries(
    Object.entries(unzipSync(new Uint8Array(buffer))).map(([name, bytes]) => [name, strFromU8(bytes)]),
  );
}

async function documentXml(input: ContributionInput): Promise<string> {
  return (await unzipped(input))['word/document.xml']!;
}

function texts(xml: string): string[] {
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]!);
}

/** The XML of the style with this id in styles.xml. */
function style(stylesXml: string, id: string): string {
  return new RegExp(`<w:style [^>]*w:styleId="${id}".*?</w:style>`, 's').exec(stylesXml)?.[0] ?? '';
}

/** The paragraphs of document.xml whose text includes `text`. */
function paragraphsWith(xml: string, text: string): string[] {
  return (xml.match(/<w:p>.*?<\/w:p>|<w:p [^>]*>.*?<\/w:p>/gs) ?? []).filter((p) => texts(p).join('').includes(text));
}

describe('the contribution as a Word document', () => {
  it('has every cover field, in the order of the ITU-T template, then the body', async () => {
    const xml = await documentXml({ cover, body });
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
    const xml = await documentXml({ cover, body });
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
    });
    expect(xml).toContain('<w:bidi/>');
    expect(xml).toContain('<w:rtl/>');
    expect(texts(xml)).toEqual(
      expect.arrayContaining(['الاتحاد الدولي للاتصالات', 'لجنة الدراسات 12', 'جودة التجربة', 'مساهمة']),
    );
  });

  it('names fonts that have Chinese and Cyrillic glyphs, in the document defaults', async () => {
    const files = await unzipped({ cover: { ...cover, language: 'zh' }, body });
    expect(files['word/styles.xml']).toMatch(/<w:docDefaults>.*w:eastAsia="SimSun".*<\/w:docDefaults>/s);
    expect(texts(files['word/document.xml']!)).toContain('第12研究组');
  });
});

describe('headings, lists and language, as Word and LibreOffice read them', () => {
  it('leaves the look of headings to their styles: no run says "not bold" or sets a size', async () => {
    const files = await unzipped({ cover, body });
    const xml = files['word/document.xml']!;
    const [heading] = paragraphsWith(xml, 'Introduction');
    expect(heading).toContain('<w:pStyle w:val="Heading1"/>');
    expect(heading).not.toContain('<w:rPr>');
    expect(xml).not.toMatch(/<w:b w:val="(false|0)"\/>/);
    expect(xml).not.toContain('<w:sz ');
    const heading1 = style(files['word/styles.xml']!, 'Heading1');
    expect(heading1).toContain('<w:b/>');
    expect(heading1).toContain('<w:keepNext/>');
    expect(heading1).toContain('<w:keepLines/>');
    expect(style(files['word/styles.xml']!, 'Heading2')).toContain('<w:keepNext/>');
  });

  it('starts a numbered list at the number it starts at in the editor, and the next list at 1', async () => {
    const list = (start: number | undefined, items: string[]): BodyNode => ({
      type: 'orderedList',
      ...(start === undefined ? {} : { attrs: { start } }),
      content: items.map((item) => ({ type: 'listItem', content: [{ type: 'paragraph', content: [text(item)] }] })),
    });
    const files = await unzipped({
      cover,
      body: { type: 'doc', content: [list(3, ['Third', 'Fourth']), list(undefined, ['First again'])] },
    });
    const numbering = files['word/numbering.xml']!;
    const startOf = (itemText: string) => {
      const [paragraph] = paragraphsWith(files['word/document.xml']!, itemText);
      const numId = /<w:numId w:val="(\d+)"\/>/.exec(paragraph!)?.[1];
      const num = new RegExp(`<w:num w:numId="${numId}">.*?</w:num>`, 's').exec(numbering)?.[0] ?? '';
      return /<w:lvlOverride w:ilvl="0"><w:startOverride w:val="(\d+)"\/>/.exec(num)?.[1];
    };
    expect(startOf('Third')).toBe('3');
    expect(startOf('Fourth')).toBe('3');
    expect(startOf('First again')).toBe('1');
  });

  it.each([
    ['en', 'en-GB'],
    ['fr', 'fr-FR'],
    ['es', 'es-ES'],
    ['ru', 'ru-RU'],
  ] as const)('checks the spelling of a %s draft in %s', async (language, tag) => {
    const files = await unzipped({ cover: { ...cover, language }, body });
    expect(files['word/styles.xml']).toMatch(
      new RegExp(`<w:docDefaults>.*<w:lang w:val="${tag}" w:eastAsia="zh-CN" w:bidi="ar-SA"/>.*</w:docDefaults>`, 's'),
    );
  });
});

describe('the running header', () => {
  it('carries the page number and the document number from page 2, none on the cover page', async () => {
    const files = await unzipped({ cover, body });
    const section = /<w:sectPr>.*<\/w:sectPr>/s.exec(files['word/document.xml']!)![0];
    expect(section).toContain('<w:titlePg/>');
    const relations = files['word/_rels/document.xml.rels']!;
    const headerFile = (type: string) => {
      const id = new RegExp(`<w:headerReference w:type="${type}" r:id="(\\w+)"/>`).exec(section)![1];
      const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${id}"`).exec(relations)!;
      return files[`word/${target[1] ?? target[2]}`]!;
    };
    const running = headerFile('default');
    expect(running).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/);
    expect(texts(running).join('')).toBe('-  -SG12-C0xxx');
    expect(running).toContain('<w:pStyle w:val="Header"/>');
    expect(texts(headerFile('first')).join('')).toBe('');
  });
});

describe('the cover, laid out as ITU-T contributions are', () => {
  it('puts the study group and the original language under the document number, on the right', async () => {
    const xml = await documentXml({ cover, body });
    const firstCells = /<w:tc>.*?<\/w:tc>/gs;
    const [left, right] = xml.match(firstCells)!;
    expect(texts(left!)).toEqual([
      'INTERNATIONAL TELECOMMUNICATION UNION',
      'TELECOMMUNICATION STANDARDIZATION SECTOR',
      'STUDY PERIOD 2025-2028',
    ]);
    expect(texts(right!)).toEqual(['SG12-C0xxx', 'STUDY GROUP 12', 'Original: English']);
    expect(right).toContain('<w:pStyle w:val="CoverDocNumber"/>');
  });

  it("gives the contacts' column room for an e-mail address, with fixed column widths", async () => {
    const xml = await documentXml({ cover, body });
    const grid = /<w:tblGrid>(.*?)<\/w:tblGrid>/s.exec(xml)![1]!;
    const widths = [...grid.matchAll(/w:w="(\d+)"/g)].map((m) => Number(m[1]));
    expect(widths).toEqual([1700, 2738, 5200]);
    expect(xml).toContain('<w:tblLayout w:type="fixed"/>');
    const [emailLine] = paragraphsWith(xml, 'amina@example.org');
    expect(emailLine).toMatch(/<w:tab w:val="left" w:pos="1000"\/>/);
  });

  it("has the template's rows and no others: no Purpose row; Keywords and Abstract in their own table", async () => {
    const xml = await documentXml({ cover, body });
    const tables = xml.match(/<w:tbl>.*?<\/w:tbl>/gs)!;
    const labels = (table: string) =>
      [...table.matchAll(/<w:pStyle w:val="CoverLabel"\/>.*?<w:t[^>]*>([^<]*)<\/w:t>/gs)].map((m) => m[1]);
    expect(labels(tables[0]!)).toEqual(['Question(s):', 'Source:', 'Title:', 'Contact:', 'Contact:']);
    expect(labels(tables[1]!)).toEqual(['Keywords:', 'Abstract:']);
    expect(texts(xml)).not.toContain('Purpose:');
  });

  it('writes Chinese labels with no space after the full-width colon', async () => {
    const xml = await documentXml({ cover: { ...cover, language: 'zh' }, body });
    const all = texts(xml);
    expect(all).toContain('原文：中文');
    expect(all.filter((t) => /：\s/.test(t))).toEqual([]);
    const coordination = texts(
      await documentXml({
        cover: { ...cover, language: 'zh', source: '' },
        body,
        coordination: { missing: [{ code: 'missing', field: 'source' }] },
      }),
    );
    expect(coordination).toContain('尚待填写：来源');
  });

  it('follows French typography: a narrow no-break space before each colon', async () => {
    const all = texts(await documentXml({ cover: { ...cover, language: 'fr' }, body }));
    expect(all).toEqual(expect.arrayContaining(['Original\u202F: français', 'Titre\u202F:', 'Source\u202F:']));
    expect(all.filter((t) => /[^\u202F]:/.test(t) && !/\d:|https?:|mailto:/.test(t))).toEqual([]);
  });

  it('names the original language as that language writes it', async () => {
    const original = async (language: CoverFields['language']) =>
      texts(await documentXml({ cover: { ...cover, language }, body })).find((t) =>
        /^(Original|Оригинал|原文|الأصل)/.test(t),
      );
    expect(await original('en')).toBe('Original: English');
    expect(await original('es')).toBe('Original: español');
    expect(await original('ru')).toBe('Оригинал: русский');
    expect(await original('ar')).toBe('الأصل: العربية');
  });
});

describe('a copy for national coordination', () => {
  const halfDone: CoverFields = { ...cover, questions: '', abstract: '' };

  it('is marked as a draft on the cover and on every page, and lists what is missing', async () => {
    const files = await unzipped({
      cover: halfDone,
      body,
      coordination: {
        missing: [
          { code: 'missing', field: 'questions' },
          { code: 'contact-email', index: 1 },
          { code: 'missing', field: 'abstract' },
        ],
      },
    });
    const all = texts(files['word/document.xml']!);
    expect(all[0]).toBe('DRAFT — for national coordination');
    expect(all[1]).toBe('Still to complete: Question(s), E-mail of contact 2, Abstract');
    const headers = Object.entries(files).filter(([name]) => /^word\/header\d+\.xml$/.test(name));
    expect(headers.some(([, xml]) => texts(xml).includes('DRAFT — for national coordination'))).toBe(true);
  });

  it('is not what the final export writes', async () => {
    const files = await unzipped({ cover, body });
    expect(Object.values(files).some((xml) => xml.includes('national coordination'))).toBe(false);
  });
});

describe('links in the exported file', () => {
  const linked = (href: string, label: string): BodyNode => ({
    type: 'text',
    text: label,
    marks: [{ type: 'link', attrs: { href } }],
  });

  it('keeps https and mailto links and drops file:, javascript: and data: ones, keeping their text', async () => {
    const files = await unzipped({
      cover,
      body: {
        type: 'doc',
        content: [
          {
            type: 'paragraph',
            content: [
              linked('https://www.itu.int/rec/T-REC-A.1', 'A.1'),
              linked('mailto:tsbsg12@itu.int', 'TSB'),
              linked('file:///C:/Users/delegate/secret.docx', 'secret'),
              linked('javascript:alert(1)', 'click'),
              linked('data:text/html,<script>alert(1)</script>', 'data'),
              linked('http://insecure.example.org/', 'insecure'),
            ],
          },
        ],
      },
    });
    const targets = [...files['word/_rels/document.xml.rels']!.matchAll(/Target="([^"]+)"[^>]*TargetMode="External"/g)]
      .map((m) => m[1])
      .sort();
    expect(targets).toEqual(['https://www.itu.int/rec/T-REC-A.1', 'mailto:tsbsg12@itu.int']);
    const xml = files['word/document.xml']!;
    expect(texts(xml)).toEqual(expect.arrayContaining(['secret', 'click', 'data', 'insecure']));
    expect((xml.match(/<w:hyperlink /g) ?? []).length).toBe(2);
  });

  it('gives the same bytes for the same draft, whenever it is exported', async () => {
    const input = { cover, body, createdAt: '2026-11-30T08:15:00.000Z' };
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2026-12-07T10:00:00Z'));
      const first = new Uint8Array(await (await contributionBlob(input)).arrayBuffer());
      vi.setSystemTime(new Date('2027-03-01T17:45:31Z'));
      const second = new Uint8Array(await (await contributionBlob(input)).arrayBuffer());
      expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
      const files = unzipSync(first);
      const core = strFromU8(files['docProps/core.xml']!);
      expect(core).toContain('>2026-11-30T08:15:00Z</dcterms:created>');
      expect(core).toContain('>2026-11-30T08:15:00Z</dcterms:modified>');
      // The links keep their targets under their new names.
      const rels = strFromU8(files['word/_rels/document.xml.rels']!);
      const linkIds = [...strFromU8(files['word/document.xml']!).matchAll(/<w:hyperlink [^>]*r:id="([^"]+)"/g)].map(
        (m) => m[1],
      );
      expect(linkIds.length).toBeGreaterThan(0);
      for (const id of linkIds) expect(rels).toMatch(new RegExp(`Id="${id}"[^>]*TargetMode="External"`));
      const plain = unzipSync(new Uint8Array(await Packer.toBuffer(buildContribution(input))));
      expect(Object.keys(files)).toEqual(Object.keys(plain));
    } finally {
      vi.useRealTimers();
    }
  });
});
