/**
 * Line-break opportunities for Chinese text, for Lightning's text wrapper (which by
 * default breaks only at spaces). Each hanzi is its own token, Latin words and numbers
 * stay whole, and the punctuation that must not start a line (，。、！) or end one
 * (（《「) is glued to its neighbour: the Chinese rule known as 避头尾.
 */
const NO_LINE_START = '，。、；：？！）》」』】〕”’…—·%％,.;:?!)]}';
const NO_LINE_END = '（《「『【〔“‘¥￥([{';
const isCjk = (ch: string): boolean => /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/.test(ch);

const isOpenersOnly = (word: string): boolean => word !== '' && Array.from(word).every((c) => NO_LINE_END.includes(c));

export const tokenizeChinese = (text: string): string[] => {
  const tokens: string[] = [];
  let word = '';
  const flush = () => {
    if (word) tokens.push(word);
    word = '';
  };
  for (const ch of Array.from(text)) {
    if (ch === ' ') {
      flush();
      tokens.push(' ');
    } else if (NO_LINE_START.includes(ch)) {
      // Stick to whatever came before, including a finished token.
      if (word) word += ch;
      else if (tokens.length && tokens[tokens.length - 1] !== ' ') tokens[tokens.length - 1] += ch;
      else word = ch;
    } else if (NO_LINE_END.includes(ch)) {
      // An opening bracket waits for what it opens.
      if (!isOpenersOnly(word)) flush();
      word += ch;
    } else if (isCjk(ch)) {
      if (!isOpenersOnly(word)) flush();
      word += ch;
      flush();
    } else {
      if (word && !isOpenersOnly(word) && isCjk(word.slice(-1))) flush();
      word += ch;
    }
  }
  flush();
  return tokens;
};
