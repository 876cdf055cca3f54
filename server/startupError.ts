/** What the service says when it cannot start or finish its recovery: a reason, not a stack trace. */

/** Why the service will not start, in both languages; main prints it as it is, without a stack trace. */
export class StartRefused extends Error {}

const code = (error: unknown): string =>
  error && typeof error === 'object' && 'code' in error ? String(error.code) : '';

export const startupProblem = (error: unknown): { zh: string; en: string } => {
  const detail = error instanceof Error ? error.message : String(error);
  switch (code(error)) {
    case 'ENOSPC':
    case 'SQLITE_FULL':
      return {
        zh: '数据目录所在的磁盘已满。腾出空间后再启动：首次启动会从中断处继续，未完成的发布会补完。',
        en: 'The disk holding the data directory is full. Free some space and start again: a first start resumes where it stopped, and unfinished publishes are completed.',
      };
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return { zh: `数据目录无法写入（${detail}）。`, en: `The data directory cannot be written (${detail}).` };
    default:
      return { zh: `服务无法启动：${detail}`, en: `The service cannot start: ${detail}` };
  }
};

export const reportStartupProblem = (error: unknown): void => {
  const { zh, en } = startupProblem(error);
  console.error(`${zh}\n${en}`);
};
