import { runVerify, withCodeFromPdf } from './verifyCommand';

const { exitCode, lines } = runVerify(await withCodeFromPdf(process.argv.slice(2)));
(exitCode === 0 ? console.log : console.error)(lines.join('\n'));
process.exitCode = exitCode;
