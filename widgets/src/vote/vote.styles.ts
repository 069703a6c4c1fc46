import { css } from 'lit';
import { baseStyles } from '../shared/base.styles';

export const styles = [
  baseStyles,
  css`
    .w {
      min-height: var(--linli-min-height, 560px);
    }
    .phase {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      margin: 4px 0 12px;
    }
    .notice {
      background: #fff4d6;
      color: #5c3d00;
    }
    .legend {
      display: block;
      margin-bottom: 8px;
      font-weight: 700;
    }
    .choices,
    .ranked,
    .budget {
      display: grid;
      gap: 8px;
    }
    .option {
      display: flex;
      align-items: center;
      gap: 12px;
      min-height: 56px;
      padding: 8px 12px;
      border: 2px solid var(--_line);
      border-radius: var(--_radius);
      background: var(--_bg);
      font-size: var(--_size);
      cursor: pointer;
    }
    .option.checked {
      border-color: var(--_accent);
      background: var(--_soft);
    }
    .option input[type='radio'],
    .option input[type='checkbox'] {
      width: 24px;
      height: 24px;
      margin: 0;
      flex: none;
      accent-color: var(--_accent);
    }
    .option .text {
      flex: 1;
    }
    .rank {
      cursor: default;
    }
    .pos {
      display: inline-flex;
      align-items: center;
      justify-content: center;
      flex: none;
      width: 32px;
      height: 32px;
      border-radius: 50%;
      background: var(--_accent);
      color: var(--_accent-ink);
      font-weight: 700;
    }
    .points label {
      display: grid;
      grid-template-columns: 1fr 7em;
      align-items: center;
      gap: 8px;
      width: 100%;
    }
    .points input {
      margin: 0;
      text-align: end;
    }
    .left {
      margin-top: 8px;
      font-weight: 700;
    }
    .field {
      display: block;
      margin-top: 16px;
      font-weight: 700;
    }
    .field .muted {
      display: block;
      font-weight: 400;
    }
    .field input {
      max-width: 16em;
      font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
      letter-spacing: 0.08em;
    }
    .confirm,
    .receipt,
    .queued,
    .closed {
      padding: 12px 16px;
      border-radius: var(--_radius);
      background: var(--_soft);
    }
    .receipt dl {
      margin: 8px 0;
    }
    .receipt dt {
      font-weight: 700;
    }
    .receipt dd {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
    }
    .receipt code {
      font-size: var(--_small);
      word-break: break-all;
    }
    a {
      color: var(--_accent);
      text-decoration: underline;
    }
    .results {
      margin-top: 20px;
      padding-top: 4px;
      border-top: 1px solid var(--_line);
    }
    .bars {
      display: grid;
      gap: 10px;
    }
    .civil {
      margin-top: 14px;
    }
    .result-head {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      gap: 4px 12px;
    }
    .result-value {
      font-variant-numeric: tabular-nums;
    }
    .bar {
      position: relative;
      height: 14px;
      margin-top: 4px;
      border-radius: 7px;
      background: #e3e7ee;
      overflow: visible;
    }
    .fill {
      display: block;
      height: 100%;
      border-radius: 7px;
      background: var(--_accent);
    }
    .marker {
      position: absolute;
      top: -4px;
      bottom: -4px;
      width: 3px;
      margin-left: -1px;
      background: var(--_ink);
    }
    .threshold {
      font-size: 16px;
    }
    .shortfall {
      margin-top: 12px;
      font-weight: 700;
      color: var(--_bad);
    }
    .outcome {
      margin-top: 12px;
    }
  `,
];
