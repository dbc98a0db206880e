/** The pure statistics library: typed arrays in, numbers out; no I/O, no VS Code. */
export { ksTwoSample, type KsResult } from './ks';
export { chiSquaredHomogeneity, type Chi2Result } from './chi2';
export { twoProportionZ, type ZTestResult } from './ztest';
export { wassersteinDistance, normalizedWasserstein } from './wasserstein';
export { jensenShannonDistance } from './jensenShannon';
export { histogramEdges, histogramCounts, sortedHistogramCounts, countCodes } from './binning';
export { kolmogornSf, smirnovSf } from './kolmogorov';
export {
  logGamma,
  regularizedGammaP,
  regularizedGammaQ,
  chi2Sf,
  erf,
  erfc,
  normalCdf,
  normalSf,
} from './special';
export { energyDistance } from './energy';
export { klDivergence, hellingerDistance, totalVariationDistance } from './divergences';
export { populationStabilityIndex } from './psi';
export { quantileEdges } from './binning';
export { fisherExact } from './fisher';
export { andersonKSample } from './anderson';
export { cramerVonMises2Samp } from './cramerVonMises';
export { mannWhitneyU } from './mannWhitney';
export { besselK } from './bessel';
export { ksTwoSampleSorted } from './ks';
export { wassersteinSorted, normalizedWassersteinSorted } from './wasserstein';
export { finiteOnly, sortedFinite } from './finite';
export { recycleSorted, releaseSortScratch, sortedCopy } from './sort';
export { describeSorted, quantileSorted, type Description } from './describe';
