export type { AdminGetResult, UnionBrief } from '../../../../../shared/content/views';
export type RichNodeList = import('../../../../../shared/content/richText').RichNode[];
