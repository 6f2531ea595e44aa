// Limits shared by the ingest stages and the command line, kept in a module with no dependencies.

/** Default size limit for one input file (bytes); plans are well under a megabyte, the whole corpus is 16 MB. */
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;
