/** The screener a worker thread runs, built from the setup the pool hands every thread. */
import { workerData } from 'node:worker_threads';
import { createScreener, type ScreenSetup } from './screen-call';

export const screen = createScreener(workerData as ScreenSetup);
