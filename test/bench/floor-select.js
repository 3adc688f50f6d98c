// Floor of the first-prompt rows: node and @inquirer/prompts drawing one select, nothing else.
import { select } from '@inquirer/prompts';

try {
  await select({
    message: 'Confirmed this is a reportable anomaly (a classified document, personal or customer data appeared in a chat with people who need not know it)',
    choices: [{ name: 'Done', value: 'done' }, { name: 'Not yet (keep it open)', value: 'open' }, { name: 'Not applicable', value: 'na' }],
  });
} catch {
  process.exitCode = 130; // Ctrl-C at the prompt, as the bench ends it
}
