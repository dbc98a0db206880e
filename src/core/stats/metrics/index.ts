/** Performance metrics for performance (concept) drift, equal to scikit-learn's, and their bootstrap. */
export {
  confusionCounts,
  classificationScores,
  type ClassificationScores,
  scoreOrder,
  rocAuc,
  rocAucOrdered,
  logLoss,
  logLossTerms,
  meanLoss,
} from './classification';
export { regressionScores, type RegressionScores } from './regression';
export { wordEdits, wordErrorRate } from './wer';
export { bootstrapDifference, type BootstrapSide, type BootstrapOptions } from './bootstrap';
