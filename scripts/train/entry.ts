// The training bundle's entry (scripts/train/train.mjs bundles it): what training asks of the core,
// through the core's door.

export { BREAK_FEATURES, breakRows, type BreakRow, type BreakWeights } from '../../server/src/core';
