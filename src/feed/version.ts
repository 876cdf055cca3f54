/** The feed format's version; a file of another version is refused. Apart from the schema so that the box reads it without TypeBox. */
export const SCHEMA_VERSION = 1 as const;
