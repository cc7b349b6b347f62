import { queueStore } from './queue-store';

/** The caches the service worker keeps that a person's session may have filled (public/sw.js names them). */
const SESSION_CACHES = ['gongzhi-reference'];

/** Removes what a signed-in person left on the device: the offline queue and the service worker's data caches. */
export async function forgetDeviceData(): Promise<void> {
  await Promise.allSettled([queueStore.clear(), ...('caches' in window ? SESSION_CACHES.map((name) => caches.delete(name)) : [])]);
}
