package dev.salesmetrics.clv;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.annotation.Nullable;
import org.hipparchus.exception.MathRuntimeException;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.PointValuePair;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.hipparchus.optim.nonlinear.scalar.noderiv.SimplexOptimizer;

/**
 * Maximizes a log-likelihood over log-parameters {@code phi = ln(theta)}: a Nelder-Mead search
 * (Hipparchus) from each start, then Newton steps with the analytic gradient and a Hessian from
 * central differences of that gradient, with a backtracking line search. A start counts as
 * converged only when the gradient per unit weight is below {@link #GRADIENT_TOLERANCE} and the
 * Hessian is negative definite; otherwise the next start is tried.
 */
final class MaximumLikelihood {
  /** Largest accepted gradient norm (max-norm, per unit weight, log-parameter scale). */
  static final double GRADIENT_TOLERANCE = 1e-7;

  private static final int NELDER_MEAD_EVALUATIONS = 4000;
  private static final int NEWTON_ITERATIONS = 100;

  /** A log-likelihood in log-parameter space. */
  interface Objective {
    /**
     * Returns the log-likelihood at {@code theta = exp(phi)}, and stores the gradient with respect
     * to {@code phi} when {@code gradient} is not null.
     */
    double valueAndGradient(double[] theta, @Nullable double[] gradient);
  }

  /** The maximum: parameters, log-likelihood, gradient norm, standard errors of ln(theta). */
  static final class Result {
    private final double[] theta;
    private final double logLikelihood;
    private final double gradientNorm;
    private final double[] phiStdErrors;

    Result(double[] theta, double logLikelihood, double gradientNorm, double[] phiStdErrors) {
      this.theta = theta.clone();
      this.logLikelihood = logLikelihood;
      this.gradientNorm = gradientNorm;
      this.phiStdErrors = phiStdErrors.clone();
    }

    double theta(int i) {
      return theta[i];
    }

    /** Standard error of theta(i) by the delta method: theta * se(ln theta). */
    double stdError(int i) {
      return theta[i] * phiStdErrors[i];
    }

    double logLikelihood() {
      return logLikelihood;
    }

    double gradientNorm() {
      return gradientNorm;
    }
  }

  private MaximumLikelihood() {}

  /**
   * Tries each start in turn and returns the first maximum that passes the gradient and
   * concavity checks.
   *
   * @throws ModelFitException if no start converges
   */
  static Result maximize(
      String model, Objective objective, double totalWeight, List<double[]> startThetas) {
    StringBuilder failures = new StringBuilder();
    for (double[] start : startThetas) {
      try {
        return fromStart(objective, totalWeight, start);
      } catch (ModelFitException | MathRuntimeException e) {
        failures.append("; from ").append(Arrays.toString(start)).append(": ");
        failures.append(e.getMessage());
      }
    }
    throw new ModelFitException(
        model + " fit did not converge from any of " + startThetas.size() + " starts" + failures);
  }

