package io.rankexec.kernels.glm;

import java.io.Serializable;

/**
 * A fitted GLM.
 *
 * @param coefficients intercept first, then one per predictor column
 * @param deviance     residual deviance
 * @param iterations   IRLS iterations used
 * @param converged    whether the deviance criterion was met within the iteration limit
 */
public record GlmFit(double[] coefficients, double deviance, int iterations, boolean converged) implements Serializable {
}
