// The largest YAML file irbook reads, apart from the reader so that a module can check it
// without loading the YAML parsers.
export const MAX_BYTES = 1024 * 1024;
// How much text `validate` remembers the parse and the YAML 1.1 scan of (about 35 playbooks'
// worth, each): what is remembered keeps its file's text alive, so past this, memory stays bounded.
export const REMEMBER_CHARS = 1 << 20;
