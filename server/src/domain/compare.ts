/**
 * Compares strings by UTF-16 code units, as Neo4j orders them: the same order on every machine,
 * locale and store. Ids, keys and the tie-breaks of every order the API promises use it.
 */
export const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
