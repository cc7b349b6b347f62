/** The title the host serves its OpenAPI document under (main.ts) and the web app's types are generated from. */
export const HOST_OPEN_API = {
  title: 'Gongzhi 共治 API',
  description: 'Cases, dispatch, the resident council and points, in one process.',
} as const;
