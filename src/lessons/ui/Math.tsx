import { memo, useMemo } from 'react';
import { useKatex } from '../../views/condition/katex';

const cache = new Map<string, string>();

/**
 * Lesson math: inline by default, `block` for display style. The plain-Unicode text shows until
 * KaTeX has loaded (it is lazily loaded) and is what screen readers get if it never does.
 */
export const M = memo(function M({ tex, plain, block = false }: { tex: string; plain: string; block?: boolean }) {
  const katex = useKatex();
  const html = useMemo(() => {
    if (!katex) return null;
    const key = `${block ? 'D' : 'I'}${tex}`;
    let out = cache.get(key);
    if (out === undefined) {
      try {
        out = katex.renderToString(tex, { displayMode: block, throwOnError: false, strict: 'ignore', output: 'htmlAndMathml' });
      } catch {
        return null;
      }
      cache.set(key, out);
    }
    return out;
  }, [katex, tex, block]);
  const Tag = block ? 'div' : 'span';
  const cls = block ? 'lesson-math-block' : 'lesson-math';
  if (html === null) return <Tag className={`${cls} tex-plain`}>{plain}</Tag>;
  return <Tag className={cls} dangerouslySetInnerHTML={{ __html: html }} />;
});
