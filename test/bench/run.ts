import { launchChromium } from '../support/chromium';
import { startRendererServer } from '../support/rendererServer';
import { courseFigures } from './course';
import { draftsFigures } from './drafts';
import { meetingsFigures } from './meetings';
import { shellFigures, type Figure } from './shell';

/** `npm run bench`: prints figures measured on this machine. A benchmark, never a pass/fail test. */
async function main(): Promise<void> {
  const server = await startRendererServer();
  const browser = await launchChromium();
  try {
    const figures: Figure[] = [
      ...(await shellFigures(browser, server.origin)),
      ...(await courseFigures(browser, server.origin)),
      ...(await meetingsFigures(browser, server.origin)),
      ...(await draftsFigures(browser, server.origin)),
    ];
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
