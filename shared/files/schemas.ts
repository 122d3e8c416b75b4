/** The request of the upload slot actions (one per function that stores images; see ./images.ts). */
import { IMAGE_EXTS } from './images';

export function uploadSlotSchema<Id extends string>($id: Id) {
  return {
    $id,
    type: 'object',
    additionalProperties: false,
    required: ['unionId', 'ext'],
    properties: {
      unionId: { type: 'string', title: '工会组织', minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' },
      ext: { type: 'string', title: '图片格式', enum: IMAGE_EXTS },
    },
  } as const;
}
