/** Multivariate drift statistics: joint changes no single column shows. Pure TypeScript on typed arrays. */
export { fitBoostedTrees, predictBoostedTrees, type BoostOptions, type BoostedTrees } from './boostedTrees';
export {
  domainClassifier,
  aucMannWhitney,
  simes,
  type DomainClassifierOptions,
  type DomainClassifierOutput,
} from './domainClassifier';
export { mmdPermutationTest, medianBandwidth, mmdUnbiased, type MmdOptions, type MmdOutput } from './mmd';
