// npm run bench: prints the numbers quoted in the README's performance section.
import { startup, validateThroughput } from './startup-validate.js';

console.log(`irbook benchmarks — node ${process.version}, ${new Date().toISOString()}\n`);
startup();
validateThroughput();
