/**
 * @ketaflow/core: pure clinical logic and the knowledge base.
 * No I/O, no clock, no environment: what it needs comes in as arguments.
 */
export * from './result';
export * from './knowledge/index';
export * from './dosing/index';
export * from './vocabulary/index';
export * from './screening/index';
export * from './scheduling/index';
export * from './courses/index';
export * from './outcomes/index';
export * from './monitoring/index';
export * from './cost/index';
export * from './self-check/index';
