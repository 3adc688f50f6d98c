// The largest YAML file irbook reads, apart from the reader so that a module can check it
// without loading the YAML parsers.
export const MAX_BYTES = 1024 * 1024;
