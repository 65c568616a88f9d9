export * from './answers';
export * from './choices';
export * from './unknown-answers';
