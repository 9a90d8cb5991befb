/** `npm start`: the embedded default, HTTP and job processors in one process (PGlite unless DATABASE_URL is set). */
import { runProcess } from './boot/start-fluxo';

runProcess('all');
