import { memo, useLayoutEffect, useMemo, useRef } from 'react';
import { morph, renderTex, useKatex } from './katex';

export interface TexProps {
  tex: string;
  /** The same content in plain Unicode: shown until KaTeX has loaded. */
  plain: string;
  className?: string;
}

/**
 * Inline math. Re-renders only when its TeX changes; the KaTeX markup is then brought into the
 * span by rewriting only what changed (usually a few digits, see morph.ts), not via innerHTML.
 */
export const Tex = memo(function Tex({ tex, plain, className }: TexProps) {
  const katex = useKatex();
  const html = useMemo(() => (katex ? renderTex(katex, tex) : null), [katex, tex]);
  const cls = `tex${className ? ` ${className}` : ''}`;
  if (html === null) return <span className={`${cls} tex-plain`}>{plain}</span>;
  return <TexHtml className={cls} html={html} />;
});

/** A span whose children this component owns (React renders it empty and never touches them). */
function TexHtml({ className, html }: { className: string; html: string }) {
  const ref = useRef<HTMLSpanElement>(null);
  useLayoutEffect(() => {
    if (!ref.current) return;
    if (morph) morph.setHtml(ref.current, html);
    else ref.current.innerHTML = html;
  }, [html]);
  return <span ref={ref} className={className} />;
}
