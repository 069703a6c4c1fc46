/** The HTTP contract shared by the server and the widgets: request and response schemas of /api/v1. */
export * from './ballots';
export * from './common';
export * from './consultations';
export * from './errors';
export * from './events';
export * from './issues';
export * from './open311';
export * from './proposals';
export * from './staff';
