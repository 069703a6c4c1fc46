import { css } from 'lit';

/**
 * What every widget's shadow root starts from. The host page's rules cannot reach inside the shadow root, but
 * inherited properties (font-size, line-height, colour, letter-spacing…) flow in from whatever the host set on its
 * body, so `.w` sets each of them again. Sizes are px from custom properties with fallbacks, never rem: the host's
 * root size is not ours. Option text never goes below 16 px whatever a theme asks for.
 */
export const baseStyles = css`
  :host {
    display: block;
    contain: layout paint;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  .w {
    --_accent: var(--linli-accent, #0b57d0);
    --_accent-ink: var(--linli-accent-ink, #ffffff);
    --_ink: var(--linli-ink, #1a1a1a);
    --_muted: var(--linli-muted, #4d4d4d);
    --_line: var(--linli-line, #8a8a8a);
    --_soft: var(--linli-soft, #f1f4f9);
    --_bg: var(--linli-background, #ffffff);
    --_ok: var(--linli-ok, #146c2e);
    --_bad: var(--linli-bad, #b3261e);
    --_radius: var(--linli-radius, 8px);
    --_size: max(16px, var(--linli-font-size, 18px));
    --_small: max(16px, calc(var(--_size) * 0.9));
    display: block;
    margin: 0;
    padding: var(--linli-padding, 16px);
    border: 1px solid var(--_line);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_ink);
    font-family: var(
      --linli-font-family,
      system-ui,
      -apple-system,
      'PingFang SC',
      'Hiragino Sans GB',
      'Microsoft YaHei',
      'Noto Sans CJK SC',
      'Noto Sans SC',
      sans-serif
    );
    font-size: var(--_size);
    font-weight: 400;
    font-style: normal;
    line-height: 1.6;
    letter-spacing: normal;
    word-spacing: normal;
    text-align: start;
    text-transform: none;
    text-indent: 0;
    white-space: normal;
    overflow-wrap: anywhere;
    visibility: visible;
    cursor: auto;
  }
  h2,
  h3,
  p,
  ul,
  ol,
  dl,
  dd,
  fieldset,
  legend {
    margin: 0;
    padding: 0;
  }
  h2 {
    font-size: calc(var(--_size) * 1.25);
    line-height: 1.35;
    font-weight: 700;
    margin-bottom: 8px;
  }
  h3 {
    font-size: var(--_size);
    font-weight: 700;
    margin: 16px 0 8px;
  }
  ul,
  ol {
    list-style: none;
  }
  fieldset {
    border: 0;
    min-width: 0;
  }
  .muted {
    color: var(--_muted);
    font-size: var(--_small);
  }
  .btn {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 6px;
    min-height: 48px;
    min-width: 48px;
    margin: 0;
    padding: 8px 20px;
    border: 2px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_accent);
    color: var(--_accent-ink);
    font: inherit;
    font-weight: 700;
    line-height: 1.3;
    text-decoration: none;
    cursor: pointer;
    visibility: visible;
    opacity: 1;
  }
  .btn.secondary {
    background: var(--_bg);
    color: var(--_accent);
  }
  .btn.small {
    min-height: 44px;
    min-width: 44px;
    padding: 4px 12px;
    font-size: var(--_small);
  }
  .btn[disabled] {
    cursor: not-allowed;
    border-color: var(--_line);
    background: var(--_soft);
    color: var(--_muted);
  }
  :focus-visible {
    outline: 3px solid var(--linli-focus, #0b57d0);
    outline-offset: 2px;
  }
  input[type='text'],
  input[type='number'],
  textarea {
    display: block;
    width: 100%;
    min-height: 48px;
    margin: 4px 0 0;
    padding: 8px 12px;
    border: 2px solid var(--_line);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_ink);
    font: inherit;
  }
  textarea {
    min-height: 96px;
    resize: vertical;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 12px;
    align-items: center;
    margin-top: 16px;
  }
  .error {
    color: var(--_bad);
    font-weight: 700;
  }
  .ok {
    color: var(--_ok);
    font-weight: 700;
  }
  .sr {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .skeleton {
    display: block;
    height: 1.2em;
    margin: 10px 0;
    border-radius: 4px;
    background: var(--_soft);
  }
  .badge {
    display: inline-block;
    padding: 0 8px;
    border-radius: 999px;
    background: var(--_soft);
    color: var(--_ink);
    font-size: var(--_small);
  }
`;
