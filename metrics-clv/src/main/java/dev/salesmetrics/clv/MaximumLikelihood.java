package dev.salesmetrics.clv;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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
 * central differences of that gradient, with a backtracking line search.
 *
 * <p>The search stays inside a box, each {@code theta / scale} within a factor {@link
 * #SEARCH_BOUND} of 1, so that a likelihood that keeps rising towards a boundary (a parameter
 * "running away") ends at the box instead of at numbers no prediction can use. Each start's end
 * point is judged by a {@link Diagnosis}: the first start whose end point has no problem wins;
 * if none, the fit is refused with the problem of the end point with the highest likelihood.
 */
final class MaximumLikelihood {
  /** Largest accepted gradient norm (max-norm, per unit weight, log-parameter scale). */
  static final double GRADIENT_TOLERANCE = 1e-7;

  /** The search keeps every {@code theta / scale} in {@code [1/SEARCH_BOUND, SEARCH_BOUND]}. */
  static final double SEARCH_BOUND = 1e8;

  /**
   * Largest accepted standard error of {@code ln theta}: beyond it the 95% interval of a
   * parameter spans more than a factor {@code e^(2 * 1.96 * 5)}, about 3e8, so the data do not
   * determine it.
   */
  static final double MAX_LOG_STD_ERROR = 5;

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

  /** Judges an end point: returns what is wrong with it, or empty when it can be used. */
  interface Diagnosis {
    Optional<String> problem(Result result);
  }

  /** An end point: parameters, log-likelihood, gradient norm, curvature, standard errors. */
  static final class Result {
    private final double[] theta;
    private final double logLikelihood;
    private final double gradientNorm;
    private final boolean atBoundary;
    @Nullable private final double[] phiStdErrors;

    Result(
        double[] theta,
        double logLikelihood,
        double gradientNorm,
        boolean atBoundary,
        @Nullable double[] phiStdErrors) {
      this.theta = theta.clone();
      this.logLikelihood = logLikelihood;
      this.gradientNorm = gradientNorm;
      this.atBoundary = atBoundary;
      this.phiStdErrors = phiStdErrors == null ? null : phiStdErrors.clone();
    }

    double theta(int i) {
      return theta[i];
    }

    double logLikelihood() {
      return logLikelihood;
    }

    double gradientNorm() {
      return gradientNorm;
    }

    /** Whether the search stopped at the edge of its box. */
    boolean atBoundary() {
      return atBoundary;
    }

    /** Whether the gradient vanishes (within {@link #GRADIENT_TOLERANCE}). */
    boolean converged() {
      return gradientNorm <= GRADIENT_TOLERANCE;
    }

    /** Whether the Hessian is negative definite, so that standard errors exist. */
    boolean concave() {
      return phiStdErrors != null;
    }

    /** Standard error of ln(theta(i)); only when {@link #concave()}. */
    double logStdError(int i) {
      if (phiStdErrors == null) {
        throw new IllegalStateException("no standard errors where the likelihood is not concave");
      }
      return phiStdErrors[i];
    }

    /** Standard error of theta(i) by the delta method: theta * se(ln theta). */
    double stdError(int i) {
      return theta[i] * logStdError(i);
    }
  }

  private MaximumLikelihood() {}

  /**
   * Tries each start in turn and returns the first end point without a problem: one where the
   * gradient vanishes, the Hessian is negative definite, every standard error of {@code ln
   * theta} is at most {@link #MAX_LOG_STD_ERROR}, and {@code modelProblem} finds nothing.
   *
   * @param model the model's name for messages
   * @param names the parameter names for messages
   * @param scales the typical size of each parameter; the search box is relative to it
   * @param modelProblem the model's own checks (such as parameters running away), run first
   * @throws ModelFitException with the problem of the best end point if no start has none
   */
  static Result maximize(
      String model,
      List<String> names,
      Objective objective,
      double totalWeight,
      List<double[]> startThetas,
      double[] scales,
      Diagnosis modelProblem) {
    int dim = scales.length;
    double[] lower = new double[dim];
    double[] upper = new double[dim];
    for (int i = 0; i < dim; i++) {
      lower[i] = Math.log(scales[i] / SEARCH_BOUND);
      upper[i] = Math.log(scales[i] * SEARCH_BOUND);
    }
    Diagnosis diagnosis =
        result -> {
          Optional<String> own = modelProblem.problem(result);
          return own.isPresent() ? own : commonProblem(names, result);
        };
    Result best = null;
    String bestProblem = null;
    StringBuilder errors = new StringBuilder();
    for (double[] start : startThetas) {
      Result result;
      try {
        result = fromStart(objective, totalWeight, start, lower, upper);
      } catch (MathRuntimeException | ModelFitException e) {
        errors.append("; from ").append(Arrays.toString(start)).append(": ");
        errors.append(e.getMessage());
        continue;
      }
      Optional<String> problem = diagnosis.problem(result);
      if (problem.isEmpty()) {
        return result;
      }
      if (best == null || result.logLikelihood() > best.logLikelihood()) {
        best = result;
        bestProblem = problem.get();
      }
    }
    if (best == null) {
      throw new ModelFitException(
          model + " fit failed from every one of " + startThetas.size() + " starts" + errors);
    }
    throw new ModelFitException(model + " fit refused: " + bestProblem);
  }