  private static Result fromStart(Objective objective, double totalWeight, double[] startTheta) {
    int dim = startTheta.length;
    double[] phi = new double[dim];
    for (int i = 0; i < dim; i++) {
      phi[i] = Math.log(startTheta[i]);
    }
    SimplexOptimizer simplex = new SimplexOptimizer(1e-10, 1e-12);
    PointValuePair coarse =
        simplex.optimize(
            new MaxEval(NELDER_MEAD_EVALUATIONS),
            new ObjectiveFunction(p -> meanValue(objective, p, totalWeight)),
            GoalType.MAXIMIZE,
            new InitialGuess(phi),
            new NelderMeadSimplex(dim, 0.5));
    phi = coarse.getPoint();
    double[] gradient = new double[dim];
    double value = evaluate(objective, phi, gradient) / totalWeight;
    scale(gradient, 1 / totalWeight);
    for (int iter = 0;
        iter < NEWTON_ITERATIONS && norm(gradient) > GRADIENT_TOLERANCE / 10;
        iter++) {
      RealMatrix negHessian = negativeHessian(objective, phi, totalWeight);
      double[] step;
      try {
        step =
            new CholeskyDecomposition(negHessian)
                .getSolver()
                .solve(MatrixUtils.createRealVector(gradient))
                .toArray();
      } catch (MathRuntimeException e) {
        step = gradient.clone(); // not concave here: steepest ascent
      }
      double length = 1;
      double[] trial = new double[dim];
      double[] trialGradient = new double[dim];
      double trialValue = Double.NEGATIVE_INFINITY;
      for (int halving = 0; halving < 60; halving++) {
        for (int i = 0; i < dim; i++) {
          trial[i] = phi[i] + length * step[i];
        }
        trialValue = evaluate(objective, trial, trialGradient) / totalWeight;
        if (trialValue >= value - 1e-15 * Math.abs(value)) {
          break;
        }
        length /= 2;
      }
      if (!(trialValue >= value - 1e-15 * Math.abs(value))) {
        break;
      }
      phi = trial.clone();
      value = trialValue;
      gradient = trialGradient.clone();
      scale(gradient, 1 / totalWeight);
    }
    double gradientNorm = norm(gradient);
    if (!(gradientNorm <= GRADIENT_TOLERANCE)) {
      throw new ModelFitException(
          String.format(
              Locale.ROOT,
              "gradient norm %.3g above %.1g at %s",
              gradientNorm,
              GRADIENT_TOLERANCE,
              Arrays.toString(exp(phi))));
    }
    RealMatrix information =
        negativeHessian(objective, phi, totalWeight).scalarMultiply(totalWeight);
    RealMatrix covariance;
    try {
      covariance = new CholeskyDecomposition(information).getSolver().getInverse();
    } catch (MathRuntimeException e) {
      throw new ModelFitException(
          "log-likelihood is not concave at the stationary point " + Arrays.toString(exp(phi)));
    }
    double[] stdErrors = new double[dim];
    for (int i = 0; i < dim; i++) {
      stdErrors[i] = Math.sqrt(covariance.getEntry(i, i));
    }
    return new Result(exp(phi), value * totalWeight, gradientNorm, stdErrors);
  }

  private static double meanValue(Objective objective, double[] phi, double totalWeight) {
    double v = evaluate(objective, phi, null) / totalWeight;
    return Double.isFinite(v) ? v : -Double.MAX_VALUE;
  }

  private static double evaluate(Objective objective, double[] phi, @Nullable double[] gradient) {
    double[] theta = exp(phi);
    for (double t : theta) {
      if (!(t > 0) || !Double.isFinite(t)) {
        return Double.NEGATIVE_INFINITY;
      }
    }
    double v = objective.valueAndGradient(theta, gradient);
    if (gradient != null) {
      for (double g : gradient) {
        if (!Double.isFinite(g)) {
          return Double.NEGATIVE_INFINITY;
        }
      }
    }
    return Double.isNaN(v) ? Double.NEGATIVE_INFINITY : v;
  }

  /** Central differences of the analytic gradient, per unit weight, symmetrized, negated. */
  private static RealMatrix negativeHessian(Objective objective, double[] phi, double totalWeight) {
    int dim = phi.length;
    RealMatrix h = MatrixUtils.createRealMatrix(dim, dim);
    double[] up = new double[dim];
    double[] down = new double[dim];
    for (int j = 0; j < dim; j++) {
      double step = 1e-5 * Math.max(1, Math.abs(phi[j]));
      double[] p = phi.clone();
      p[j] = phi[j] + step;
      double upValue = evaluate(objective, p, up);
      p[j] = phi[j] - step;
      double downValue = evaluate(objective, p, down);
      if (!Double.isFinite(upValue) || !Double.isFinite(downValue)) {
        throw new ModelFitException("log-likelihood is not finite near " + Arrays.toString(exp(p)));
      }
      for (int i = 0; i < dim; i++) {
        h.setEntry(i, j, -(up[i] - down[i]) / (2 * step) / totalWeight);
      }
    }
    return h.add(h.transpose()).scalarMultiply(0.5);
  }

  private static double[] exp(double[] phi) {
    double[] theta = new double[phi.length];
    for (int i = 0; i < phi.length; i++) {
      theta[i] = Math.exp(phi[i]);
    }
    return theta;
  }

  private static void scale(double[] v, double factor) {
    for (int i = 0; i < v.length; i++) {
      v[i] *= factor;
    }
  }

  private static double norm(double[] v) {
    double max = 0;
    for (double x : v) {
      max = Math.max(max, Math.abs(x));
    }
    return max;
  }
}
