import { css } from 'lit';
import { baseStyles } from '../shared/base.styles';

export const styles = [
  baseStyles,
  css`
    .w {
      min-height: var(--linli-min-height, 480px);
    }
    .sort {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      margin-bottom: 12px;
    }
    .list {
      display: grid;
      gap: 12px;
    }
    .item {
      padding: 12px 16px;
      border: 1px solid var(--_line);
      border-radius: var(--_radius);
    }
    .item h3 {
      margin: 0 0 4px;
    }
    .body {
      margin-bottom: 4px;
      white-space: pre-line;
    }
    .meta {
      margin-top: 8px;
    }
    .supports {
      font-weight: 700;
    }
    .status-published {
      background: #fff4d6;
      color: #5c3d00;
    }
    .status-claimed,
    .status-done,
    .status-adopted {
      background: #e3f4e8;
      color: #0d4d22;
    }
    .claim {
      margin-top: 12px;
    }
    .claim label {
      display: block;
      font-weight: 700;
    }
    .submit {
      margin-top: 20px;
      padding-top: 4px;
      border-top: 1px solid var(--_line);
    }
    .field {
      margin-top: 12px;
    }
    .field label {
      display: block;
      font-weight: 700;
    }
    .empty {
      padding: 16px 0;
    }
  `,
];