  /** The checks every model shares: convergence, curvature, size of the standard errors. */
  private static Optional<String> commonProblem(List<String> names, Result r) {
    if (!r.converged()) {
      return Optional.of(
          String.format(
              Locale.ROOT,
              "did not converge: gradient norm %.3g above %.1g at %s",
              r.gradientNorm(),
              GRADIENT_TOLERANCE,
              parameters(names, r)));
    }
    if (!r.concave()) {
      return Optional.of(
          "standard errors undefined: the log-likelihood is not concave at "
              + parameters(names, r)
              + ", so the data do not determine the parameters");
    }
    for (int i = 0; i < names.size(); i++) {
      if (!(r.logStdError(i) <= MAX_LOG_STD_ERROR)) {
        return Optional.of(
            String.format(
                Locale.ROOT,
                "standard errors undefined: %s = %.6g has standard error %.3g (%.3g on the log"
                    + " scale, above %s), so the data do not determine it; at %s",
                names.get(i),
                r.theta(i),
                r.stdError(i),
                r.logStdError(i),
                MAX_LOG_STD_ERROR,
                parameters(names, r)));
      }
    }
    return Optional.empty();
  }

  /** Returns {@code name = value, ...} for messages. */
  static String parameters(List<String> names, Result r) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < names.size(); i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(String.format(Locale.ROOT, "%s = %.6g", names.get(i), r.theta(i)));
    }
    return sb.toString();
  }

  private static Result fromStart(
      Objective objective, double totalWeight, double[] startTheta, double[] lower,
      double[] upper) {
    int dim = startTheta.length;
    double[] phi = new double[dim];
    for (int i = 0; i < dim; i++) {
      phi[i] = Math.min(upper[i], Math.max(lower[i], Math.log(startTheta[i])));
    }
    SimplexOptimizer simplex = new SimplexOptimizer(1e-10, 1e-12);
    PointValuePair coarse =
        simplex.optimize(
            new MaxEval(NELDER_MEAD_EVALUATIONS),
            new ObjectiveFunction(
                p -> {
                  if (!inside(p, lower, upper)) {
                    return -Double.MAX_VALUE;
                  }
                  double v = evaluate(objective, p, null) / totalWeight;
                  return Double.isFinite(v) ? v : -Double.MAX_VALUE;
                }),
            GoalType.MAXIMIZE,
            new InitialGuess(phi),
            new NelderMeadSimplex(dim, 0.5));
    phi = coarse.getPoint();
    double[] gradient = new double[dim];
    double value = evaluate(objective, phi, gradient) / totalWeight;
    if (!inside(phi, lower, upper) || !Double.isFinite(value)) {
      throw new ModelFitException(
          "the log-likelihood is not finite anywhere the search went, last at "
              + Arrays.toString(exp(phi)));
    }
    scale(gradient, 1 / totalWeight);
    for (int iter = 0;
        iter < NEWTON_ITERATIONS
            && norm(gradient) > GRADIENT_TOLERANCE / 10
            && !atBoundary(phi, lower, upper);
        iter++) {
      double[] step;
      try {
        RealMatrix negHessian = negativeHessian(objective, phi, totalWeight);
        step =
            new CholeskyDecomposition(negHessian)
                .getSolver()
                .solve(MatrixUtils.createRealVector(gradient))
                .toArray();
      } catch (MathRuntimeException | ModelFitException e) {
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
        trialValue =
            inside(trial, lower, upper)
                ? evaluate(objective, trial, trialGradient) / totalWeight
                : Double.NEGATIVE_INFINITY;
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
    boolean atBoundary = atBoundary(phi, lower, upper);
    double[] stdErrors = null;
    if (!atBoundary) {
      try {
        RealMatrix information =
            negativeHessian(objective, phi, totalWeight).scalarMultiply(totalWeight);
        RealMatrix covariance = new CholeskyDecomposition(information).getSolver().getInverse();
        stdErrors = new double[dim];
        for (int i = 0; i < dim; i++) {
          stdErrors[i] = Math.sqrt(covariance.getEntry(i, i));
        }
      } catch (MathRuntimeException | ModelFitException e) {
        stdErrors = null; // not concave: no standard errors
      }
    }
    return new Result(exp(phi), value * totalWeight, gradientNorm, atBoundary, stdErrors);
  }

  /** Whether a parameter is within 0.1% of the edge of the box (a maximum running away). */
  private static boolean atBoundary(double[] phi, double[] lower, double[] upper) {
    for (int i = 0; i < phi.length; i++) {
      if (phi[i] - lower[i] < 1e-3 || upper[i] - phi[i] < 1e-3) {
        return true;
      }
    }
    return false;
  }

  private static boolean inside(double[] phi, double[] lower, double[] upper) {
    for (int i = 0; i < phi.length; i++) {
      if (!(phi[i] >= lower[i] && phi[i] <= upper[i])) {
        return false;
      }
    }
    return true;
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
    RealMatrix sym = h.add(h.transpose()).scalarMultiply(0.5);
    for (int i = 0; i < dim; i++) {
      for (int j = 0; j < dim; j++) {
        if (!Double.isFinite(sym.getEntry(i, j))) {
          throw new ModelFitException("Hessian is not finite at " + Arrays.toString(exp(phi)));
        }
      }
    }
    return sym;
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
