/**
 * Front matter whose aliases double a dozen times (a "billion laughs" in small): yaml's parser
 * reads it, and its toJS() refuses to expand it by throwing. A person's steering change or a
 * goal_write can commit it.
 */
export const ALIAS_BOMB = ['status: active', 'a0: &a0 [1]', ...Array.from({ length: 12 }, (_, i) => `a${String(i + 1)}: &a${String(i + 1)} [*a${String(i)}, *a${String(i)}]`)].join('\n');
