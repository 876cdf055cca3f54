/**
 * A notice written in Markdown: the first heading is its title, a blockquote its
 * summary, every other paragraph a paragraph of the body. Formatting marks are
 * dropped, since the TV shows plain text.
 */
export const noticeFromMarkdown = (text: string): { title: string; summary?: string; body: string[] } => {
  const blocks = text
    .replace(/\r\n/g, '\n')
    .split(/\n\s*\n/)
    .map((b) => b.trim())
    .filter(Boolean);
  const plain = (s: string) =>
    s
      .replace(/[*_`]/g, '')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/\n/g, '')
      .trim();
  let title = '';
  let summary: string | undefined;
  const body: string[] = [];
  for (const block of blocks) {
    if (!title && block.startsWith('#')) title = plain(block.replace(/^#+\s*/, ''));
    else if (block.startsWith('>') && summary === undefined) summary = plain(block.replace(/^>\s?/gm, ''));
    else body.push(plain(block.replace(/^[-*]\s+/gm, '')));
  }
  return { title, ...(summary ? { summary } : {}), body };
};
