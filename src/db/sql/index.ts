/** Pure SQL builders (strings only; no engine import): safe to use from Node and the browser. */
export * from './literal'
export * from './metric'
export * from './scope'
export * from './overview'
