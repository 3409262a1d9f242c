/**
 * Random variates on top of any {@link io.rankexec.rng.BlockRandom}: uniform integers and
 * doubles, Gaussian, exponential, Poisson, binomial, Bernoulli, sampling with replacement and
 * permutations. Entry point: {@link io.rankexec.rng.dist.Distributions}; the Poisson and
 * binomial samplers can also be set up once and reused ({@link io.rankexec.rng.dist.PoissonSampler},
 * {@link io.rankexec.rng.dist.BinomialSampler}). Block variants always equal the same number of
 * scalar draws, so batching never changes a result.
 */
package io.rankexec.rng.dist;
