/** A worker process: turns, timers and deliveries from the BullMQ queues (needs DATABASE_URL and REDIS_URL). */
import { runProcess } from './boot/start-fluxo';

runProcess('worker');
