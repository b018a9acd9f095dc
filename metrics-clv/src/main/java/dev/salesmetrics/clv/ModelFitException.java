package dev.salesmetrics.clv;

/**
 * Thrown when data do not support a model: the likelihood has no interior maximum (parameters run
 * away to the edge of their range, for instance because nobody seems to drop out), the optimizer
 * could not reach a point where the gradient vanishes, the standard errors are undefined, or the
 * maximum lies where the model's predictions are undefined (a Gamma-Gamma fit with {@code q <=
 * 1}). The message names the cause and the parameter values.
 */
public final class ModelFitException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed, with the values involved
   */
  public ModelFitException(String message) {
    super(message);
  }
}
