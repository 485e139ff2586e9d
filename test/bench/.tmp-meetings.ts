import { launchChromium } from '../support/chromium';
import { startRendererServer } from '../support/rendererServer';
import { meetingsFigures } from '../bench/meetings';
async function main(){const server = await startRendererServer();
const browser = await launchChromium();
try { for (const f of await meetingsFigures(browser, server.origin)) console.log(f.name, f.value); }
finally { await browser.close(); await server.close(); }}
void main();
