export * from './ballot';
export * from './ballot-rules';
export * from './common';
export * from './consultation';
export * from './evaluation';
export * from './issue';
export * from './meeting';
export * from './proposal';
