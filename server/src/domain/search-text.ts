/**
 * The form in which search compares texts with names, so that what a user types finds a name
 * however its punctuation and letters are written: full-width and half-width forms alike
 * (`人形机器人(上海)` finds `人形机器人（上海）`, `Tesla` finds `ＴＥＳＬＡ`, by Unicode NFKC), every
 * kind of bracket as a parenthesis (【】〔〕［］〖〗 as （）), quotation marks as one mark, 、 and 。
 * as a comma and a full stop, runs of white space as one space; lower-cased and trimmed.
 * Both stores compare in this form: the embedded store works it out, the Neo4j store keeps it as
 * the properties `searchName` and `searchShort` of each enterprise.
 */
export function searchForm(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[[【〔〖〘〚]/g, '(')
    .replace(/[\]】〕〗〙〛]/g, ')')
    .replace(/[“”„‟「」『』〝〞〟"]/g, '"')
    .replace(/[‘’‚‛]/g, "'")
    .replace(/、/g, ',')
    .replace(/[。｡]/g, '.')
    .replace(/[·•・]/g, '·')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}
