import { memo, useMemo } from 'react';
import { renderTex, useKatex } from './katex';

export interface TexProps {
  tex: string;
  /** The same content in plain Unicode: shown until KaTeX has loaded. */
  plain: string;
  className?: string;
}

/** Inline math. Re-renders only when its TeX changes; React patches the span only when the HTML differs. */
export const Tex = memo(function Tex({ tex, plain, className }: TexProps) {
  const katex = useKatex();
  const html = useMemo(() => (katex ? renderTex(katex, tex) : null), [katex, tex]);
  const cls = `tex${className ? ` ${className}` : ''}`;
  if (html === null) return <span className={`${cls} tex-plain`}>{plain}</span>;
  return <span className={cls} dangerouslySetInnerHTML={{ __html: html }} />;
});
