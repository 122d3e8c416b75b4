/**
 * Every request schema that gets a pre-compiled validator. Add a schema here, then run
 * `npm run gen:validators` (CI fails if the generated file is stale).
 */
import { homeSummaryRequest, serverTimeRequest } from '../system/schemas';

export const schemaRegistry = {
  'system.homeSummary': homeSummaryRequest,
  'system.serverTime': serverTimeRequest,
} as const;

export type SchemaId = keyof typeof schemaRegistry;
