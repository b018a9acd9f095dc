package dev.salesmetrics.metric;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.salesmetrics.internal.SafeText;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The result of {@code stage_conversion}: one conversion {@link Ratio} per pair of consecutive
 * stages of a stage order, plus the overall conversion from the first stage to the last.
 *
 * <p>Each step {@code s → s'} is {@code Ratio(deals that entered s in P and later entered s', deals
 * that entered s in P)}. The overall ratio is computed the same way for the first and the last
 * stage (a deal counts on top when it entered the last stage any time after entering the first in
 * P), not as the product of the steps. {@link #asDouble()} is the overall conversion, or empty when
 * no deal entered the first stage in P; {@link #sampleSize()} is the overall denominator.
 *
 * <p>Prints one step per line: {@code lead → qualified: 50.0% (2/4)}, then {@code overall lead →
 * won: 25.0% (1/4)}. Immutable and thread safe.
 *
 * @param steps the conversion of each pair of consecutive stages, in stage order; at least one
 * @param overall the conversion from the first stage of the order to the last
 */
public record StageFunnel(List<Step> steps, Ratio overall) implements MetricValue {

  /**
   * Validates and copies the steps.
   *
   * @param steps the conversion of each pair of consecutive stages, at least one
   * @param overall the conversion from the first stage to the last
   * @throws NullPointerException if an argument or a step is null
   * @throws IllegalArgumentException if {@code steps} is empty or two steps do not chain (a step
   *     must start at the stage where the previous one ended)
   */
  public StageFunnel {
    checkNotNull(overall, "overall");
    steps = ImmutableList.copyOf(checkNotNull(steps, "steps"));
    if (steps.isEmpty()) {
      throw new IllegalArgumentException("steps must not be empty");
    }
    for (int i = 1; i < steps.size(); i++) {
      if (!steps.get(i).from().equals(steps.get(i - 1).to())) {
        throw new IllegalArgumentException(
            "steps must chain: step "
                + i
                + " starts at \""
                + steps.get(i).from()
                + "\" but the previous step ends at \""
                + steps.get(i - 1).to()
                + "\"");
      }
    }
  }

  /**
   * Returns the conversion from stage {@code from} to the stage after it.
   *
   * @param from a stage of the order (case-insensitive)
   * @return the ratio of the step starting at {@code from}, or empty if no step starts there
   */
  public Optional<Ratio> conversionFrom(String from) {
    checkNotNull(from, "from");
    for (Step step : steps) {
      if (step.from().equalsIgnoreCase(from)) {
        return Optional.of(step.ratio());
      }
    }
    return Optional.empty();
  }

  /**
   * Returns the stage order the funnel was computed for.
   *
   * @return the stages, first to last
   */
  public ImmutableList<String> stages() {
    ImmutableList.Builder<String> stages = ImmutableList.builder();
    stages.add(steps.get(0).from());
    for (Step step : steps) {
      stages.add(step.to());
    }
    return stages.build();
  }

  /**
   * Returns the overall conversion from the first stage to the last.
   *
   * @return the overall fraction, or empty when no deal entered the first stage in the period
   */
  @Override
  public OptionalDouble asDouble() {
    return overall.value();
  }

  /**
   * Returns how many deals entered the first stage in the period.
   *
   * @return the overall denominator
   */
  @Override
  public long sampleSize() {
    return overall.denominator();
  }

  /**
   * Formats one line per step and a last line for the overall conversion.
   *
   * @return e.g. {@code "lead → qualified: 50.0% (2/4)\noverall lead → qualified: 50.0% (2/4)"}
   */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder();
    for (Step step : steps) {
      text.append(step).append('\n');
    }
    return text.append(
            String.format(
                Locale.ROOT,
                "overall %s → %s: %s",
                SafeText.forTerminal(steps.get(0).from()),
                SafeText.forTerminal(steps.get(steps.size() - 1).to()),
                overall))
        .toString();
  }

  /**
   * The conversion of one pair of consecutive stages. Immutable.
   *
   * @param from the stage entered in the period
   * @param to the next stage of the order
   * @param ratio {@code Ratio(deals that entered from in P and later entered to, deals that entered
   *     from in P)}
   */
  public record Step(String from, String to, Ratio ratio) {

    /**
     * Validates the components.
     *
     * @param from the stage entered in the period, not blank
     * @param to the next stage, not blank
     * @param ratio the conversion
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if a stage is blank
     */
    public Step {
      checkNotNull(from, "from");
      checkNotNull(to, "to");
      checkNotNull(ratio, "ratio");
      if (from.isBlank() || to.isBlank()) {
        throw new IllegalArgumentException(
            "stages must not be blank: \"" + from + "\" → \"" + to + "\"");
      }
    }

    /**
     * Formats as {@code "lead → qualified: 50.0% (2/4)"}.
     *
     * @return the text
     */
    @Override
    public String toString() {
      return SafeText.forTerminal(from) + " → " + SafeText.forTerminal(to) + ": " + ratio;
    }
  }
}
