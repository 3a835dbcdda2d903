/** Bumped when the parser's output changes; recorded in the database's build_info. */
export const PARSER_VERSION = '1.0.0';
