export const REFERENCE_DATA = Symbol('grid-events:REFERENCE_DATA');
export const MEDIA_STORE = Symbol('grid-events:MEDIA_STORE');
export const NOTIFICATION_GATEWAY = Symbol('grid-events:NOTIFICATION_GATEWAY');
export const GRID_EVENTS_SETTINGS = Symbol('grid-events:SETTINGS');
