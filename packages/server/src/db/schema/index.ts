export * from './accounts';
export * from './audit';
export * from './clinic';
export * from './patients';
export * from './dosing';
export * from './screening';
export * from './scheduling';
export * from './outcomes';
