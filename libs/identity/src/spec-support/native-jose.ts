/**
 * jose 6 is published as ES modules only, and jest (CommonJS here) does not transform node_modules,
 * so specs replace it with the copy Node itself loads (Node ≥ 20.19 can `require` an ES module):
 *
 *   jest.mock('jose', () => jest.requireActual('./spec-support/native-jose').nativeJose());
 *
 * The workspace-wide fix is `transformIgnorePatterns: ['/node_modules/(?!jose/)']` in jest.config.js.
 */
export function nativeJose(): unknown {
  return process.getBuiltinModule('node:module').createRequire(__filename)('jose');
}
