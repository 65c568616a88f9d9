export * from './answers';
export * from './choices';
