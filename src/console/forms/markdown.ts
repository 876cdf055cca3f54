/**
 * The article editor's small, safe Markdown: headings (#, ##, ###), paragraphs (a blank line
 * between them) and lists (- or * items, 1. or 1、 items). The TV shows plain paragraphs, so each
 * becomes text a box can show: a heading as 【heading】, each list item as a paragraph of its own
 * with its bullet or number. Nothing else is markup: emphasis marks and links are reduced to their
 * text, and HTML is only text, so nothing but words reaches the feed.
 */
const HEADING = /^#{1,6}\s+(.+?)(\s+#+)?$/;
const BULLET = /^[-*+]\s+(.+)$/;
/** 1. item, 1) item, 1、item; not 1.5亩 (a number that starts a sentence). */
const NUMBERED = /^([0-9]{1,3})(?:[.)）]\s+|、\s*)(.+)$/;
const SHOWN_HEADING = /^【(.+)】$/;
const SHOWN_BULLET = '· ';

/** Emphasis and links as their words: the box would show the marks as they are. */
const plain = (text: string) =>
  text
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__|`)/g, '')
    .trim();

/** Lines of one paragraph joined: no space between Chinese lines, one between words of other scripts. */
const joinLines = (lines: string[]) =>
  lines.reduce(
    (text, line) => (text && /[\x21-\x7e]$/.test(text) && /^[\x21-\x7e]/.test(line) ? `${text} ${line}` : text + line),
    '',
  );

export const paragraphsFromMarkdown = (markdown: string): string[] => {
  const paragraphs: string[] = [];
  let lines: string[] = [];
  const flush = () => {
    const text = plain(joinLines(lines));
    if (text) paragraphs.push(text);
    lines = [];
  };
  for (const raw of markdown.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trim();
    const heading = HEADING.exec(line);
    const bullet = BULLET.exec(line);
    const numbered = NUMBERED.exec(line);
    if (!line) flush();
    else if (heading || bullet || numbered) {
      flush();
      if (heading) paragraphs.push(`【${plain(heading[1]!)}】`);
      else if (bullet) paragraphs.push(SHOWN_BULLET + plain(bullet[1]!));
      else paragraphs.push(`${numbered![1]}. ${plain(numbered![2]!)}`);
    } else lines.push(line);
  }
  flush();
  return paragraphs;
};

/** The paragraphs of a stored article as the editor shows them again. */
export const markdownFromParagraphs = (paragraphs: readonly string[]): string =>
  paragraphs
    .map((p) => {
      const heading = SHOWN_HEADING.exec(p);
      if (heading) return `## ${heading[1]}`;
      return p.startsWith(SHOWN_BULLET) ? `- ${p.slice(SHOWN_BULLET.length)}` : p;
    })
    .join('\n\n');
