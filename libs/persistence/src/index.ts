export * from './instant-column';
export * from './open-data-source';
export * from './instants-in-place';
export * from './pg-instant-text';
export * from './hand-made-time-columns';
export * from './plain-rows';
export * from './pg-arrays';
export * from './statement-sizes';
