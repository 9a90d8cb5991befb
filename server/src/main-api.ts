/** The HTTP process of a scaled-out deployment (needs DATABASE_URL and REDIS_URL; workers run the turns). */
import { runProcess } from './boot/start-fluxo';

runProcess('api');
