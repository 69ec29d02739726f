/** Entry point of `npm run -s plan -- <command>` (see main.ts). */
import { main } from './main';

process.exitCode = main(process.argv.slice(2));
