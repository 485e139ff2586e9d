import { launchChromium } from '../support/chromium';
import { startRendererServer } from '../support/rendererServer';
import { courseFigures } from './course';
import { draftsFigures } from './drafts';
import { meetingsFigures } from './meetings';
import { shellFigures, type Figure } from './shell';

const SUITES = { shell: shellFigures, course: courseFigures, meetings: meetingsFigures, drafts: draftsFigures };

/**
 * `npm run bench`: prints figures measured on this machine. A benchmark, never a pass/fail test.
 * `npm run bench -- drafts` measures one suite.
 */
async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const server = await startRendererServer();
  const browser = await launchChromium();
  try {
    const figures: Figure[] = [];
    for (const [name, measure] of Object.entries(SUITES)) {
      if (only.length === 0 || only.includes(name)) figures.push(...(await measure(browser, server.origin)));
    }
    const width = Math.max(...figures.map((f) => f.name.length));
    console.log('\nGapbridge benchmarks (Chromium, production build)\n');
    for (const { name, value, target } of figures) {
      console.log(`${name.padEnd(width)}  ${value}${target ? `   target ${target}` : ''}`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
