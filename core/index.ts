export * from './api';
export * from './models';
export * from './tally';
export * from './text';
