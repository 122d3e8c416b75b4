/** The stored union contact (`union_contacts/<unionId>`) and its one view. */
import type { UnionContactView } from '../../../shared/system/contacts';

export interface ContactDoc {
  _id: string;
  unionName: string;
  contactPhone: string;
  address: string;
  hours: string;
  location: { latitude: number; longitude: number } | null;
  /** When it was last set. Who set it is not stored: nothing personal to erase on 注销账号. */
  updatedAt: Date;
}

export function contactView(doc: ContactDoc): UnionContactView {
  return {
    unionId: doc._id,
    unionName: doc.unionName,
    contactPhone: doc.contactPhone,
    address: doc.address,
    hours: doc.hours,
    location: doc.location ?? null,
    updatedAt: new Date(doc.updatedAt).toISOString(),
  };
}
