package dev.salesmetrics.clv;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * How well a purchase model fitted on a calibration period predicts a holdout period: for each
 * calibration customer, the predicted {@code E[Y(t) | x, t_x, T]} against the actual number of
 * purchase days in the holdout, plus totals, correlation and errors.
 *
 * <p>The holdout runs from the day after {@code calibrationEnd} to {@code holdoutEnd}
 * inclusive, and {@code t} is its length in the model's unit. Customers whose first purchase is
 * after the calibration end are not scored. Immutable.
 *
 * @param calibrationEnd the last day of calibration
 * @param holdoutEnd the last day of the holdout
 * @param horizon the holdout length {@code t} in the model's unit
 * @param rows one row per calibration customer, sorted by id
 */
public record HoldoutEvaluation(
    LocalDate calibrationEnd,
    LocalDate holdoutEnd,
    double horizon,
    ImmutableList<HoldoutEvaluation.Row> rows) {

  /**
   * One customer's prediction and outcome.
   *
   * @param customerId the customer
   * @param predicted the expected number of holdout purchases
   * @param actual the number of distinct holdout purchase days
   */
  public record Row(String customerId, double predicted, int actual) {
    /**
     * Validates the components.
     *
     * @param customerId the customer
     * @param predicted the expected number of purchases, {@code >= 0}
     * @param actual the actual number of purchase days, {@code >= 0}
     * @throws IllegalArgumentException if a number is out of range
     */
    public Row {
      checkNotNull(customerId, "customerId");
      Checks.nonNegative("predicted", predicted);
      if (actual < 0) {
        throw new IllegalArgumentException("actual must be >= 0: " + actual);
      }
    }
  }

  /**
   * Validates the components and copies the rows.
   *
   * @param calibrationEnd the last day of calibration
   * @param holdoutEnd the last day of the holdout
   * @param horizon the holdout length in the model's unit
   * @param rows the rows
   * @throws IllegalArgumentException if the holdout does not end after the calibration
   */
  public HoldoutEvaluation {
    checkNotNull(calibrationEnd, "calibrationEnd");
    checkNotNull(holdoutEnd, "holdoutEnd");
    if (!holdoutEnd.isAfter(calibrationEnd)) {
      throw new IllegalArgumentException(
          "holdout end " + holdoutEnd + " must be after calibration end " + calibrationEnd);
    }
    Checks.nonNegative("horizon", horizon);
    rows = ImmutableList.copyOf(rows);
  }

  /**
   * Scores a model on transactions split at {@code calibrationEnd}.
   *
   * @param model the purchase model, typically fitted on the same calibration period
   * @param transactions all purchases
   * @param calibrationEnd the last day of calibration
   * @param holdoutEnd the last day of the holdout
   * @return the evaluation
   * @throws IllegalArgumentException if {@code holdoutEnd} is not after {@code calibrationEnd}
   */
  public static HoldoutEvaluation of(
      BgNbdModel model,
      Iterable<Transaction> transactions,
      LocalDate calibrationEnd,
      LocalDate holdoutEnd) {
    checkNotNull(model, "model");
    checkNotNull(transactions, "transactions");
    if (!holdoutEnd.isAfter(calibrationEnd)) {
      throw new IllegalArgumentException(
          "holdout end " + holdoutEnd + " must be after calibration end " + calibrationEnd);
    }
    CalibrationSummary calibration =
        CalibrationSummary.of(transactions, calibrationEnd, model.unit());
    Map<String, Set<LocalDate>> holdoutDays = new HashMap<>();
    for (Transaction t : transactions) {
      if (t.date().isAfter(calibrationEnd) && !t.date().isAfter(holdoutEnd)) {
        holdoutDays.computeIfAbsent(t.customerId(), k -> new HashSet<>()).add(t.date());
      }
    }
    double t = model.unit().fromDays((double) ChronoUnit.DAYS.between(calibrationEnd, holdoutEnd));
    ImmutableList.Builder<Row> rows = ImmutableList.builder();
    for (CustomerSummary c : calibration.customers()) {
      double predicted = model.expectedPurchases(t, c.frequency(), c.recency(), c.age());
      int actual = holdoutDays.getOrDefault(c.customerId(), Set.of()).size();
      rows.add(new Row(c.customerId(), predicted, actual));
    }
    return new HoldoutEvaluation(calibrationEnd, holdoutEnd, t, rows.build());
  }

  /**
   * Sum of the predictions.
   *
   * @return the predicted number of holdout purchases of all customers
   */
  public double totalPredicted() {
    double sum = 0;
    for (Row row : rows) {
      sum += row.predicted();
    }
    return sum;
  }

  /**
   * Sum of the actual purchase days.
   *
   * @return the actual number of holdout purchases of all customers
   */
  public long totalActual() {
    long sum = 0;
    for (Row row : rows) {
      sum += row.actual();
    }
    return sum;
  }

  /**
   * Mean absolute error per customer, {@code mean |predicted - actual|}.
   *
   * @return the error, or empty when there is no customer
   */
  public OptionalDouble meanAbsoluteError() {
    if (rows.isEmpty()) {
      return OptionalDouble.empty();
    }
    double sum = 0;
    for (Row row : rows) {
      sum += Math.abs(row.predicted() - row.actual());
    }
    return OptionalDouble.of(sum / rows.size());
  }

  /**
   * Root mean squared error per customer.
   *
   * @return the error, or empty when there is no customer
   */
  public OptionalDouble rootMeanSquaredError() {
    if (rows.isEmpty()) {
      return OptionalDouble.empty();
    }
    double sum = 0;
    for (Row row : rows) {
      double d = row.predicted() - row.actual();
      sum += d * d;
    }
    return OptionalDouble.of(Math.sqrt(sum / rows.size()));
  }

  /**
   * Pearson correlation of predicted and actual values across customers.
   *
   * @return the correlation in [-1, 1], or empty with fewer than two customers or when either
   *     column is constant
   */
  public OptionalDouble correlation() {
    int n = rows.size();
    if (n < 2) {
      return OptionalDouble.empty();
    }
    double meanP = totalPredicted() / n;
    double meanA = (double) totalActual() / n;
    double spp = 0;
    double saa = 0;
    double spa = 0;
    for (Row row : rows) {
      double dp = row.predicted() - meanP;
      double da = row.actual() - meanA;
      spp += dp * dp;
      saa += da * da;
      spa += dp * da;
    }
    if (spp == 0 || saa == 0) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(Math.max(-1, Math.min(1, spa / Math.sqrt(spp * saa))));
  }
}
