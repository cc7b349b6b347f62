export * from './instant-column';
