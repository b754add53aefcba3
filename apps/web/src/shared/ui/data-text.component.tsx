const HAN = /\p{Script=Han}/u;

/**
 * A value that exists in one language only (a person's name, a street address, a firm's
 * registered Chinese name): shown as stored, and marked `lang="zh-CN"` when it is Chinese, so
 * screen readers pronounce it right and the language checks know it is data, not UI text.
 */
export function DataText({ text, testId }: { text: string; testId?: string }) {
  return (
    <span lang={HAN.test(text) ? "zh-CN" : undefined} data-testid={testId}>
      {text}
    </span>
  );
}
