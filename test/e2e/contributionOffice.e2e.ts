import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Packer } from 'docx';
import { describe, expect, it } from 'vitest';
import { buildContribution, type ContributionInput } from '../../renderer/features/drafts/export/contributionDocx';
import { emptyCover, type BodyNode, type CoverFields } from '../../renderer/features/drafts/model/draftDoc';
import { docxToHtml, docxToPdf, pdfPagesToPng, pdfText } from '../support/office';
import { SCREENSHOTS } from '../support/sharedBrowser';

/** What LibreOffice makes of the exported file: its PDF (text and page images) and its HTML reading. */

const text = (value: string): BodyNode => ({ type: 'text', text: value });
const paragraph = (value: string): BodyNode => ({ type: 'paragraph', content: [text(value)] });

function longContribution(words: { heading: string; subheading: string; sentence: string }): BodyNode {
  return {
    type: 'doc',
    content: [
      { type: 'heading', attrs: { level: 2 }, content: [text(words.heading)] },
      ...Array.from({ length: 7 }, () => paragraph(words.sentence.repeat(8))),
      { type: 'heading', attrs: { level: 3 }, content: [text(words.subheading)] },
      {
        type: 'orderedList',
        attrs: { start: 3 },
        content: ['A', 'B'].map((item) => ({ type: 'listItem', content: [paragraph(`${words.heading} ${item}`)] })),
      },
    ],
  };
}

function cover(language: CoverFields['language'], fields: Partial<CoverFields>): CoverFields {
  return {
    ...emptyCover(language),
    studyGroup: 'SG12',
    questions: '9/12',
    placeAndDate: 'Geneva, 9-17 June 2031',
    keywords: 'QoE; mobile money',
    contacts: [
      {
        name: 'Amina Diallo',
        organization: 'Communications Authority of Kenya',
        country: 'Kenya',
        phone: '+254 20 4242000',
        email: 'amina.diallo@ca.example.org',
      },
    ],
    ...fields,
  };
}

async function exported(input: ContributionInput, name: string): Promise<{ folder: string; docx: string }> {
  const folder = mkdtempSync(path.join(tmpdir(), 'gapbridge-office-'));
  const docx = path.join(folder, `${name}.docx`);
  writeFileSync(docx, await Packer.toBuffer(buildContribution(input)));
  return { folder, docx };
}

const lines = (page: string) =>
  page
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
/** The running header's lines, without the spaces and direction marks pdftotext puts in small type. */
const headerLines = (page: string, count: number) =>
  lines(page)
    .slice(0, count)
    .map((line) => line.replace(/[\s\u202A-\u202E]/g, ''));

describe('the exported contribution, opened in LibreOffice', () => {
  it('has styled headings, the cover on page 1 and the running header from page 2', async () => {
    const { folder, docx } = await exported(
      {
        cover: cover('en', {
          source: 'Administration of Kenya',
          title: 'QoE requirements for mobile money services',
          abstract: 'This contribution proposes QoE indicators for mobile money services.',
        }),
        body: longContribution({
          heading: 'Introduction',
          subheading: 'Proposal',
          sentence: 'Mobile money is now a main payment channel in many developing countries. ',
        }),
      },
      'contribution-en',
    );
    const html = docxToHtml(docx, folder);
    const heading = /<h2[^>]*>(.*?)<\/h2>/s.exec(html)?.[1] ?? '';
    expect(heading).toContain('Introduction');
    expect(heading).not.toContain('font-weight: normal');
    expect(/<h3[^>]*>(.*?)<\/h3>/s.exec(html)?.[1]).toContain('Proposal');

    const pdf = docxToPdf(docx, folder);
    const first = lines(pdfText(pdf, 1));
    expect(first[0]).toBe('INTERNATIONAL TELECOMMUNICATION UNION');
    expect(first.some((line) => line.includes('- 1 -'))).toBe(false);
    // The e-mail address stays on the line of its label.
    expect(first.find((line) => line.includes('E-mail:'))).toMatch(/E-mail:\s+amina\.diallo@ca\.example\.org$/);
    expect(headerLines(pdfText(pdf, 2), 2)).toEqual(['-2-', 'SG12-C0xxx']);
    const lastPage = pdfText(pdf);
    expect(lastPage).toMatch(/3\.\s+Introduction A/);
    pdfPagesToPng(pdf, path.join(SCREENSHOTS, 'office-contribution-en'), 1, 2);
  });

  it('is laid out right to left in Arabic, with the same running header', async () => {
    const { folder, docx } = await exported(
      {
        cover: cover('ar', {
          source: 'إدارة كينيا',
          title: 'متطلبات جودة التجربة لخدمات النقود المتنقلة',
          abstract: 'تقترح هذه المساهمة مؤشرات لجودة التجربة.',
          placeAndDate: 'جنيف، 9-17 يونيو 2031',
          contacts: [
            {
              name: 'أمينة ديالو',
              organization: 'هيئة الاتصالات في كينيا',
              country: 'كينيا',
              phone: '+254 20 4242000',
              email: 'amina@ca.example.org',
            },
          ],
        }),
        body: longContribution({
          heading: 'مقدمة',
          subheading: 'اقتراح',
          sentence: 'أصبحت النقود المتنقلة قناة دفع رئيسية في كثير من البلدان النامية. ',
        }),
      },
      'contribution-ar',
    );
    const pdf = docxToPdf(docx, folder);
    const first = pdfText(pdf, 1);
    expect(first).toContain('+254 20 4242000');
    expect(first).toContain('amina@ca.example.org');
    expect(headerLines(pdfText(pdf, 2), 2)).toEqual(['-2-', 'SG12-C0xxx']);
    pdfPagesToPng(pdf, path.join(SCREENSHOTS, 'office-contribution-ar'), 1, 2);
  });

  it('marks a copy for national coordination as a draft, on the cover and on the following pages', async () => {
    const { folder, docx } = await exported(
      {
        cover: cover('fr', { source: '', title: 'Exigences de qualité', abstract: '' }),
        body: longContribution({
          heading: 'Introduction',
          subheading: 'Proposition',
          sentence: "L'argent mobile est devenu un moyen de paiement majeur dans de nombreux pays. ",
        }),
        coordination: {
          missing: [
            { code: 'missing', field: 'source' },
            { code: 'missing', field: 'abstract' },
          ],
        },
      },
      'coordination-fr',
    );
    const pdf = docxToPdf(docx, folder);
    const first = lines(pdfText(pdf, 1));
    expect(first[0]).toBe('PROJET — pour la coordination nationale');
    // pdftotext writes the narrow no-break space as a space; the unit tests check the character itself.
    expect(first[1]).toMatch(/^Reste à compléter\s: Source et Résumé$/);
    expect(first.join('\n')).toMatch(/Original\s: français/);
    expect(headerLines(pdfText(pdf, 2), 3)).toEqual(['PROJET—pourlacoordinationnationale', '-2-', 'SG12-C0xxx']);
    pdfPagesToPng(pdf, path.join(SCREENSHOTS, 'office-coordination-fr'), 1, 1);
  });
});
