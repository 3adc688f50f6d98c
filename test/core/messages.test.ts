import { describe, expect, it } from 'vitest';
import { message } from '../../src/core/i18n/messages.js';

describe('plural-aware messages', () => {
  it.each([
    [{ files: 1, errors: 0, warnings: 1 }, 'en', '1 file checked: 0 errors, 1 warning'],
    [{ files: 2, errors: 1, warnings: 2 }, 'en', '2 files checked: 1 error, 2 warnings'],
    [{ files: 1, errors: 1, warnings: 0 }, 'ja', '1 ファイルを検査: エラー 1 件、警告 0 件'],
    [{ files: 3, errors: 2, warnings: 0 }, 'zh', '已检查 3 个文件：错误 2 个，警告 0 个'],
  ] as const)('validate-summary %j in %s', (params, lang, want) => {
    expect(message('validate-summary', params, lang)).toBe(want);
  });
});
