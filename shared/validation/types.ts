/** The minimal shape of an ajv error we rely on (kept here so app code needs no ajv types). */
export interface ValidationIssue {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

/** A pre-compiled standalone ajv validator. */
export interface ValidatorFn {
  (data: unknown): boolean;
  errors?: ValidationIssue[] | null;
}
