export * from './api';
export * from './http';
export * from './messages';
export * from './queue';
export * from './stream';
