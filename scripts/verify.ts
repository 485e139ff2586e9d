import { runVerify } from './verifyCommand';

const { exitCode, lines } = runVerify(process.argv.slice(2));
(exitCode === 0 ? console.log : console.error)(lines.join('\n'));
process.exitCode = exitCode;
