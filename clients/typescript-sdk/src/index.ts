/**
 * The Performance OS SDK: a small typed client (`createClient`) and the operations of
 * `api-schema/operations/`, generated as typed documents (`ViewerDocument`, `AccountsDocument`,
 * `CreateAccountDocument`, `AccountCreatedDocument`...) with their result, variable, enum and input
 * types.
 */
export {
  createClient,
  subscriptionUrlOf,
  type ClientOptions,
  type OperationArguments,
  type PerformanceOsClient,
  type TokenProvider,
  type WebSocketConstructor,
} from './client.js';
export { GraphQLRequestError, type ErrorCode, type GraphQLRequestErrorDetails } from './errors.js';
export type { FetchFunction } from './http.js';
export type { Subscription } from './subscriptions.js';
export type { ThrottleInfo } from './throttle.js';
export type {
  CostInfo,
  GraphQLErrorPayload,
  GraphQLResponse,
  RequestOptions,
  RequestResult,
  ResponseExtensions,
} from './types.js';
export * from './generated/graphql.js';
