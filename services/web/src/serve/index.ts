// The server side of the web app: the Nest module with which a host serves the built app (dist/web).
// Its own project (type:infra), so the all-in-one host may import it; the app itself is type:ui.
export { WebStaticModule, isPlatformPath, type WebStaticOptions } from './web-static.module';
