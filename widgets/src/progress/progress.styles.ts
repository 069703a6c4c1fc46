import { css } from 'lit';
import { baseStyles } from '../shared/base.styles';

export const styles = [
  baseStyles,
  css`
    .w {
      min-height: var(--linli-min-height, 520px);
    }
    .summary {
      margin-bottom: 8px;
    }
    :host {
      container-type: inline-size;
    }
    /* Narrow: one step per row (dot, name, state); wide: the five steps side by side. */
    .timeline {
      display: grid;
      gap: 8px;
    }
    .step {
      display: grid;
      grid-template-columns: auto 1fr auto;
      align-items: center;
      gap: 2px 10px;
      padding: 8px 10px;
      border: 2px solid var(--_line);
      border-radius: var(--_radius);
    }
    .step .dates {
      grid-column: 2 / -1;
    }
    @container (min-width: 820px) {
      .timeline {
        grid-template-columns: repeat(5, minmax(0, 1fr));
      }
      .step {
        grid-template-columns: auto;
        justify-items: start;
      }
      .step .dates {
        grid-column: auto;
      }
    }
    .step.current {
      border-color: var(--_accent);
      background: var(--_soft);
    }
    .step.done .dot {
      background: var(--_ok);
      border-color: var(--_ok);
    }
    .dot {
      display: inline-flex;
      align-items: center;
      justify-content: center;
      width: 24px;
      height: 24px;
      border: 2px solid var(--_line);
      border-radius: 50%;
      color: #fff;
      font-size: 16px;
      line-height: 1;
    }
    .step.current .dot {
      border-color: var(--_accent);
      background: var(--_accent);
    }
    .name {
      font-weight: 700;
    }
    .state,
    .dates {
      color: var(--_muted);
      font-size: var(--_small);
    }
    .progress {
      margin-top: 16px;
    }
    .bar {
      height: 16px;
      margin-top: 4px;
      border-radius: 8px;
      background: #e3e7ee;
      overflow: hidden;
    }
    .fill {
      display: block;
      height: 100%;
      background: var(--_accent);
    }
    .milestones,
    .updates {
      display: grid;
      gap: 8px;
    }
    .milestones li {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 10px;
      align-items: baseline;
    }
    .milestones .tick {
      color: var(--_muted);
    }
    .milestones .done .tick {
      color: var(--_ok);
      font-weight: 700;
    }
    .updates li {
      padding-left: 12px;
      border-left: 3px solid var(--_accent);
    }
    time {
      color: var(--_muted);
      font-size: var(--_small);
    }
  `,
];
